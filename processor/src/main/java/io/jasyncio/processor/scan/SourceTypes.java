package io.jasyncio.processor.scan;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import io.jasyncio.processor.scan.BodyScan.Local;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * The classes that names and qualifiers in a body denote, resolved the way javac resolves them
 * without attributing the body: {@code this}, a local or parameter of the method, a field, a
 * member type, a type of the package, an import or {@code java.lang}. Null when unknown.
 */
public final class SourceTypes {
  private final MemberLookup lookup;
  private final Elements elements;
  private final javax.lang.model.util.Types typeUtils;
  private final LocalTypes localTypes;
  private final TypeElement topLevel;
  private final CompilationUnitTree unit;
  /** What a simple name means where the scan now is: a {@link Local}, another local, or null. */
  private final Function<String, Object> scope;

  SourceTypes(MemberLookup lookup, Elements elements, javax.lang.model.util.Types typeUtils,
      LocalTypes localTypes, CompilationUnitTree unit, Function<String, Object> scope) {
    this.lookup = lookup;
    this.elements = elements;
    this.typeUtils = typeUtils;
    this.localTypes = localTypes;
    this.topLevel = Attributed.topLevel(lookup.type());
    this.unit = unit;
    this.scope = scope;
  }

  private Object resolveLocal(String name) {
    return scope.apply(name);
  }

  /**
   * The class that {@code qualifier} denotes or whose instance it computes, when that is known
   * without attributing the body: {@code this}, a local or parameter of the method, a field, or
   * a type name. Null when unknown.
   */
  TypeElement typeOf(ExpressionTree qualifier) {
    while (qualifier instanceof ParenthesizedTree p) {
      qualifier = p.getExpression();
    }
    if (qualifier instanceof NewClassTree created) {
      return created.getClassBody() == null ? resolveTypeName(created.getIdentifier()) : null;
    }
    if (qualifier instanceof TypeCastTree cast) {
      return resolveTypeName(cast.getType());
    }
    if (qualifier instanceof MethodInvocationTree call) {
      return returnedClass(call);
    }
    if (qualifier instanceof IdentifierTree id) {
      TypeMirror value = instanceType(id);
      if (value != null) {
        return typeElement(value);
      }
      String name = id.getName().toString();
      Object local = resolveLocal(name);
      if (local instanceof Local l) {
        // A local in a nested block: the class its declaration names.
        Tree declared = l.tree().getType();
        return declared == null || declared.toString().equals("var") ? null
            : resolveTypeName(declared);
      }
      return local != null || lookup.field(name) != null ? null : resolveTypeName(id);
    }
    if (qualifier instanceof MemberSelectTree select) {
      TypeElement outer = typeOf(select.getExpression());
      if (outer == null) {
        return null;
      }
      for (Element member : elements.getAllMembers(outer)) {
        if (member.getSimpleName().contentEquals(select.getIdentifier())) {
          if (member instanceof TypeElement t) {
            return t;
          }
          if (member.getKind() == ElementKind.FIELD) {
            return typeElement(member.asType());
          }
        }
      }
    }
    return null;
  }

  /**
   * The class every method {@code call} may invoke returns (of a class's own methods called
   * by simple name, or of a receiver whose class is known), when they agree and it is no type
   * variable; else null.
   */
  private TypeElement returnedClass(MethodInvocationTree call) {
    return typeElement(returnedType(call));
  }

  /**
   * The type {@code call} returns: the declared return type of the methods it may invoke, seen
   * as members of the receiver's type when that is known with its type arguments
   * ({@code maker().get()} on a {@code Supplier<Kitchen>} returns a {@code Kitchen}); null
   * when they do not agree on one class.
   */
  private TypeMirror returnedType(MethodInvocationTree call) {
    List<Element> candidates;
    DeclaredType receiver = null;
    if (call.getMethodSelect() instanceof IdentifierTree id) {
      String name = id.getName().toString();
      MemberLookup.Found found = resolveLocal(name + "()") == null ? lookup.methods(name) : null;
      candidates = found == null ? List.of() : found.members();
    } else if (call.getMethodSelect() instanceof MemberSelectTree select) {
      TypeMirror value = instanceType(select.getExpression());
      receiver = value instanceof DeclaredType d && value.getKind() != TypeKind.ERROR ? d : null;
      TypeElement owner = receiver != null ? (TypeElement) receiver.asElement()
          : typeOf(select.getExpression());
      candidates = owner == null ? List.of()
          : membersNamed(owner, select.getIdentifier().toString(), true);
    } else {
      return null;
    }
    TypeMirror returned = null;
    int arguments = call.getArguments().size();
    for (Element e : candidates) {
      javax.lang.model.element.ExecutableElement m =
          (javax.lang.model.element.ExecutableElement) e;
      int parameters = m.getParameters().size();
      if (parameters != arguments && !(m.isVarArgs() && arguments >= parameters - 1)) {
        continue;
      }
      TypeMirror type = m.getReturnType();
      if (receiver != null && !m.getModifiers().contains(javax.lang.model.element.Modifier.STATIC)) {
        try {
          type = ((javax.lang.model.type.ExecutableType) typeUtils.asMemberOf(receiver, m))
              .getReturnType();
        } catch (IllegalArgumentException notAMember) {
          return null;
        }
      }
      TypeElement t = typeElement(type);
      if (t == null || (returned != null && !t.equals(typeElement(returned)))) {
        return null;
      }
      returned = type;
    }
    return returned;
  }

  /**
   * The type, with its type arguments, of the value {@code e} computes, where the tree says
   * it without attribution: {@code this}, a local or parameter of the method (a {@code var} one
   * through its initializer), a field of the class, a call, a {@code new} or a cast (their
   * class as declared); null when unknown (or when {@code e} names a type).
   */
  private TypeMirror instanceType(ExpressionTree e) {
    while (e instanceof ParenthesizedTree p) {
      e = p.getExpression();
    }
    if (e instanceof MethodInvocationTree call) {
      return returnedType(call);
    }
    if (e instanceof NewClassTree || e instanceof TypeCastTree) {
      TypeElement named = typeOf(e);
      return named == null ? null : named.asType();
    }
    if (!(e instanceof IdentifierTree id)) {
      return null;
    }
    String name = id.getName().toString();
    if (name.equals("this")) {
      return lookup.type().asType();
    }
    Object local = resolveLocal(name);
    if (local instanceof Local l) {
      if (l.topLevel() || l.parameter()) {
        return localTypes.of(name);
      }
      Tree declared = l.tree().getType();
      return (declared == null || declared.toString().equals("var"))
          && l.tree().getInitializer() != null ? instanceType(l.tree().getInitializer()) : null;
    }
    if (local != null) {
      return null;
    }
    MemberLookup.Found field = lookup.field(name);
    return field == null ? null : field.first().asType();
  }

  /** The classes a local or anonymous class extends or implements, and Object. */
  List<TypeElement> supertypesOf(ClassTree node, Tree parent) {
    List<Tree> named = new ArrayList<>();
    if (parent instanceof NewClassTree created && created.getClassBody() == node) {
      named.add(created.getIdentifier());
    }
    if (node.getExtendsClause() != null) {
      named.add(node.getExtendsClause());
    }
    named.addAll(node.getImplementsClause());
    List<TypeElement> out = new ArrayList<>();
    for (Tree t : named) {
      TypeElement resolved = resolveTypeName(t);
      if (resolved != null) {
        out.add(resolved);
      }
    }
    out.add(elements.getTypeElement("java.lang.Object"));
    return out;
  }

  /** A type named in source, through the class, its package, the imports and java.lang. */
  TypeElement resolveTypeName(Tree t) {
    Tree raw = t instanceof ParameterizedTypeTree p ? p.getType() : t;
    if (raw instanceof MemberSelectTree) {
      TypeElement qualified = elements.getTypeElement(raw.toString());
      return qualified != null ? qualified : typeOf((MemberSelectTree) raw);
    }
    if (!(raw instanceof IdentifierTree id)) {
      return null;
    }
    String name = id.getName().toString();
    TypeElement nearby = typeNamed(name);
    if (nearby != null) {
      return nearby;
    }
    return inUnit(elements, unit, name);
  }

  /**
   * The class a simple type name denotes in {@code unit} when no enclosing class declares or
   * inherits a member type of that name, in Java's order (JLS 6.4.1): a single-type import, a
   * class of the unit's package, an on-demand import, {@code java.lang}. Null when unknown.
   */
  public static TypeElement inUnit(Elements elements, CompilationUnitTree unit, String name) {
    List<String> onDemand = new ArrayList<>();
    for (ImportTree imp : unit.getImports()) {
      String imported = imp.getQualifiedIdentifier().toString();
      if (imp.isStatic()) {
        continue;
      }
      if (imported.endsWith("." + name)) {
        return elements.getTypeElement(imported);
      }
      if (imported.endsWith(".*")) {
        onDemand.add(imported.substring(0, imported.length() - 1) + name);
      }
    }
    String pkg = unit.getPackageName() == null ? "" : unit.getPackageName() + ".";
    TypeElement inPackage = elements.getTypeElement(pkg + name);
    if (inPackage != null) {
      return inPackage;
    }
    for (String candidate : onDemand) {
      TypeElement t = elements.getTypeElement(candidate);
      if (t != null) {
        return t;
      }
    }
    return elements.getTypeElement("java.lang." + name);
  }

  /** Whether {@code e} names a type (not a variable holding an instance). */
  boolean isTypeName(ExpressionTree e) {
    if (e instanceof IdentifierTree id) {
      String name = id.getName().toString();
      return resolveLocal(name) == null && lookup.field(name) == null
          && resolveTypeName(id) != null;
    }
    if (e instanceof MemberSelectTree select) {
      TypeElement t = typeOf(select);
      return t != null && t.getSimpleName().contentEquals(select.getIdentifier());
    }
    return false;
  }

  private TypeElement typeNamed(String name) {
    MemberLookup.Found member = lookup.memberType(name);
    if (member != null) {
      return (TypeElement) member.first();
    }
    return topLevel.getSimpleName().contentEquals(name) ? topLevel : null;
  }

  private static TypeElement typeElement(TypeMirror type) {
    // A type javac cannot resolve yet (one generated later) is a DeclaredType of no members.
    return type instanceof DeclaredType d
        && type.getKind() != TypeKind.ERROR
        ? (TypeElement) d.asElement() : null;
  }

  List<Element> membersNamed(TypeElement type, String name, boolean method) {
    List<Element> hits = new ArrayList<>();
    for (Element member : elements.getAllMembers(type)) {
      ElementKind kind = member.getKind();
      boolean wanted = method ? kind == ElementKind.METHOD
          : kind == ElementKind.FIELD || kind == ElementKind.ENUM_CONSTANT
              || kind.isClass() || kind.isInterface();
      if (wanted && member.getSimpleName().contentEquals(name)) {
        hits.add(member);
      }
    }
    return hits;
  }
}
