package io.jasyncio.processor.model;

import com.palantir.javapoet.TypeName;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.jasyncio.processor.scan.LocalTypes;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;

/**
 * What the declarations of the methods a call may invoke say about it, where javac's
 * attribution is not at hand (a processing round's trees are not attributed): the scan knows,
 * per call, the methods of its name in its owner ({@code BodyScan.callees}); the ones whose
 * arity fits are the candidates javac chooses among.
 *
 * <p>Two questions need it: the type a held argument takes in its place (a generic call such
 * as {@code List.of()} is typed by the parameter it is passed to, which a {@code var} loses),
 * and whether a call counts as numeric in a conditional (JLS 15.25 classifies a generic
 * method's call by its declared return type, before inference).
 */
final class CallSignatures {
  private final Map<Tree, List<ExecutableElement>> callees;

  CallSignatures(Map<Tree, List<ExecutableElement>> callees) {
    this.callees = callees;
  }

  /**
   * The type, as the machine spells it, of the parameter that the {@code index}-th argument of
   * {@code call} (a method call or {@code new}) is passed to, when only one method can be
   * invoked and that parameter's type needs no inference (it mentions no type variable); else
   * null.
   */
  String parameterType(Tree call, int index) {
    List<ExecutableElement> candidates = candidates(call);
    if (candidates.size() != 1) {
      return null;
    }
    ExecutableElement method = candidates.get(0);
    if (method.isVarArgs() && index >= method.getParameters().size() - 1) {
      return null;
    }
    TypeMirror type = method.getParameters().get(index).asType();
    return mentionsTypeVariable(type) || !LocalTypes.isDenotable(type) || mentionsPrivate(type)
        ? null : TypeName.get(type).toString();
  }

  /**
   * Whether every method {@code call} may invoke is generic in its return type: it returns a
   * type variable of its own, so the call is no numeric operand of {@code ?:}, whatever the
   * type inference gives it (JLS 15.25).
   */
  boolean returnsOwnTypeVariable(MethodInvocationTree call) {
    List<ExecutableElement> candidates = candidates(call);
    if (candidates.isEmpty()) {
      return false;
    }
    for (ExecutableElement method : candidates) {
      TypeMirror returned = method.getReturnType();
      if (!(returned instanceof TypeVariable v)
          || !v.asElement().getEnclosingElement().equals(method)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The primitive type an await of {@code awaited} unboxes to ({@code int} for a call whose
   * methods all return {@code Coroutine<Integer>}), or null when that is not known.
   */
  String unboxedAwaitType(Tree awaited) {
    List<ExecutableElement> candidates = awaited instanceof MethodInvocationTree call
        ? candidates(call) : List.of();
    String found = null;
    for (ExecutableElement method : candidates) {
      String primitive = method.getReturnType() instanceof DeclaredType d
          && d.getTypeArguments().size() == 1
          ? unboxed(d.getTypeArguments().get(0)) : null;
      if (primitive == null || (found != null && !found.equals(primitive))) {
        return null;
      }
      found = primitive;
    }
    return found;
  }

  /**
   * The primitive type a call unboxes to when it is a number's operand ({@code int} for a call
   * whose methods all return {@code Integer}), or null when that is not known.
   */
  String unboxedReturnType(MethodInvocationTree call) {
    String found = null;
    for (ExecutableElement method : candidates(call)) {
      String primitive = unboxed(method.getReturnType());
      if (primitive == null || (found != null && !found.equals(primitive))) {
        return null;
      }
      found = primitive;
    }
    return found;
  }

  /** The primitive type a value of {@code type} unboxes to, or null when it is no box. */
  static String unboxed(TypeMirror type) {
    return type instanceof DeclaredType d
        ? UNBOXED.get(((javax.lang.model.element.TypeElement) d.asElement())
            .getQualifiedName().toString()) : null;
  }

  private static final java.util.Map<String, String> UNBOXED = java.util.Map.of(
      "java.lang.Boolean", "boolean", "java.lang.Byte", "byte", "java.lang.Short", "short",
      "java.lang.Character", "char", "java.lang.Integer", "int", "java.lang.Long", "long",
      "java.lang.Float", "float", "java.lang.Double", "double");

  /** The methods {@code call} may invoke whose parameters fit its number of arguments. */
  private List<ExecutableElement> candidates(Tree call) {
    List<ExecutableElement> all = callees.get(call);
    if (all == null) {
      return List.of();
    }
    int arguments = call instanceof MethodInvocationTree m ? m.getArguments().size()
        : ((NewClassTree) call).getArguments().size();
    List<ExecutableElement> out = new ArrayList<>();
    for (ExecutableElement method : all) {
      int parameters = method.getParameters().size();
      if (parameters == arguments || (method.isVarArgs() && arguments >= parameters - 1)) {
        out.add(method);
      }
    }
    return out;
  }

  /** Whether {@code type} names a private class, which the machine's class cannot see. */
  private static boolean mentionsPrivate(TypeMirror type) {
    if (type instanceof ArrayType a) {
      return mentionsPrivate(a.getComponentType());
    }
    if (type instanceof DeclaredType d) {
      return d.asElement().getModifiers().contains(Modifier.PRIVATE)
          || d.getTypeArguments().stream().anyMatch(CallSignatures::mentionsPrivate);
    }
    if (type instanceof WildcardType w) {
      return (w.getExtendsBound() != null && mentionsPrivate(w.getExtendsBound()))
          || (w.getSuperBound() != null && mentionsPrivate(w.getSuperBound()));
    }
    return false;
  }

  private static boolean mentionsTypeVariable(TypeMirror type) {
    switch (type.getKind()) {
      case TYPEVAR:
        return true;
      case ARRAY:
        return mentionsTypeVariable(((ArrayType) type).getComponentType());
      case WILDCARD: {
        WildcardType w = (WildcardType) type;
        return (w.getExtendsBound() != null && mentionsTypeVariable(w.getExtendsBound()))
            || (w.getSuperBound() != null && mentionsTypeVariable(w.getSuperBound()));
      }
      case DECLARED: {
        DeclaredType d = (DeclaredType) type;
        TypeMirror outer = d.getEnclosingType();
        return d.getTypeArguments().stream().anyMatch(CallSignatures::mentionsTypeVariable)
            || (outer.getKind() != TypeKind.NONE && mentionsTypeVariable(outer));
      }
      default:
        return false;
    }
  }
}
