package io.jasyncio.processor.generate;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import io.jasyncio.processor.scan.PrivateAccessors;
import io.jasyncio.processor.scan.PrivateAccessors.Access;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;

/**
 * Declares, in the generated class, the accessors of the template's private members that its
 * machines use ({@link PrivateAccessors}): for each member a handle in a static final, made
 * through {@code io.jasyncio.internal.PrivateAccess}, and static methods that use it with the
 * member's own types, so javac checks, converts and resolves overloads at each use as it did in
 * the template, and a checked exception the member throws is declared as the member declares it.
 */
final class PrivateAccessorWriter {
  private static final ClassName ACCESS = ClassName.get("io.jasyncio.internal", "PrivateAccess");
  private static final ClassName UNCHECKED = ClassName.get("io.jasyncio.internal", "Unchecked");
  private static final ClassName LOOKUP = ClassName.get("java.lang.invoke", "MethodHandles");
  private static final ClassName METHOD_TYPE = ClassName.get("java.lang.invoke", "MethodType");
  private static final ClassName VAR_HANDLE = ClassName.get("java.lang.invoke", "VarHandle");
  private static final ClassName METHOD_HANDLE = ClassName.get("java.lang.invoke", "MethodHandle");

  private final TypeSpec.Builder spec;
  private final Set<String> handleNames = new java.util.HashSet<>();

  PrivateAccessorWriter(TypeSpec.Builder spec) {
    this.spec = spec;
  }

  /** Adds the handles and accessors {@code accessors} recorded. */
  void write(PrivateAccessors accessors) {
    for (Map.Entry<Element, Set<Access>> use : accessors.used().entrySet()) {
      Element member = use.getKey();
      if (member instanceof VariableElement field) {
        field(accessors, field, use.getValue());
      } else {
        executable(accessors, (ExecutableElement) member);
      }
    }
  }

  // ---- fields

  private void field(PrivateAccessors accessors, VariableElement field, Set<Access> uses) {
    TypeElement owner = (TypeElement) field.getEnclosingElement();
    boolean isStatic = field.getModifiers().contains(Modifier.STATIC);
    String handle = handleName(field.getSimpleName() + "$handle");
    spec.addField(FieldSpec.builder(VAR_HANDLE, handle, Modifier.PRIVATE, Modifier.STATIC,
            Modifier.FINAL)
        .addJavadoc("The private field {@code $L} of {@link $T}.\n", field.getSimpleName(),
            erasure(owner.asType()))
        .initializer("$T.$L($T.lookup(), $T.class, $S, $T.class)", ACCESS,
            isStatic ? "staticField" : "field", LOOKUP, erasure(owner.asType()),
            field.getSimpleName().toString(), erasure(field.asType()))
        .build());
    TypeName type = TypeName.get(field.asType());
    String self = isStatic ? "" : "self";
    String selfComma = isStatic ? "" : "self, ";
    String get = accessors.name(field, Access.GET);
    String set = accessors.name(field, Access.SET);
    String primitive = primitiveOf(type);
    for (Access access : uses) {
      MethodSpec.Builder m = MethodSpec.methodBuilder(accessors.name(field, access))
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .returns(type);
      if (!isStatic) {
        m.addTypeVariables(typeVariables(owner));
        m.addParameter(selfType(owner), "self");
      }
      switch (access) {
        case GET -> {
          m.addJavadoc("Reads {@code $L}.\n", field.getSimpleName());
          uncheckedIfGeneric(m, type);
          m.addStatement("return ($T) $L.get($L)", type, handle, self);
        }
        case SET -> {
          m.addJavadoc("Writes {@code $L}; returns the value, as an assignment does.\n",
              field.getSimpleName());
          m.addParameter(type, "value");
          m.addStatement("$L.set($Lvalue)", handle, selfComma);
          m.addStatement("return value");
        }
        case ADD -> {
          m.addJavadoc("Adds {@code delta} to {@code $L}; returns the new value, as {@code ++$L}"
              + " does.\n", field.getSimpleName(), field.getSimpleName());
          m.addParameter(int.class, "delta");
          m.addStatement("$T now = $L$L($L) + delta$L", type, narrow(type) ? "(" + primitive + ") ("
              : "", get, self, narrow(type) ? ")" : "");
          m.addStatement("$L($Lnow)", set, selfComma);
          m.addStatement("return now");
        }
        case GET_AND_ADD -> {
          m.addJavadoc("Adds {@code delta} to {@code $L}; returns the old value, as {@code $L++}"
              + " does.\n", field.getSimpleName(), field.getSimpleName());
          m.addParameter(int.class, "delta");
          m.addStatement("$T old = $L($L)", type, get, self);
          m.addStatement("$L($L$L)", set, selfComma, narrow(type) ? "(" + primitive + ") (old + delta)"
              : "old + delta");
          m.addStatement("return old");
        }
        default -> throw new IllegalStateException(access + " of a field");
      }
      spec.addMethod(m.build());
    }
  }

  /** Whether {@code ++} on {@code type} narrows: a byte, short or char, or a box of one. */
  private static boolean narrow(TypeName type) {
    TypeName t = type.isBoxedPrimitive() ? type.unbox() : type;
    return t.equals(TypeName.BYTE) || t.equals(TypeName.SHORT) || t.equals(TypeName.CHAR);
  }

  /** The primitive type {@code ++} computes in for {@code type}, a primitive or its box. */
  private static String primitiveOf(TypeName type) {
    TypeName t = type.isBoxedPrimitive() ? type.unbox() : type;
    return t.isPrimitive() ? t.toString() : type.toString();
  }

  // ---- methods and constructors

  private void executable(PrivateAccessors accessors, ExecutableElement e) {
    TypeElement owner = (TypeElement) e.getEnclosingElement();
    boolean constructor = e.getKind() == ElementKind.CONSTRUCTOR;
    boolean isStatic = constructor || e.getModifiers().contains(Modifier.STATIC);
    String name = accessors.name(e, constructor ? Access.NEW : Access.CALL);
    String handle = handleName(name.replace("$call", "").replace("$new", "$constructor")
        + "$handle");
    CodeBlock.Builder methodType = CodeBlock.builder().add("$T.methodType($T.class",
        METHOD_TYPE, constructor ? TypeName.VOID : erasure(e.getReturnType()));
    for (VariableElement p : e.getParameters()) {
      methodType.add(", $T.class", erasure(p.asType()));
    }
    methodType.add(")");
    String find = constructor ? "constructor" : isStatic ? "staticMethod" : "method";
    spec.addField(FieldSpec.builder(METHOD_HANDLE, handle, Modifier.PRIVATE, Modifier.STATIC,
            Modifier.FINAL)
        .addJavadoc("The private $L of {@link $T}.\n",
            constructor ? "constructor " + signature(e) : "method {@code " + signature(e) + "}",
            erasure(owner.asType()))
        .initializer(constructor ? "$T.$L($T.lookup(), $T.class, $L)"
                : "$T.$L($T.lookup(), $T.class, $S, $L)",
            constructor ? new Object[] {ACCESS, find, LOOKUP, erasure(owner.asType()),
                methodType.build()}
                : new Object[] {ACCESS, find, LOOKUP, erasure(owner.asType()),
                    e.getSimpleName().toString(), methodType.build()})
        .build());

    TypeName returns = constructor ? selfType(owner) : TypeName.get(e.getReturnType());
    MethodSpec.Builder m = MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addJavadoc(constructor ? "Creates a {@code $L} through its private constructor.\n"
            : "Calls {@code $L}.\n", constructor ? owner.getSimpleName() : signature(e))
        .returns(returns)
        .varargs(e.isVarArgs());
    if (!isStatic || constructor) {
      m.addTypeVariables(typeVariables(owner));
    }
    for (TypeParameterElement tp : e.getTypeParameters()) {
      m.addTypeVariable(TypeVariableName.get(tp));
    }
    List<String> args = new ArrayList<>();
    if (!isStatic) {
      m.addParameter(selfType(owner), "self");
      args.add("self");
    }
    int i = 0;
    for (VariableElement p : e.getParameters()) {
      String arg = "arg" + i++;
      m.addParameter(TypeName.get(p.asType()), arg);
      args.add(arg);
    }
    for (TypeMirror thrown : e.getThrownTypes()) {
      m.addException(TypeName.get(thrown));
    }
    uncheckedIfGeneric(m, returns);
    String call = handle + ".invokeExact(" + String.join(", ", args) + ")";
    m.beginControlFlow("try");
    if (returns.equals(TypeName.VOID)) {
      m.addStatement("$L", call);
    } else {
      m.addStatement("return ($T) $L", returns, call);
    }
    m.nextControlFlow("catch ($T t)", Throwable.class);
    // invokeExact declares Throwable; what it throws is what the member declares.
    m.addStatement("throw $T.rethrow(t)", UNCHECKED);
    m.endControlFlow();
    spec.addMethod(m.build());
  }

  private static String signature(ExecutableElement e) {
    StringBuilder out = new StringBuilder(e.getKind() == ElementKind.CONSTRUCTOR
        ? e.getEnclosingElement().getSimpleName() : e.getSimpleName()).append('(');
    for (int i = 0; i < e.getParameters().size(); i++) {
      out.append(i == 0 ? "" : ", ").append(e.getParameters().get(i).asType());
    }
    return out.append(')').toString();
  }

  // ---- types

  /** A handle's name, numbered when an overload took it already. */
  private String handleName(String base) {
    String name = base;
    for (int n = 2; !handleNames.add(name); n++) {
      name = base + n;
    }
    return name;
  }

  private static List<TypeVariableName> typeVariables(TypeElement owner) {
    List<TypeVariableName> out = new ArrayList<>();
    for (TypeParameterElement tp : owner.getTypeParameters()) {
      out.add(TypeVariableName.get(tp));
    }
    return out;
  }

  /** {@code Owner}, or {@code Owner<T, U>} for a generic one. */
  private static TypeName selfType(TypeElement owner) {
    ClassName raw = ClassName.get(owner);
    List<TypeVariableName> vars = typeVariables(owner);
    return vars.isEmpty() ? raw : ParameterizedTypeName.get(raw, vars.toArray(TypeName[]::new));
  }

  /** A cast to a generic type is unchecked; the handle's member has exactly that type. */
  private static void uncheckedIfGeneric(MethodSpec.Builder m, TypeName type) {
    if (type instanceof ParameterizedTypeName || type instanceof TypeVariableName
        || (type instanceof ArrayTypeName a && !(a.componentType().isPrimitive()
            || a.componentType() instanceof ClassName))) {
      m.addAnnotation(com.palantir.javapoet.AnnotationSpec.builder(SuppressWarnings.class)
          .addMember("value", "$S", "unchecked").build());
    }
  }

  /** The erasure of {@code type}, as a class literal names it. */
  static TypeName erasure(TypeMirror type) {
    if (type instanceof DeclaredType d) {
      return ClassName.get((TypeElement) d.asElement());
    }
    if (type instanceof ArrayType a) {
      return ArrayTypeName.of(erasure(a.getComponentType()));
    }
    if (type instanceof TypeVariable v) {
      return erasure(v.getUpperBound());
    }
    if (type instanceof javax.lang.model.type.IntersectionType i) {
      return erasure(i.getBounds().get(0));
    }
    return TypeName.get(type);
  }
}
