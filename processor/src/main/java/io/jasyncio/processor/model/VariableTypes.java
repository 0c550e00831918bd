package io.jasyncio.processor.model;

import com.palantir.javapoet.TypeName;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import io.jasyncio.processor.Diagnostic;
import io.jasyncio.processor.Messages;
import io.jasyncio.processor.scan.BodyScan;
import io.jasyncio.processor.scan.GeneratedNames;
import io.jasyncio.processor.scan.LocalTypes;
import io.jasyncio.processor.scan.MemberLookup;
import io.jasyncio.processor.scan.TypeNotYetKnownException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The types of the template's variables as the machine spells them: a local's declared or
 * inferred type (read from javac's scopes where the tree does not say), a catch parameter's, a
 * resource's (and whether it is an {@code AsyncCloseable}), an assignment target's kind.
 */
final class VariableTypes extends MethodFacts {
  /** Whether each try-with-resources resource is an AsyncCloseable, once asked. */
  private final Map<Tree, Boolean> closesAsync = new java.util.IdentityHashMap<>();

  /** The type variables of locals of an intersection type. */
  final IntersectionTypes intersections;

  VariableTypes(MethodFacts facts, IntersectionTypes intersections) {
    super(facts);
    this.intersections = intersections;
  }

  /**
   * The type of a local no use of which tells it (a resource the body never names): read from
   * the scope of the statement it guards.
   */
  TypeMirror typeInScopeAfter(BodyScan.Local local) {
    TreePath decl = trees.getPath(in.path().getCompilationUnit(), local.tree());
    if (decl == null || !(decl.getParentPath().getLeaf() instanceof com.sun.source.tree.TryTree t)
        || t.getBlock().getStatements().isEmpty()) {
      return null;
    }
    TreePath first = new TreePath(new TreePath(decl.getParentPath(), t.getBlock()),
        t.getBlock().getStatements().get(0));
    try {
      for (com.sun.source.tree.Scope sc = trees.getScope(first); sc != null
          && sc.getEnclosingMethod() != null; sc = sc.getEnclosingScope()) {
        for (Element e : sc.getLocalElements()) {
          if (e.getSimpleName().contentEquals(local.name())) {
            return e.asType();
          }
        }
      }
    } catch (RuntimeException javacCannotAttribute) {
      return null;
    }
    return null;
  }

  /** The type of a local declared in a nested block, read from the scope at one of its uses. */
  TypeMirror typeAtUse(BodyScan.Local local) {
    for (BodyScan.LocalRef ref : in.scan().localRefs()) {
      if (ref.local() != local) {
        continue;
      }
      try {
        TreePath at = trees.getPath(in.path().getCompilationUnit(), ref.tree());
        for (com.sun.source.tree.Scope sc = trees.getScope(at); sc != null
            && sc.getEnclosingMethod() != null; sc = sc.getEnclosingScope()) {
          for (Element e : sc.getLocalElements()) {
            javax.lang.model.element.ElementKind k = e.getKind();
            if (e.getSimpleName().contentEquals(local.name())
                && (k == javax.lang.model.element.ElementKind.LOCAL_VARIABLE
                    || k == javax.lang.model.element.ElementKind.BINDING_VARIABLE
                    || k == javax.lang.model.element.ElementKind.EXCEPTION_PARAMETER
                    || k == javax.lang.model.element.ElementKind.RESOURCE_VARIABLE)) {
              return e.asType() instanceof javax.lang.model.type.UnionType union
                  ? commonSuperclass(union.getAlternatives()) : e.asType();
            }
          }
        }
      } catch (RuntimeException javacCannotAttribute) {
        return null;
      }
    }
    return null;
  }

  /** Whether the try-with-resources resource {@code resource} is an AsyncCloseable. */
  boolean closesAsync(Tree resource) {
    return closesAsync.computeIfAbsent(resource, r -> {
      TypeElement closeable = elements.getTypeElement("io.jasyncio.AsyncCloseable");
      TypeMirror type = closeable == null ? null : resourceType(r);
      return type != null && type.getKind() == javax.lang.model.type.TypeKind.DECLARED
          && typeUtils.isAssignable(typeUtils.erasure(type),
              typeUtils.erasure(closeable.asType()));
    });
  }

  /**
   * The type of the local or field {@code e} names: a simple name, or a field selected on
   * {@code this} or on the name of the class or of a class enclosing it; null when not known.
   */
  TypeMirror variableType(ExpressionTree e) {
    if (e instanceof IdentifierTree) {
      return resourceType(e);
    }
    if (!(e instanceof MemberSelectTree m)
        || !(m.getExpression() instanceof IdentifierTree qualifier)) {
      return null;
    }
    for (TypeElement scope = type; scope != null;
        scope = scope.getEnclosingElement() instanceof TypeElement outer ? outer : null) {
      if (qualifier.getName().contentEquals("this") && scope == type
          || qualifier.getName().contentEquals(scope.getSimpleName())) {
        MemberLookup.Found found =
            new MemberLookup(elements, scope).field(m.getIdentifier().toString());
        return found == null ? null : found.first().asType();
      }
    }
    return null;
  }

  /** The type of a resource: a declared one, or a local or field named in try (r). */
  TypeMirror resourceType(Tree resource) {
    BodyScan.Local local = null;
    for (BodyScan.Local l : in.scan().locals()) {
      if (l.tree() == resource) {
        local = l;
      }
    }
    if (resource instanceof IdentifierTree id) {
      for (BodyScan.LocalRef ref : in.scan().localRefs()) {
        if (ref.tree() == id) {
          local = ref.local();
        }
      }
      if (local == null) {
        MemberLookup.Found found = new MemberLookup(elements, type).field(id.getName().toString());
        return found == null ? null : found.first().asType();
      }
    }
    if (local == null) {
      return null;
    }
    TypeMirror t = local.topLevel() ? localTypes.of(local.name()) : typeAtUse(local);
    return t != null ? t : typeInScopeAfter(local);
  }

  /** The type a catch parameter is declared with (a union's closest common superclass). */
  String catchType(com.sun.source.tree.CatchTree c) {
    Tree type = c.getParameter().getType();
    if (!(type instanceof com.sun.source.tree.UnionTypeTree union)) {
      return source.render(type);
    }
    // A multi-catch parameter has the alternatives' closest common superclass.
    List<TypeMirror> alternatives = new ArrayList<>();
    for (Tree alternative : union.getTypeAlternatives()) {
      TypeElement e = resolveCaught(alternative);
      if (e == null) {
        return "Throwable";
      }
      alternatives.add(e.asType());
    }
    return TypeName.get(commonSuperclass(alternatives)).toString();
  }

  /** The closest class all of {@code alternatives} extend (a multi-catch's declared type). */
  TypeMirror commonSuperclass(List<? extends TypeMirror> alternatives) {
    javax.lang.model.util.Types types = typeUtils;
    for (TypeMirror candidate = alternatives.get(0); candidate.getKind() == TypeKind.DECLARED;
        candidate = ((TypeElement) types.asElement(candidate)).getSuperclass()) {
      TypeMirror c2 = candidate;
      if (alternatives.stream().allMatch(a -> types.isSubtype(a, c2))) {
        return candidate;
      }
    }
    return elements.getTypeElement("java.lang.Throwable").asType();
  }

  TypeElement resolveCaught(Tree typeTree) {
    String name = typeTree.toString();
    TypeElement direct = elements.getTypeElement(name);
    if (direct != null) {
      return direct;
    }
    for (com.sun.source.tree.ImportTree imp : in.path().getCompilationUnit().getImports()) {
      String imported = imp.getQualifiedIdentifier().toString();
      if (!imp.isStatic() && imported.endsWith("." + name)) {
        return elements.getTypeElement(imported);
      }
      if (!imp.isStatic() && imported.endsWith(".*")) {
        TypeElement t = elements.getTypeElement(imported.substring(0, imported.length() - 1)
            + name);
        if (t != null) {
          return t;
        }
      }
    }
    String pkg = GeneratedNames.packageOf(type);
    TypeElement inPackage = elements.getTypeElement(pkg.isEmpty() ? name : pkg + "." + name);
    return inPackage != null ? inPackage : elements.getTypeElement("java.lang." + name);
  }

  /** The declaration of the local {@code a} assigns, or null for a field. */
  VariableTree localOfTarget(AssignmentTree a) {
    if (a.getVariable() instanceof IdentifierTree id) {
      for (BodyScan.LocalRef ref : in.scan().localRefs()) {
        if (ref.tree() == id) {
          return ref.local().tree();
        }
      }
    }
    return null;
  }

  /** The scanned local {@code v} declares, or null. */
  private BodyScan.Local localOf(VariableTree v) {
    for (BodyScan.Local l : in.scan().locals()) {
      if (l.tree() == v) {
        return l;
      }
    }
    return null;
  }

  /** The type of a declared local, {@code var} included; null if javac cannot tell. */
  TypeMirror typeOf(VariableTree v) {
    for (BodyScan.Local l : in.scan().locals()) {
      if (l.tree() == v) {
        if (l.topLevel()) {
          return localTypes.of(l.name());
        }
        TypeMirror atUse = typeAtUse(l);
        // Unused after its declaration: its value is only awaited, so Object holds it.
        return atUse != null ? atUse
            : elements.getTypeElement("java.lang.Object").asType();
      }
    }
    return null;
  }

  /** The type a local is declared with in the machine ({@code var} resolved). */
  String declaredType(VariableTree v) {
    Tree t = v.getType();
    if (t == null || isVar(v)) {
      TypeMirror type = typeOf(v);
      if (type != null && LocalTypes.mentionsError(type)) {
        throw new TypeNotYetKnownException(
            trees.getPath(in.path().getCompilationUnit(), v), v.getName().toString());
      }
      BodyScan.Local local = localOf(v);
      if (IntersectionTypes.applies(type) && local != null
          && !in.scan().assigned().contains(local)) {
        return intersections.variableFor(v, v.getName().toString(), type).toString();
      }
      if (type == null || !LocalTypes.isDenotable(type)) {
        throw new ModelException(Diagnostic.at(
            trees.getPath(in.path().getCompilationUnit(), v),
            Messages.nonDenotable(v.getName().toString(), String.valueOf(type))));
      }
      return TypeName.get(type).toString();
    }
    return typeText(t);
  }

  /** The type as the declaration spells it ({@code var} stays {@code var}). */
  String sourceType(VariableTree v) {
    return isVar(v) ? "var" : typeText(v.getType());
  }

  /**
   * A declared type as the template writes it, but for the brackets of a C-style array
   * declarator ({@code int c[]}), whose type tree spans the name: {@code int[]}.
   */
  String typeText(Tree t) {
    if (t instanceof com.sun.source.tree.ArrayTypeTree array) {
      return typeText(array.getType()) + "[]";
    }
    return source.render(t);
  }

  boolean isVar(VariableTree v) {
    Tree t = v.getType();
    return t == null || (t instanceof IdentifierTree id && id.getName().contentEquals("var")
        && source.end(t) - source.start(t) == 3 && !source.render(t).equals("Var"));
  }

  /** The kind of a local's type: a primitive's, or DECLARED. */
  TypeKind kindOfLocal(VariableTree v) {
    if (v.getType() instanceof PrimitiveTypeTree p) {
      return p.getPrimitiveTypeKind();
    }
    TypeMirror type = typeOf(v);
    return type == null ? TypeKind.DECLARED : type.getKind();
  }

  /** The kind of the type of what {@code a} assigns, a local or a field. */
  TypeKind kindOfTarget(AssignmentTree a) {
    ExpressionTree target = a.getVariable();
    String name = target instanceof IdentifierTree id ? id.getName().toString()
        : ((MemberSelectTree) target).getIdentifier().toString();
    VariableTree local = localOfTarget(a);
    if (local != null) {
      return kindOfLocal(local);
    }
    MemberLookup.Found found = new MemberLookup(elements, type).field(name);
    if (found == null) {
      throw new ModelException(Diagnostic.at(trees.getPath(in.path().getCompilationUnit(), a),
          Messages.assignmentTarget()));
    }
    return found.first().asType().getKind();
  }
}
