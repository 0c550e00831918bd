package io.jasyncio.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import javax.tools.JavaFileObject;

/** Compiles snippets with the processor and loads what javac produced. */
public final class Snippets {
  private Snippets() {}

  /** A source file {@code name} (a binary class name) with the given lines. */
  public static JavaFileObject source(String name, String... lines) {
    return JavaFileObjects.forSourceLines(name, lines);
  }

  /** Compiles with the processor and the project's lint options. */
  public static Compilation compile(JavaFileObject... sources) {
    return compile(java.util.List.of(), sources);
  }

  /** The same, with javac options of the test's own ({@code -Ajasyncio.splitLines=40}). */
  public static Compilation compile(java.util.List<String> options, JavaFileObject... sources) {
    java.util.List<String> all = new java.util.ArrayList<>(options);
    all.add(0, "-Xlint:all,-processing");
    return javac()
        .withProcessors(new AsyncProcessor())
        .withOptions(all)
        .compile(sources);
  }

  private static final Map<Compilation, ClassLoader> LOADERS =
      Collections.synchronizedMap(new WeakHashMap<>());

  /** The classes javac wrote, loaded once per compilation so statics are shared by callers. */
  public static ClassLoader load(Compilation compilation) {
    return LOADERS.computeIfAbsent(compilation, Snippets::newLoader);
  }

  /** The classes javac wrote, in a loader of their own (its assertion status set apart). */
  public static ClassLoader loadFresh(Compilation compilation) {
    return newLoader(compilation);
  }

  private static ClassLoader newLoader(Compilation compilation) {
    Map<String, byte[]> classes = new HashMap<>();
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() != JavaFileObject.Kind.CLASS) {
        continue;
      }
      String path = file.toUri().getPath();
      String name = path.substring(path.indexOf("CLASS_OUTPUT/") + "CLASS_OUTPUT/".length(),
          path.length() - ".class".length()).replace('/', '.');
      try (InputStream in = file.openInputStream()) {
        classes.put(name, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new ClassLoader(Snippets.class.getClassLoader()) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
          throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
      }
    };
  }

  /** Calls the static method {@code method} of {@code className}, unwrapping its exception. */
  static Object callStatic(ClassLoader loader, String className, String method, Object... args)
      throws Throwable {
    Class<?> type = loader.loadClass(className);
    for (Method m : type.getDeclaredMethods()) {
      if (m.getName().equals(method) && m.getParameterCount() == args.length
          && accepts(m.getParameterTypes(), args)) {
        m.setAccessible(true);
        try {
          return m.invoke(null, args);
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
      }
    }
    throw new NoSuchMethodException(className + "." + method);
  }

  /** Whether parameters of {@code types} take {@code args} (of an overload, the one that fits). */
  private static boolean accepts(Class<?>[] types, Object[] args) {
    for (int i = 0; i < types.length; i++) {
      Class<?> t = types[i].isPrimitive()
          ? java.lang.invoke.MethodType.methodType(types[i]).wrap().returnType() : types[i];
      if (args[i] == null ? types[i].isPrimitive() : !t.isInstance(args[i])) {
        return false;
      }
    }
    return true;
  }

  /** The generated source of {@code className}, for reading in a failure message. */
  public static String generatedSource(Compilation compilation, String className) {
    return compilation.generatedSourceFile(className)
        .map(f -> {
          try {
            return f.getCharContent(true).toString();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        })
        .orElse("(no source generated for " + className + ")");
  }
}
