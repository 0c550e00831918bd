package io.jasyncio.processor.matrix;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.VirtualClock;
import io.jasyncio.processor.Snippets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/**
 * One compilation of snippets with the processor, its classes loaded once, and reflective calls
 * into them: the matrix tests' only tool.
 *
 * <p>Every snippet is in package {@code demo}; class names passed here are simple names.
 */
final class Probe {
  /** The lines every snippet made by {@link #compile} starts with. */
  static final String HEADER = String.join("\n",
      "package demo;",
      "import io.jasyncio.*;",
      "import io.jasyncio.annotations.Async;",
      "import java.util.*;",
      "import java.util.function.*;",
      "import static io.jasyncio.Asyncio.*;",
      "");

  private final Compilation compilation;
  private ClassLoader loader;

  private Probe(Compilation compilation) {
    this.compilation = compilation;
  }

  /** Compiles {@code demo.<className>}: the {@link #HEADER}, then {@code lines}. */
  static Probe compile(String className, String... lines) {
    return compileFiles(file(className, lines));
  }

  /** A source file {@code demo.<className>}: the {@link #HEADER}, then {@code lines}. */
  static JavaFileObject file(String className, String... lines) {
    return Snippets.source("demo." + className, HEADER + String.join("\n", lines));
  }

  /** A source file {@code demo.<className>} whose whole text is {@code lines}. */
  static JavaFileObject rawFile(String className, String... lines) {
    return Snippets.source("demo." + className, lines);
  }

  /** Compiles several files together. */
  static Probe compileFiles(JavaFileObject... files) {
    return new Probe(Snippets.compile(files));
  }

  Compilation compilation() {
    return compilation;
  }

  /**
   * The compilation succeeded without warnings; on failure the message carries javac's
   * diagnostics and every generated source, so a bug report can quote them.
   */
  Probe assertClean() {
    if (compilation.status() != Compilation.Status.SUCCESS
        || !compilation.warnings().isEmpty()) {
      throw new AssertionError("expected a clean compilation, got:\n"
          + compilation.diagnostics() + "\n\n---- generated sources ----\n"
          + generatedSources());
    }
    assertThat(compilation).succeededWithoutWarnings();
    return this;
  }

  /** Every source file the processor wrote, with its text. */
  String generatedSources() {
    StringBuilder out = new StringBuilder();
    for (JavaFileObject f : generatedFiles()) {
      if (f.getKind() != JavaFileObject.Kind.SOURCE) {
        continue;
      }
      try {
        out.append("== ").append(f.getName()).append('\n').append(f.getCharContent(true))
            .append('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out.length() == 0 ? "(none)" : out.toString();
  }

  /** The generated source of {@code demo.<className>}. */
  String generatedSource(String className) {
    return Snippets.generatedSource(compilation, "demo." + className);
  }

  /**
   * compile-testing refuses to list generated files of a failed compilation; its field
   * {@code generatedFiles} holds them whatever the status (as in diagnostics.CompiledSnippet).
   */
  private List<JavaFileObject> generatedFiles() {
    if (compilation.status() == Compilation.Status.SUCCESS) {
      return new ArrayList<>(compilation.generatedFiles());
    }
    try {
      Field field = Compilation.class.getDeclaredField("generatedFiles");
      field.setAccessible(true);
      List<JavaFileObject> out = new ArrayList<>();
      for (Object o : (List<?>) field.get(compilation)) {
        out.add((JavaFileObject) o);
      }
      return out;
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("compile-testing changed: cannot list generated files", e);
    }
  }

  // ---- loading and calling

  /** The class {@code demo.<simpleName>} (a binary name: {@code Outer$Inner} for a member). */
  Class<?> type(String simpleName) {
    try {
      return Class.forName("demo." + simpleName, true, loader());
    } catch (ClassNotFoundException e) {
      throw new AssertionError("no class demo." + simpleName + "; generated:\n"
          + generatedSources(), e);
    }
  }

  private synchronized ClassLoader loader() {
    if (loader == null) {
      assertClean();
      loader = io.jasyncio.processor.Snippets.load(compilation);
    }
    return loader;
  }

  /** Calls the static method {@code method} of {@code className}; its exception unwrapped. */
  Object call(String className, String method, Object... args) throws Throwable {
    return invoke(null, type(className), method, args);
  }

  /** Calls {@code method} on {@code target}; its exception unwrapped. */
  Object call(Object target, String method, Object... args) throws Throwable {
    return invoke(target, target.getClass(), method, args);
  }

  /** {@code new className(args)}, choosing the constructor the arguments fit. */
  Object create(String className, Object... args) throws Throwable {
    Constructor<?> k =
        (Constructor<?>) pick(List.of(type(className).getDeclaredConstructors()), args);
    k.setAccessible(true);
    try {
      return k.newInstance(args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** The value of the static field {@code field} of {@code className}. */
  Object staticField(String className, String field) throws ReflectiveOperationException {
    Field f = type(className).getDeclaredField(field);
    f.setAccessible(true);
    return f.get(null);
  }

  private static Object invoke(Object target, Class<?> type, String method, Object... args)
      throws Throwable {
    List<Method> candidates = new ArrayList<>();
    for (Class<?> t = type; t != null; t = t.getSuperclass()) {
      for (Method m : t.getDeclaredMethods()) {
        if (m.getName().equals(method) && !m.isBridge()) {
          candidates.add(m);
        }
      }
    }
    Method m = (Method) pick(candidates, args);
    m.setAccessible(true);
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static Executable pick(List<? extends Executable> candidates, Object[] args) {
    for (Executable e : candidates) {
      if (fits(e.getParameterTypes(), args)) {
        return e;
      }
    }
    throw new AssertionError("nothing among " + candidates + " takes " + List.of(args));
  }

  private static boolean fits(Class<?>[] params, Object[] args) {
    if (params.length != args.length) {
      return false;
    }
    for (int i = 0; i < params.length; i++) {
      Class<?> p = box(params[i]);
      if (args[i] != null && !p.isInstance(args[i])) {
        return false;
      }
      if (args[i] == null && params[i].isPrimitive()) {
        return false;
      }
    }
    return true;
  }

  private static Class<?> box(Class<?> c) {
    if (!c.isPrimitive()) {
      return c;
    }
    return switch (c.getName()) {
      case "int" -> Integer.class;
      case "long" -> Long.class;
      case "double" -> Double.class;
      case "float" -> Float.class;
      case "short" -> Short.class;
      case "byte" -> Byte.class;
      case "char" -> Character.class;
      case "boolean" -> Boolean.class;
      default -> Void.class;
    };
  }

  // ---- running

  /** A coroutine run to completion on a fresh virtual-clock loop: its result and the loop time. */
  record Run(Object result, double time) {}

  /** Runs {@code coroutine} (a {@link Coroutine} a generated method returned) to completion. */
  static Run run(Object coroutine) {
    EventLoop loop = EventLoop.create(new VirtualClock());
    try {
      Object result = loop.runUntilComplete((Coroutine<?>) coroutine);
      return new Run(result, loop.time());
    } finally {
      loop.close();
    }
  }

  /** Runs {@code className.method(args)}, a static generated method. */
  Run runStatic(String className, String method, Object... args) throws Throwable {
    return run(call(className, method, args));
  }

  /** Runs {@code target.method(args)}, an instance generated method. */
  Run runOn(Object target, String method, Object... args) throws Throwable {
    return run(call(target, method, args));
  }
}
