package io.jasyncio.internal;

import java.util.Optional;

/**
 * Finds the {@code @Async} template that called a marker such as {@code Asyncio.await(...)}
 * directly, so the error can name the generated method to call instead.
 *
 * <p>Only a template run as written reaches the marker: generated code never calls it. For a
 * class {@code pkg.Kitchen} the generated class is {@code pkg.AsyncKitchen}; for a nested
 * {@code pkg.Outer$Inner} it is {@code pkg.AsyncOuter_Inner}.
 */
public final class TemplateCaller {
  private static final StackWalker WALKER =
      StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

  private TemplateCaller() {}

  /**
   * The error for a marker run outside generated code, for example {@code Kitchen.boilingWater()
   * is an @Async template and does not run by itself; call AsyncKitchen.boilingWater() instead}.
   * When the generated class does not exist at all, the processor never ran on the template's
   * class, and the error says how to put it on the annotation processor path.
   */
  public static IllegalStateException notGenerated() {
    Optional<StackWalker.StackFrame> caller = callerFrame();
    if (caller.isEmpty()) {
      return new IllegalStateException(
          "await(...) runs only inside an @Async method rewritten by the jasyncio processor");
    }
    String binary = caller.get().getClassName();
    String simple = binary.substring(binary.lastIndexOf('.') + 1);
    String method = caller.get().getMethodName();
    // A final class's, record's or enum's generated method takes the instance first.
    String receiver = takesReceiver(caller.get().getDeclaringClass(), method)
        ? Character.toLowerCase(simple.charAt(simple.lastIndexOf('$') + 1))
            + simple.substring(simple.lastIndexOf('$') + 2) + ", ..." : "";
    String generatedSimple = "Async" + simple.replace('$', '_');
    String template = simple.replace('$', '.') + "." + method + "()";
    String call = generatedSimple + "." + method + "(" + receiver + ")";
    Class<?> declaring = caller.get().getDeclaringClass();
    if (!exists(generatedName(declaring, generatedSimple), declaring.getClassLoader())) {
      return new IllegalStateException(template + " is an @Async template and does not run by"
          + " itself, and " + generatedSimple + " was never generated: the jasyncio processor did"
          + " not run when " + simple.replace('$', '.') + " was compiled; put"
          + " io.jasyncio:jasyncio-processor on the compiler's annotation processor path (Maven:"
          + " maven-compiler-plugin's <annotationProcessorPaths>; Gradle: annotationProcessor"
          + " \"io.jasyncio:jasyncio-processor:VERSION\"; javac 23 and newer: -processorpath or"
          + " -proc:full), rebuild, then call " + call);
    }
    return new IllegalStateException(template
        + " is an @Async template and does not run by itself; call " + call + " instead");
  }

  /** The binary name of the class the processor writes for {@code declaring}, in its package. */
  private static String generatedName(Class<?> declaring, String generatedSimple) {
    String pkg = declaring.getPackageName();
    return pkg.isEmpty() ? generatedSimple : pkg + "." + generatedSimple;
  }

  /**
   * Whether {@code loader} (the template's own, which sees what was compiled beside it) finds
   * {@code name}; the class is not initialized.
   */
  private static boolean exists(String name, ClassLoader loader) {
    try {
      Class.forName(name, false, loader);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /**
   * Whether {@code method} of {@code type} is an instance method of a class no subclass can
   * extend, whose generated method takes the instance as its first argument.
   */
  private static boolean takesReceiver(Class<?> type, String method) {
    boolean sealedOff = java.lang.reflect.Modifier.isFinal(type.getModifiers()) || type.isEnum()
        || type.isRecord() || java.util.Arrays.stream(type.getDeclaredConstructors())
            .allMatch(c -> java.lang.reflect.Modifier.isPrivate(c.getModifiers()));
    return sealedOff && java.util.Arrays.stream(type.getDeclaredMethods())
        .anyMatch(m -> m.getName().equals(method)
            && !java.lang.reflect.Modifier.isStatic(m.getModifiers()));
  }

  /** The name of the method that called the marker, or {@code fallback} if none is found. */
  public static String methodName(String fallback) {
    return callerFrame().map(StackWalker.StackFrame::getMethodName).orElse(fallback);
  }

  /** The first frame outside jasyncio's own public facade and this class. */
  private static Optional<StackWalker.StackFrame> callerFrame() {
    return WALKER.walk(frames -> frames
        .dropWhile(f -> f.getClassName().equals(TemplateCaller.class.getName())
            || f.getClassName().equals("io.jasyncio.Asyncio")
            || f.getClassName().equals("io.jasyncio.Generator"))
        .findFirst());
  }
}
