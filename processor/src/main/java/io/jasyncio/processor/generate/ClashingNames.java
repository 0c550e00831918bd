package io.jasyncio.processor.generate;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import io.jasyncio.processor.model.MethodModel;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Decides which simple names JavaPoet must always qualify in a generated file.
 *
 * <p>The copied statements name types the way the template does, through the template's imports.
 * A type JavaPoet imports for its own declarations must not change what such a name means, so a
 * simple name is qualified when the template uses it and it might mean another type there.
 */
public final class ClashingNames {
  private ClashingNames() {}

  /**
   * The names to qualify.
   *
   * @param models the methods written into the file
   * @param extra other types the file declares with (supertype, constructor parameters)
   * @param usedNames every simple name the template's bodies and imports use
   * @param singleImports the template's single-type imports, by simple name
   * @param declaredNearby whether a simple name is a type of the template's package or a member
   *     type of the template or its enclosing classes
   */
  public static Set<String> of(List<MethodModel> models, List<TypeName> extra,
      Set<String> usedNames, Map<String, String> singleImports,
      Predicate<String> declaredNearby) {
    Map<String, Set<String>> emitted = new HashMap<>();
    for (TypeName t : StateMachineWriter.ownTypes()) {
      collect(t, emitted);
    }
    for (TypeName t : extra) {
      collect(t, emitted);
    }
    for (MethodModel m : models) {
      collect(m.returnType(), emitted);
      collect(m.valueType(), emitted);
      m.thrown().forEach(t -> collect(t, emitted));
      m.typeVariables().forEach(t -> collect(t, emitted));
      m.parameters().forEach(f -> collect(f.type(), emitted));
      m.hoisted().forEach(f -> collect(f.type(), emitted));
    }
    Set<String> qualify = new HashSet<>();
    for (Map.Entry<String, Set<String>> e : emitted.entrySet()) {
      String name = e.getKey();
      if (!usedNames.contains(name)) {
        continue;
      }
      for (String canonical : e.getValue()) {
        String imported = singleImports.get(name);
        boolean same = imported != null
            ? imported.equals(canonical)
            : canonical.equals("java.lang." + name) && !declaredNearby.test(name);
        if (!same) {
          qualify.add(name);
        }
      }
    }
    return qualify;
  }

  private static void collect(TypeName t, Map<String, Set<String>> out) {
    if (t instanceof ClassName c) {
      for (ClassName n = c; n != null; n = n.enclosingClassName()) {
        out.computeIfAbsent(n.simpleName(), k -> new HashSet<>()).add(n.canonicalName());
      }
    } else if (t instanceof ParameterizedTypeName p) {
      collect(p.rawType(), out);
      p.typeArguments().forEach(a -> collect(a, out));
    } else if (t instanceof ArrayTypeName a) {
      collect(a.componentType(), out);
    } else if (t instanceof WildcardTypeName w) {
      w.upperBounds().forEach(b -> collect(b, out));
      w.lowerBounds().forEach(b -> collect(b, out));
    } else if (t instanceof TypeVariableName v) {
      v.bounds().forEach(b -> collect(b, out));
    }
  }
}
