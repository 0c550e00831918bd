package io.jasyncio.processor.generate;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import io.jasyncio.processor.scan.Templates;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * The entry of an {@code @Async} method whose body javac rejects (an undefined name,
 * {@code await(5)}, a local of a missing type): the generated class declares it with the
 * template's signature, so code calling {@code AsyncFoo.m(..)} compiles and javac's error in
 * the template stays the only one, but writes no machine, since the body's error would only be
 * reported again inside it. The entry cannot run: javac writes no class file while the
 * template's error stands.
 */
public final class WithheldEntries {
  private WithheldEntries() {}

  /** The types {@code m}'s entry names, for the class writer's clash check. */
  public static List<TypeName> signatureTypes(ExecutableElement m) {
    List<TypeName> out = new ArrayList<>();
    out.add(TypeName.get(m.getReturnType()));
    m.getParameters().forEach(p -> out.add(TypeName.get(p.asType())));
    m.getThrownTypes().forEach(t -> out.add(TypeName.get(t)));
    return out;
  }

  /**
   * The entry of {@code m}: an override of the template's method, or a static method (taking
   * the instance first when the generated class cannot extend the template).
   */
  static MethodSpec entry(ExecutableElement m) {
    TypeElement type = (TypeElement) m.getEnclosingElement();
    String templateClass = io.jasyncio.processor.scan.GeneratedNames.nameInPackage(type);
    boolean isStatic = m.getModifiers().contains(Modifier.STATIC);
    boolean receiver = !isStatic && Templates.takesReceiver(type);
    MethodSpec.Builder b = MethodSpec.methodBuilder(m.getSimpleName().toString())
        .addJavadoc("Not generated: the body of {@link $L#$L} does not compile.\n",
            templateClass, m.getSimpleName())
        .returns(TypeName.get(m.getReturnType()))
        .varargs(m.isVarArgs());
    for (Modifier mod : m.getModifiers()) {
      if (mod == Modifier.PUBLIC || mod == Modifier.PROTECTED) {
        b.addModifiers(mod);
      }
    }
    if (isStatic || receiver) {
      b.addModifiers(Modifier.STATIC);
    } else {
      b.addAnnotation(Override.class);
    }
    if (m.getAnnotation(SafeVarargs.class) != null) {
      b.addAnnotation(SafeVarargs.class);
      b.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
          .addMember("value", "$S", "varargs").build());
    }
    if (receiver) {
      List<TypeVariableName> classVariables = new ArrayList<>();
      for (TypeParameterElement tp : type.getTypeParameters()) {
        classVariables.add(TypeVariableName.get(tp));
      }
      b.addTypeVariables(classVariables);
      TypeName self = classVariables.isEmpty() ? ClassName.get(type)
          : ParameterizedTypeName.get(ClassName.get(type),
              classVariables.toArray(TypeName[]::new));
      b.addParameter(self, receiverName(m));
    }
    for (TypeParameterElement tp : m.getTypeParameters()) {
      b.addTypeVariable(TypeVariableName.get(tp));
    }
    for (VariableElement p : m.getParameters()) {
      b.addParameter(TypeName.get(p.asType()), p.getSimpleName().toString());
    }
    for (TypeMirror t : m.getThrownTypes()) {
      b.addException(TypeName.get(t));
    }
    return b.addStatement("throw new $T($S)", IllegalStateException.class,
        templateClass + "." + m.getSimpleName() + "() does not compile").build();
  }

  /** {@code self}, or {@code self2}...: a name none of {@code m}'s parameters has. */
  private static String receiverName(ExecutableElement m) {
    String name = "self";
    for (int n = 2; hasParameter(m, name); n++) {
      name = "self" + n;
    }
    return name;
  }

  private static boolean hasParameter(ExecutableElement m, String name) {
    return m.getParameters().stream().anyMatch(p -> p.getSimpleName().contentEquals(name));
  }
}
