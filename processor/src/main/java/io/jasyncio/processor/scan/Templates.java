package io.jasyncio.processor.scan;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/** Recognises {@code @Async} templates among elements, from source or from class files. */
public final class Templates {
  private Templates() {}

  static final String ASYNC = "io.jasyncio.annotations.Async";

  /** Whether {@code e} is annotated {@code @Async} (which javac keeps in class files too). */
  public static boolean isAsync(Element e) {
    for (AnnotationMirror a : e.getAnnotationMirrors()) {
      if (((TypeElement) a.getAnnotationType().asElement()).getQualifiedName()
          .contentEquals(ASYNC)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the generated class of {@code type} takes the instance as an argument
   * ({@code AsyncPoint.norm(point)}) instead of extending it: {@code type} is final, a record or
   * an enum, or has only private constructors, so no subclass can override its instance
   * {@code @Async} methods.
   */
  public static boolean takesReceiver(TypeElement type) {
    return type.getModifiers().contains(Modifier.FINAL) || type.getKind() == ElementKind.ENUM
        || type.getKind() == ElementKind.RECORD
        || javax.lang.model.util.ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
            .allMatch(c -> c.getModifiers().contains(Modifier.PRIVATE));
  }

  /** Whether one of {@code methods} is an instance {@code @Async} method of such a class. */
  public static boolean anyReceiverAsync(List<? extends Element> methods) {
    for (Element m : methods) {
      if (m.getKind() == ElementKind.METHOD && !m.getModifiers().contains(Modifier.STATIC)
          && isAsync(m) && takesReceiver((TypeElement) m.getEnclosingElement())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The instance {@code @Async} methods {@code sub} inherits that its generated class rewrites
   * too, overriding each with its machine as it overrides {@code sub}'s own: those of
   * superclasses in {@code sub}'s package whose source is in this compilation ({@code hasSource}),
   * not overridden on the way. {@code sub} must be a class a subclass can extend.
   */
  public static java.util.List<javax.lang.model.element.ExecutableElement> inheritedToRewrite(
      TypeElement sub, javax.lang.model.util.Elements elements,
      java.util.function.Predicate<Element> hasSource) {
    java.util.List<javax.lang.model.element.ExecutableElement> out = new java.util.ArrayList<>();
    if (takesReceiver(sub) || sub.getKind() != ElementKind.CLASS) {
      return out;
    }
    String pkg = GeneratedNames.packageOf(sub);
    for (Element e : elements.getAllMembers(sub)) {
      if (e instanceof javax.lang.model.element.ExecutableElement m
          && m.getKind() == ElementKind.METHOD && isAsync(m)
          && !m.getModifiers().contains(Modifier.STATIC)
          && !m.getModifiers().contains(Modifier.PRIVATE)
          && !m.getModifiers().contains(Modifier.ABSTRACT)
          && m.getEnclosingElement() instanceof TypeElement owner && !owner.equals(sub)
          && owner.getKind() == ElementKind.CLASS && !takesReceiver(owner)
          && GeneratedNames.packageOf(owner).equals(pkg) && hasSource.test(m)) {
        out.add(m);
      }
    }
    return out;
  }

  /**
   * Whether {@code sub}, a class with no {@code @Async} method of its own, gets a generated
   * class anyway, overriding the instance {@code @Async} methods it inherits
   * ({@link #inheritedToRewrite}): when it inherits some, and its generated class can be
   * declared (it is not local, anonymous, inner or private, and no class of the build has the
   * name already; then it is left alone, as it did not ask for a generated class).
   */
  public static boolean getsSubclassOnlyForInherited(TypeElement sub,
      javax.lang.model.util.Elements elements, java.util.function.Predicate<Element> hasSource) {
    for (TypeElement t = sub; t != null; t = MemberLookup.enclosingType(t)) {
      javax.lang.model.element.NestingKind nesting = t.getNestingKind();
      if (nesting == javax.lang.model.element.NestingKind.LOCAL
          || nesting == javax.lang.model.element.NestingKind.ANONYMOUS
          || t.getModifiers().contains(Modifier.PRIVATE)
          || nesting == javax.lang.model.element.NestingKind.MEMBER
              && !t.getModifiers().contains(Modifier.STATIC)) {
        return false;
      }
    }
    String pkg = GeneratedNames.packageOf(sub);
    String name = (pkg.isEmpty() ? "" : pkg + ".") + GeneratedNames.generatedClass(sub);
    TypeElement existing = elements.getTypeElement(name);
    return (existing == null || isGenerated(existing))
        && !inheritedToRewrite(sub, elements, hasSource).isEmpty();
  }

  /** Whether {@code type} is a class this processor wrote (in an earlier round). */
  public static boolean isGenerated(Element type) {
    return type.getAnnotationMirrors().stream().anyMatch(a ->
        a.getAnnotationType().toString().equals("javax.annotation.processing.Generated")
            && a.getElementValues().values().stream().anyMatch(v ->
                v.getValue().toString().contains("io.jasyncio.processor.AsyncProcessor")));
  }

  /** Whether one of {@code methods} is a static {@code @Async} template. */
  public static boolean anyStaticAsync(List<? extends Element> methods) {
    for (Element m : methods) {
      if (m.getKind() == ElementKind.METHOD && m.getModifiers().contains(Modifier.STATIC)
          && isAsync(m)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The class that declares {@code methods}, when they are instance {@code @Async} methods
   * that {@code user} inherits (none of them declared in {@code user}), else null: calling
   * one on a {@code user} runs its template.
   */
  public static TypeElement inheritedInstanceTemplate(List<? extends Element> methods,
      TypeElement user) {
    TypeElement declaring = null;
    for (Element m : methods) {
      if (m.getKind() != ElementKind.METHOD || m.getEnclosingElement().equals(user)) {
        return null;
      }
      if (isAsync(m) && !m.getModifiers().contains(Modifier.STATIC)) {
        declaring = (TypeElement) m.getEnclosingElement();
      }
    }
    return declaring;
  }

  /** How code in package {@code fromPackage} names the generated class of {@code template}. */
  public static String generatedName(TypeElement template, String fromPackage) {
    String pkg = GeneratedNames.packageOf(template);
    String simple = GeneratedNames.generatedClass(template);
    return pkg.equals(fromPackage) || pkg.isEmpty() ? simple : pkg + "." + simple;
  }
}
