package io.jasyncio.processor;

import com.google.testing.compile.Compilation;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.VirtualClock;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** A generated coroutine run to completion on a fresh virtual-clock loop. */
record LoopRun(Object result, double time) {

  /** Runs {@code AsyncFoo.method(args)}. */
  static LoopRun staticCall(Compilation c, String className, String method, Object... args)
      throws Throwable {
    return run((Coroutine<?>) Snippets.callStatic(Snippets.load(c), className, method, args));
  }

  /** Runs {@code new AsyncFoo().method(args)}. */
  static LoopRun instanceCall(Compilation c, String className, String method, Object... args)
      throws Throwable {
    return instanceCall(c, className, new Object[0], method, args);
  }

  /** Runs {@code new AsyncFoo(constructorArgs).method(args)}. */
  static LoopRun instanceCall(Compilation c, String className, Object[] constructorArgs,
      String method, Object... args) throws Throwable {
    Class<?> type = Snippets.load(c).loadClass(className);
    Object target = null;
    for (Constructor<?> k : type.getDeclaredConstructors()) {
      if (k.getParameterCount() == constructorArgs.length) {
        k.setAccessible(true);
        target = k.newInstance(constructorArgs);
      }
    }
    for (Method m : type.getDeclaredMethods()) {
      if (m.getName().equals(method) && m.getParameterCount() == args.length) {
        m.setAccessible(true);
        try {
          return run((Coroutine<?>) m.invoke(target, args));
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
      }
    }
    throw new NoSuchMethodException(className + "." + method);
  }

  private static LoopRun run(Coroutine<?> coroutine) throws Throwable {
    EventLoop loop = EventLoop.create(new VirtualClock());
    try {
      Object result = loop.runUntilComplete(coroutine);
      return new LoopRun(result, loop.time());
    } finally {
      loop.close();
    }
  }
}
