package io.jasyncio.processor.scan;

import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;

/** The names the processor gives to what it generates. */
public final class GeneratedNames {
  private GeneratedNames() {}

  /** {@code AsyncFoo} for {@code Foo}, {@code AsyncOuter_Inner} for {@code Outer.Inner}. */
  public static String generatedClass(TypeElement type) {
    StringBuilder name = new StringBuilder(type.getSimpleName());
    for (Element e = type.getEnclosingElement(); e instanceof TypeElement t;
        e = t.getEnclosingElement()) {
      name.insert(0, t.getSimpleName() + "_");
    }
    return "Async" + name;
  }

  /** The package of {@code type}, "" for the unnamed package. */
  public static String packageOf(TypeElement type) {
    Element e = type;
    while (!(e instanceof PackageElement)) {
      e = e.getEnclosingElement();
    }
    return ((PackageElement) e).getQualifiedName().toString();
  }

  /** {@code Outer.Inner}: how the generated class, in the same package, names {@code type}. */
  public static String nameInPackage(TypeElement type) {
    StringBuilder name = new StringBuilder(type.getSimpleName());
    for (Element e = type.getEnclosingElement(); e instanceof TypeElement t;
        e = t.getEnclosingElement()) {
      name.insert(0, t.getSimpleName() + ".");
    }
    return name.toString();
  }

  /** {@code NumSumMachine} for {@code numSum}. */
  public static String machineName(String method) {
    return Character.toUpperCase(method.charAt(0)) + method.substring(1) + "Machine";
  }
}
