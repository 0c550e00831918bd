package io.jasyncio.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import com.sun.source.tree.Tree;
import io.jasyncio.processor.scan.LocalTypes;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.IntersectionType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Locals whose type is an intersection, which no declaration can spell
 * ({@code var v = c ? await(bool()) : await(lng());} is an
 * {@code Object & Serializable & Comparable<...> & Constable & ConstantDesc}): the machine
 * declares them with a type variable of its own, bounded by the intersection's types, so they
 * can be used as all of them, as in the template.
 *
 * <p>Only a local nothing assigns again: a type variable takes no value but its own, so
 * {@code v = 5L;} would not compile. A bound whose type arguments cannot be written either
 * ({@code Comparable<? extends Object & ...>}) has them as {@code ?}.
 */
final class IntersectionTypes {
  private final MachineNames names;
  private final Map<Tree, TypeVariableName> variables = new IdentityHashMap<>();
  /** The same, in the order they were given. */
  private final List<TypeVariableName> given = new ArrayList<>();

  IntersectionTypes(MachineNames names) {
    this.names = names;
  }

  /** Whether a local of {@code type}, assigned only where declared, can be declared here. */
  static boolean applies(TypeMirror type) {
    return type != null && type.getKind() == TypeKind.INTERSECTION;
  }

  /** The type variable declaring {@code local}, named after {@code name}, of {@code type}. */
  TypeVariableName variableFor(Tree local, String name, TypeMirror type) {
    return variables.computeIfAbsent(local, l -> {
      List<TypeName> bounds = new ArrayList<>();
      for (TypeMirror bound : ((IntersectionType) type).getBounds()) {
        TypeName written = writable(bound);
        if (!written.equals(ClassName.OBJECT)) {
          bounds.add(written);
        }
      }
      String variable = names.fieldName(Character.toUpperCase(name.charAt(0))
          + name.substring(1) + "Type", new Object());
      TypeVariableName v = TypeVariableName.get(variable, bounds.toArray(TypeName[]::new));
      given.add(v);
      return v;
    });
  }

  /** The machine's type variables, in the order they were given. */
  List<TypeVariableName> all() {
    return List.copyOf(given);
  }

  /** {@code bound} as source, its type arguments that cannot be written as {@code ?}. */
  private static TypeName writable(TypeMirror bound) {
    if (LocalTypes.isDenotable(bound) || !(bound instanceof DeclaredType d)) {
      return TypeName.get(bound);
    }
    ClassName raw = ClassName.get((TypeElement) d.asElement());
    if (d.getTypeArguments().isEmpty()) {
      return raw;
    }
    TypeName[] args = new TypeName[d.getTypeArguments().size()];
    for (int i = 0; i < args.length; i++) {
      TypeMirror arg = d.getTypeArguments().get(i);
      args[i] = LocalTypes.isDenotable(arg) ? TypeName.get(arg)
          : WildcardTypeName.subtypeOf(Object.class);
    }
    return ParameterizedTypeName.get(raw, args);
  }
}
