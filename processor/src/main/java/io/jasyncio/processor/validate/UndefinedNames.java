package io.jasyncio.processor.validate;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.ArrayTypeTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.UnionTypeTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import io.jasyncio.processor.scan.BodyScan;
import io.jasyncio.processor.scan.MemberLookup;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * A name in a body that javac will report as undefined ({@code cannot find symbol}): a simple
 * name used as a value, or an unqualified call, that is no local, no member of the class or of
 * a class enclosing it, and no static import; a member selected on a value of a known class
 * that has no member of the name ({@code list.sise()}); a call of the class's own methods with
 * a number of arguments none of them takes; or a simple name in a type position that names no
 * type the file sees. A class generated from the body would only repeat
 * javac's error inside generated code, so the method is withheld (see
 * {@code AsyncProcessor}), as for {@link ObviousTypeErrors}.
 *
 * <p>The processor sees unattributed trees, so this is a lookup of its own; it answers yes only
 * where it is sure: not inside a local or anonymous class (whose supertypes bring names of
 * their own), not where a name could be a type or a package (a qualifier, a type position),
 * and not at all when a supertype of the class cannot be resolved yet.
 */
public final class UndefinedNames {
  private final Elements elements;
  private final TypeElement type;

  /** A lookup from the body of an {@code @Async} method of {@code type}. */
  public UndefinedNames(Elements elements, TypeElement type) {
    this.elements = elements;
    this.type = type;
  }

  /**
   * A name javac will not find: a variable or method ({@code type} false), or a type, which a
   * later round may still generate.
   */
  public record Undefined(String name, boolean type) {}

  /** The first name in the body {@code scan} read that is surely undefined, or null. */
  public Undefined firstIn(BodyScan scan, MethodTree method, CompilationUnitTree unit) {
    if (!hierarchyKnown() || hasModuleImport(unit)) {
      return null;
    }
    for (BodyScan.Unresolved u : scan.unresolved()) {
      if (outsideLocalClasses(u.path(), method) && (u.method() || isValue(u.path()))
          && !staticallyImported(unit, u.name(), u.method())) {
        return new Undefined(u.name(), false);
      }
    }
    // The scan resolves a declared type by its name alone: one a type variable or a class of
    // the body shadows may not be the class it found.
    java.util.Set<String> shadowing = localTypeNames(method);
    for (BodyScan.MemberMiss miss : scan.memberMisses()) {
      if (outsideLocalClasses(miss.path(), method)
          && miss.owner().asType().getKind() != TypeKind.ERROR && resolved(miss.owner())
          && !shadowing.contains(miss.owner().getSimpleName().toString())
          && (isClassOfKnownHierarchy(miss.owner()) || !objectHas(miss.name()))) {
        return new Undefined(miss.owner().getSimpleName() + "." + miss.name(), false);
      }
    }
    for (BodyScan.MemberRef ref : scan.memberRefs()) {
      if (ref.method() && outsideLocalClasses(ref.path(), method)
          && ref.path().getParentPath().getLeaf() instanceof MethodInvocationTree call
          && isClassOfKnownHierarchy(ref.found().scope()) && noneTakes(ref.found(), call)) {
        return new Undefined(ref.found().first().getSimpleName() + "()", false);
      }
    }
    String type = firstUnknownType(method, unit);
    return type == null ? null : new Undefined(type, true);
  }

  /**
   * Whether {@code t} is a class (not an interface, whose members javac completes with
   * Object's) whose supertypes are all resolved, so its members are all known.
   */
  private boolean isClassOfKnownHierarchy(TypeElement t) {
    ElementKind kind = t.getKind();
    return (kind == ElementKind.CLASS || kind == ElementKind.ENUM
        || kind == ElementKind.RECORD) && resolved(t);
  }

  /** Whether {@code java.lang.Object}, whose methods every interface has too, has a member so named. */
  private boolean objectHas(String name) {
    TypeElement object = elements.getTypeElement("java.lang.Object");
    return object == null || elements.getAllMembers(object).stream()
        .anyMatch(e -> e.getSimpleName().contentEquals(name));
  }

  /** Whether no method of {@code found} takes as many arguments as {@code call} passes. */
  private static boolean noneTakes(MemberLookup.Found found, MethodInvocationTree call) {
    int arguments = call.getArguments().size();
    for (Element e : found.members()) {
      javax.lang.model.element.ExecutableElement m =
          (javax.lang.model.element.ExecutableElement) e;
      int parameters = m.getParameters().size();
      if (parameters == arguments || m.isVarArgs() && arguments >= parameters - 1) {
        return false;
      }
    }
    return true;
  }

  /**
   * The first simple name in a type position of the method's own code ({@code new Pantry()},
   * a local's declared type, a cast) that names no type the file can see, or null.
   */
  /** The type variables of the method and its classes, and the classes its body declares. */
  private java.util.Set<String> localTypeNames(MethodTree method) {
    java.util.Set<String> local = new java.util.HashSet<>();
    for (TypeElement t = type; t != null; t = MemberLookup.enclosingType(t)) {
      t.getTypeParameters().forEach(tp -> local.add(tp.getSimpleName().toString()));
    }
    method.getTypeParameters().forEach(tp -> local.add(tp.getName().toString()));
    new com.sun.source.util.TreeScanner<Void, Void>() {
      @Override
      public Void visitClass(ClassTree node, Void p) {
        local.add(node.getSimpleName().toString());
        return super.visitClass(node, p);
      }
    }.scan(method.getBody(), null);
    return local;
  }

  private String firstUnknownType(MethodTree method, CompilationUnitTree unit) {
    java.util.Set<String> local = localTypeNames(method);
    String[] found = new String[1];
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitClass(ClassTree node, Void p) {
        return null; // declared in the body: its own names are not looked into
      }

      @Override
      public Void visitNewClass(NewClassTree node, Void p) {
        // new Foo() { ... }: an anonymous class's body is its own scope.
        scan(node.getEnclosingExpression(), p);
        scan(node.getIdentifier(), p);
        scan(node.getTypeArguments(), p);
        return scan(node.getArguments(), p);
      }

      @Override
      public Void visitIdentifier(IdentifierTree node, Void p) {
        String name = node.getName().toString();
        if (found[0] == null && isTypePosition(getCurrentPath()) && !local.contains(name)
            && !name.equals("var") && !typeKnown(unit, name)) {
          found[0] = name;
        }
        return null;
      }
    }.scan(new TreePath(new TreePath(unit), method.getBody()), null);
    return found[0];
  }

  /** Whether the simple name at {@code path} stands where only a type can. */
  private static boolean isTypePosition(TreePath path) {
    Tree name = path.getLeaf();
    Tree parent = path.getParentPath().getLeaf();
    return parent instanceof VariableTree v && v.getType() == name
        || parent instanceof NewClassTree n && n.getIdentifier() == name
        || parent instanceof NewArrayTree a && a.getType() == name
        || parent instanceof TypeCastTree c && c.getType() == name
        || parent instanceof InstanceOfTree i && i.getType() == name
        || parent instanceof ParameterizedTypeTree
        || parent instanceof ArrayTypeTree
        || parent instanceof UnionTypeTree;
  }

  /**
   * Whether {@code name} is a type the file sees: a member type of the class (its own,
   * inherited or of a class enclosing it), one imported, one of its package or of
   * {@code java.lang}; or possibly one, when an on-demand import's package or class is not
   * known.
   */
  private boolean typeKnown(CompilationUnitTree unit, String name) {
    if (new MemberLookup(elements, type).memberType(name) != null
        || elements.getTypeElement("java.lang." + name) != null) {
      return true;
    }
    String pkg = unit.getPackageName() == null ? "" : unit.getPackageName().toString() + ".";
    if (elements.getTypeElement(pkg + name) != null) {
      return true;
    }
    for (ImportTree imp : unit.getImports()) {
      if (imp.isStatic() || !(imp.getQualifiedIdentifier() instanceof MemberSelectTree s)) {
        continue;
      }
      String member = s.getIdentifier().toString();
      String from = s.getExpression().toString();
      if (member.equals(name)) {
        return true;
      }
      if (member.equals("*") && (elements.getTypeElement(from + "." + name) != null
          || elements.getPackageElement(from) == null && elements.getTypeElement(from) == null)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the file imports a module ({@code import module m;}, Java 25), seen reflectively. */
  private static boolean hasModuleImport(CompilationUnitTree unit) {
    for (ImportTree imp : unit.getImports()) {
      try {
        if (Boolean.TRUE.equals(ImportTree.class.getMethod("isModule").invoke(imp))) {
          return true;
        }
      } catch (ReflectiveOperationException olderJdk) {
        return false; // no module imports before Java 23
      }
    }
    return false;
  }

  /** Whether every supertype of the class and of the classes enclosing it is resolved. */
  private boolean hierarchyKnown() {
    for (TypeElement t = type; t != null; t = MemberLookup.enclosingType(t)) {
      if (!resolved(t)) {
        return false;
      }
    }
    return true;
  }

  private boolean resolved(TypeElement t) {
    java.util.List<TypeMirror> supertypes = new java.util.ArrayList<>(t.getInterfaces());
    supertypes.add(t.getSuperclass());
    for (TypeMirror s : supertypes) {
      if (s.getKind() == TypeKind.ERROR) {
        return false;
      }
      if (s instanceof DeclaredType d && d.asElement() instanceof TypeElement e && !resolved(e)) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code path} is in the method's own code, not in a class declared in it. */
  private static boolean outsideLocalClasses(TreePath path, MethodTree method) {
    for (TreePath p = path; p != null && p.getLeaf() != method; p = p.getParentPath()) {
      if (p.getLeaf() instanceof ClassTree) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the simple name at {@code path} stands where only a value can: an operand, an
   * argument, a value assigned, returned or initializing a local; never a qualifier or a type.
   */
  private static boolean isValue(TreePath path) {
    Tree name = path.getLeaf();
    Tree parent = path.getParentPath().getLeaf();
    return parent instanceof BinaryTree || parent instanceof UnaryTree
        || parent instanceof ParenthesizedTree || parent instanceof ConditionalExpressionTree
        || parent instanceof ReturnTree || parent instanceof ExpressionStatementTree
        || parent instanceof AssignmentTree || parent instanceof CompoundAssignmentTree
        || parent instanceof ArrayAccessTree
        || parent instanceof VariableTree v && v.getInitializer() == name
        || parent instanceof MethodInvocationTree call && call.getArguments().contains(name)
        || parent instanceof NewClassTree n && n.getArguments().contains(name);
  }

  /** Whether a static import of the file brings a field or method named {@code name}. */
  private boolean staticallyImported(CompilationUnitTree unit, String name, boolean method) {
    for (ImportTree imp : unit.getImports()) {
      if (!imp.isStatic() || !(imp.getQualifiedIdentifier() instanceof MemberSelectTree s)) {
        continue;
      }
      String member = s.getIdentifier().toString();
      if (member.equals(name)) {
        return true;
      }
      if (member.equals("*")) {
        TypeElement from = elements.getTypeElement(s.getExpression().toString());
        if (from == null || hasStatic(from, name, method)) {
          return true; // not known yet: it may bring the name
        }
      }
    }
    return false;
  }

  private boolean hasStatic(TypeElement from, String name, boolean method) {
    for (Element e : elements.getAllMembers(from)) {
      ElementKind kind = e.getKind();
      boolean wanted = method ? kind == ElementKind.METHOD
          : kind == ElementKind.FIELD || kind == ElementKind.ENUM_CONSTANT;
      if (wanted && e.getModifiers().contains(Modifier.STATIC)
          && e.getSimpleName().contentEquals(name)) {
        return true;
      }
    }
    return false;
  }
}
