package io.jasyncio.processor.scan;

import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Scope;
import com.sun.source.tree.StatementTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;

/**
 * The exact types of a method's parameters and top-level locals, {@code var} included.
 *
 * <p>{@link Trees#getScope} attributes (a copy of) the body up to the given statement, so the
 * scope at the body's last statement holds every top-level local with its type.
 */
public final class LocalTypes {
  private final Map<String, TypeMirror> types = new HashMap<>();

  /** The types visible at the last statement of the method at {@code methodPath}. */
  public LocalTypes(Trees trees, TreePath methodPath) {
    MethodTree method = (MethodTree) methodPath.getLeaf();
    List<? extends StatementTree> statements = method.getBody().getStatements();
    if (statements.isEmpty()) {
      return;
    }
    TreePath bodyPath = new TreePath(methodPath, method.getBody());
    TreePath last = new TreePath(bodyPath, statements.get(statements.size() - 1));
    Scope scope;
    try {
      scope = trees.getScope(last);
    } catch (RuntimeException javacCannotAttribute) {
      // javac fails on some bodies it rejects anyway (Chef.super.cook() in a class body copy);
      // no types then, and the validator reports what is wrong.
      return;
    }
    for (Scope s = scope; s != null && s.getEnclosingMethod() != null;
        s = s.getEnclosingScope()) {
      for (Element e : s.getLocalElements()) {
        ElementKind kind = e.getKind();
        if (kind == ElementKind.LOCAL_VARIABLE || kind == ElementKind.PARAMETER
            || kind == ElementKind.RESOURCE_VARIABLE || kind == ElementKind.EXCEPTION_PARAMETER) {
          types.putIfAbsent(e.getSimpleName().toString(), e.asType());
        }
      }
    }
  }

  /** The type of the local or parameter named {@code name}, or null. */
  public TypeMirror of(String name) {
    return types.get(name);
  }

  /** Whether {@code type} names a class javac cannot find (yet). */
  public static boolean mentionsError(TypeMirror type) {
    if (type.getKind() == TypeKind.ERROR) {
      return true;
    }
    if (type instanceof DeclaredType d) {
      return d.getTypeArguments().stream().anyMatch(LocalTypes::mentionsError);
    }
    if (type instanceof javax.lang.model.type.ArrayType a) {
      return mentionsError(a.getComponentType());
    }
    return false;
  }

  /** The name of a named local class that {@code type} mentions, or null. */
  public static String localClassIn(TypeMirror type) {
    if (type instanceof DeclaredType d) {
      TypeElement element = (TypeElement) d.asElement();
      if (element.getNestingKind() == NestingKind.LOCAL) {
        return element.getSimpleName().toString();
      }
      for (TypeMirror arg : d.getTypeArguments()) {
        String inner = localClassIn(arg);
        if (inner != null) {
          return inner;
        }
      }
    } else if (type instanceof javax.lang.model.type.ArrayType a) {
      return localClassIn(a.getComponentType());
    }
    return null;
  }

  /** Whether {@code type} can be written in source (so a field can be declared with it). */
  public static boolean isDenotable(TypeMirror type) {
    switch (type.getKind()) {
      case INTERSECTION, UNION, ERROR, NONE, NULL, EXECUTABLE, OTHER:
        return false;
      case ARRAY:
        return isDenotable(((javax.lang.model.type.ArrayType) type).getComponentType());
      case TYPEVAR:
        // javac names captured wildcards "capture#1 of ?": not writable.
        return !((TypeVariable) type).asElement().getSimpleName().toString().startsWith("capture#");
      case WILDCARD: {
        WildcardType w = (WildcardType) type;
        return (w.getExtendsBound() == null || isDenotable(w.getExtendsBound()))
            && (w.getSuperBound() == null || isDenotable(w.getSuperBound()));
      }
      case DECLARED: {
        TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
        if (element.getNestingKind() == NestingKind.LOCAL
            || element.getNestingKind() == NestingKind.ANONYMOUS) {
          return false;
        }
        for (TypeMirror arg : ((DeclaredType) type).getTypeArguments()) {
          if (!isDenotable(arg)) {
            return false;
          }
        }
        TypeMirror outer = ((DeclaredType) type).getEnclosingType();
        return outer.getKind() == TypeKind.NONE || isDenotable(outer);
      }
      default:
        return true;
    }
  }
}
