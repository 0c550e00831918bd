package io.jasyncio.processor.scan;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
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

  /**
   * The machine class of {@code method}: {@code DescribeMachine} for {@code describe}, and for
   * its overloads, in the order the class declares them, {@code DescribeMachine2},
   * {@code DescribeMachine3}...
   */
  public static String machineName(ExecutableElement method) {
    String name = method.getSimpleName().toString();
    int index = 0;
    for (Element e : method.getEnclosingElement().getEnclosedElements()) {
      if (e.getKind() == ElementKind.METHOD && e.getSimpleName().contentEquals(name)
          && Templates.isAsync(e)) {
        index++;
        if (e.equals(method)) {
          break;
        }
      }
    }
    return machineName(name) + (index > 1 ? Integer.toString(index) : "");
  }
}
