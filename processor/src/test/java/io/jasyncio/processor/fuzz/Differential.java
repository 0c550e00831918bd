package io.jasyncio.processor.fuzz;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.VirtualClock;
import io.jasyncio.processor.Snippets;
import io.jasyncio.processor.fuzz.Ast.Body;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Compiles bodies in batches (one class, an {@code fN}/{@code gN} pair per body), runs each
 * {@code @Async} version on a fresh virtual-clock loop and each plain version directly, and
 * compares what they logged and how they ended.
 */
final class Differential {
  private Differential() {}

  private static final String PACKAGE = "fuzz";
  private static final String CLASS = "Bodies";
  /** Longer traces mean a loop that does not stop (no generated loop runs more than 3 times). */
  private static final int MAX_TRACE = 20_000;
  private static final long RUN_TIMEOUT_SECONDS = 10;

  /** What one version of a body did: its trace and how it ended. */
  record Outcome(List<String> trace, String end) {
    @Override
    public String toString() {
      return trace + " then " + end;
    }
  }

  enum Kind {
    /** Both versions did the same. */
    SAME,
    /** Both compiled, and they logged or ended differently. */
    DIFFERS,
    /** Valid Java (it compiles without the processor) that the processor rejects or warns on. */
    REJECTED,
    /** Not even valid Java without the processor: a bug of the generator or the shrinker. */
    INVALID
  }

  /**
   * How a body fared: for one that compiled, both outcomes and the loop time the {@code @Async}
   * one took; for one that did not, the diagnostics.
   */
  record Verdict(Kind kind, Outcome sync, Outcome async, double asyncTime, String diagnostics) {
    /** What must stay the same while shrinking: the kind, and for a rejection its message. */
    String signature() {
      if (kind == Kind.REJECTED) {
        // The first message without its line number ("ERROR line 12: ...").
        String first = diagnostics.lines().findFirst().orElse("");
        return kind + first.substring(first.indexOf(':') + 1);
      }
      return kind.toString();
    }

    String describe() {
      switch (kind) {
        case SAME:
          return "same: " + sync;
        case DIFFERS:
          return "plain Java: " + sync + "\n@Async:     " + async;
        case REJECTED:
          return "the processor rejects valid Java:\n" + diagnostics;
        default:
          return "the generator wrote invalid Java (a bug of the fuzzer):\n" + diagnostics;
      }
    }
  }

  /** The verdict for each body, in order. */
  static List<Verdict> check(List<Body> bodies) {
    Compilation c = compile(bodies, true);
    if (isClean(c)) {
      return run(c, bodies);
    }
    if (bodies.size() == 1) {
      Compilation plain = compile(bodies, false);
      Kind kind = isClean(plain) ? Kind.REJECTED : Kind.INVALID;
      return List.of(new Verdict(kind, null, null, 0, diagnostics(isClean(plain) ? c : plain)));
    }
    // Bisect: one bad method stops the processor from writing the whole class.
    int half = bodies.size() / 2;
    List<Verdict> out = new ArrayList<>(check(bodies.subList(0, half)));
    out.addAll(check(bodies.subList(half, bodies.size())));
    return out;
  }

  /** The class a batch compiles, for a failure message. */
  static String source(List<Body> bodies) {
    return Printer.source(PACKAGE, CLASS, bodies);
  }

  /** Nanoseconds spent compiling, and running, since the JVM started. */
  static final LongAdder COMPILE_NANOS = new LongAdder();
  static final LongAdder RUN_NANOS = new LongAdder();

  private static Compilation compile(List<Body> bodies, boolean withProcessor) {
    long start = System.nanoTime();
    JavaFileObject file = JavaFileObjects.forSourceString(PACKAGE + "." + CLASS, source(bodies));
    try {
      if (withProcessor) {
        return Snippets.compile(file);
      }
      return javac().withOptions("-Xlint:all,-processing", "-proc:none").compile(file);
    } finally {
      COMPILE_NANOS.add(System.nanoTime() - start);
    }
  }

  /** What {@code assertThat(c).succeededWithoutWarnings()} checks. */
  private static boolean isClean(Compilation c) {
    return c.status() == Compilation.Status.SUCCESS && c.warnings().isEmpty();
  }

  private static String diagnostics(Compilation c) {
    return c.diagnostics().stream()
        .filter(d -> d.getKind() != Diagnostic.Kind.NOTE)
        .map(d -> d.getKind() + " line " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
        .limit(8)
        .collect(Collectors.joining("\n"));
  }

  private static List<Verdict> run(Compilation c, List<Body> bodies) {
    long start = System.nanoTime();
    try {
      return runLoaded(load(c), bodies);
    } finally {
      RUN_NANOS.add(System.nanoTime() - start);
    }
  }

  private static List<Verdict> runLoaded(ClassLoader loader, List<Body> bodies) {
    List<Verdict> out = new ArrayList<>();
    for (int i = 0; i < bodies.size(); i++) {
      Body body = bodies.get(i);
      double[] time = new double[1];
      Outcome sync = body.generator() ? runPlainGenerator(loader, i, body)
          : runSync(loader, "g" + i, body);
      Outcome async = body.generator() ? runGenerator(loader, "f" + i, body)
          : runAsync(loader, "f" + i, body, time);
      Kind kind = sync.equals(async) ? Kind.SAME : Kind.DIFFERS;
      out.add(new Verdict(kind, sync, async, time[0], null));
    }
    return out;
  }

  private static Outcome runSync(ClassLoader loader, String method, Body body) {
    BoundedLog log = new BoundedLog();
    try {
      Object result = call(loader, CLASS, method, body, log);
      return new Outcome(log, "returned " + result);
    } catch (InvocationTargetException e) {
      return new Outcome(log, threw(e.getCause()));
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * Runs the plain twin of generator body {@code i}, {@code gi(log, out)}, where {@code out}
   * stands for the caller: it logs each value as the caller does ({@code yield v}), and with
   * {@code closeAfter} above 0 it throws {@link Exit}, standing for {@code GeneratorExit}, right
   * after the value the caller closes the generator after. A value added while that unwinds the
   * body is a yield while closing: what follows it is not logged, and the run ends as
   * {@code close()} would then, with an {@code IllegalStateException}.
   */
  private static Outcome runPlainGenerator(ClassLoader loader, int i, Body body) {
    BoundedLog log = new BoundedLog();
    Out out = new Out(log, body.closeAfter(), "f" + i);
    String end;
    try {
      call(loader, CLASS, "g" + i, body, log, out);
      end = out.closeEnd != null ? out.closeEnd : out.closing ? "closed" : "finished";
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (out.closeEnd != null) {
        end = out.closeEnd;
      } else if (cause == out.exit) {
        end = "closed";
      } else if (out.closing) {
        end = "close " + threw(cause);
      } else {
        end = threw(cause);
      }
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
    return new Outcome(log.snapshot(), end);
  }

  /** The caller of a generator body's plain twin: see {@link #runPlainGenerator}. */
  private static final class Out extends ArrayList<Integer> {
    private static final long serialVersionUID = 1L;
    private final BoundedLog log;
    private final int closeAfter;
    private final String name;
    /** The exit thrown at the value the caller closes after, once thrown. */
    Exit exit;
    boolean closing;
    /** How the run ends, once the body yielded while closing. */
    String closeEnd;

    Out(BoundedLog log, int closeAfter, String name) {
      this.log = log;
      this.closeAfter = closeAfter;
      this.name = name;
    }

    @Override
    public boolean add(Integer v) {
      if (closing) {
        if (closeEnd == null) {
          closeEnd = "close threw java.lang.IllegalStateException: generator " + name
              + " yielded while closing";
          log.freeze();
        }
        throw new Exit();
      }
      super.add(v);
      log.add("yield " + v);
      if (size() == closeAfter) {
        closing = true;
        exit = new Exit();
        throw exit;
      }
      return true;
    }
  }

  /** Stands for {@code GeneratorExit} in the plain twin: an Error no generated catch catches. */
  private static final class Exit extends Error {
    private static final long serialVersionUID = 1L;

    Exit() {
      super("closing");
    }
  }

  /**
   * Iterates the generator of {@code method}: each value with {@code hasNext()} and
   * {@code next()}, logged as {@code yield v}, and once it finishes one {@code next()} more,
   * which must throw {@code NoSuchElementException}; or with {@code closeAfter} above 0,
   * {@code close()} right after that many values.
   */
  private static synchronized Outcome runGenerator(ClassLoader loader, String method,
      Body body) {
    BoundedLog log = new BoundedLog();
    int closeAfter = body.closeAfter();
    return watch(log, () -> {
      Iterator<?> g;
      try {
        g = (Iterator<?>) call(loader, "Async" + CLASS, method, body, log);
      } catch (InvocationTargetException e) {
        return "creating the generator " + threw(e.getCause());
      }
      int taken = 0;
      try {
        while (g.hasNext()) {
          Object v = g.next();
          log.add("yield " + v);
          if (++taken == closeAfter) {
            try {
              ((AutoCloseable) g).close();
              return "closed";
            } catch (Throwable e) {
              return "close " + threw(e);
            }
          }
        }
      } catch (Throwable e) {
        return threw(e);
      }
      try {
        return "finished, but next() past the end returned " + g.next();
      } catch (NoSuchElementException e) {
        return "finished";
      } catch (Throwable e) {
        return "finished, but next() past the end " + threw(e);
      }
    });
  }

  private static ExecutorService watchdog = newWatchdog();

  /** Runs the coroutine on its own thread, so that one that never finishes cannot hang the test. */
  private static synchronized Outcome runAsync(ClassLoader loader, String method, Body body,
      double[] time) {
    BoundedLog log = new BoundedLog();
    return watch(log, () -> {
      Coroutine<?> coroutine;
      try {
        coroutine = (Coroutine<?>) call(loader, "Async" + CLASS, method, body, log);
      } catch (InvocationTargetException e) {
        return "creating the coroutine " + threw(e.getCause());
      }
      EventLoop loop = EventLoop.create(new VirtualClock());
      try {
        return "returned " + loop.runUntilComplete(coroutine);
      } catch (Throwable e) {
        return threw(e);
      } finally {
        time[0] = loop.time();
        closeQuietly(loop);
      }
    });
  }

  /** Runs {@code run} on the watchdog's thread, for at most {@link #RUN_TIMEOUT_SECONDS}. */
  private static synchronized Outcome watch(BoundedLog log, Callable<String> run) {
    Future<String> end = watchdog.submit(run);
    try {
      return new Outcome(log, end.get(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS));
    } catch (TimeoutException e) {
      // The thread may spin on; it is a daemon, and a fresh one runs the next coroutine.
      end.cancel(true);
      watchdog.shutdownNow();
      watchdog = newWatchdog();
      return new Outcome(log.snapshot(), "did not finish in " + RUN_TIMEOUT_SECONDS + " s");
    } catch (InterruptedException | ExecutionException e) {
      throw new AssertionError(e);
    }
  }

  /** Closes the loop; a failure to close must not hide how the coroutine ended. */
  private static void closeQuietly(EventLoop loop) {
    try {
      loop.close();
    } catch (RuntimeException e) {
      // The outcome already says what went wrong.
    }
  }

  private static ExecutorService newWatchdog() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "fuzz-coroutines");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * How a version ended by throwing: the class, message and suppressed messages. A
   * NullPointerException's message is left out: the JVM's helpful message names the code that
   * unboxed the null ("the return value of fuzz.Bodies.v(Object)"), which differs between the
   * twins by construction.
   */
  private static String threw(Throwable e) {
    String message = e instanceof NullPointerException ? "" : ": " + e.getMessage();
    StringBuilder s = new StringBuilder("threw " + e.getClass().getName() + message);
    for (Throwable x : e.getSuppressed()) {
      s.append(" (suppressed ").append(x.getClass().getName()).append(": ")
          .append(x.getMessage()).append(')');
    }
    return s.toString();
  }

  /**
   * Calls body method {@code method} of {@code className} ({@code Bodies} or
   * {@code AsyncBodies}) with {@code args}, after resetting the static fields: statically, or
   * for an instance body on a fresh instance of that class with another fresh one as
   * {@code other}.
   */
  private static Object call(ClassLoader loader, String className, String method, Body body,
      Object... args) throws ReflectiveOperationException {
    Class<?> bodies = loader.loadClass(PACKAGE + "." + CLASS);
    Method reset = bodies.getDeclaredMethod("resetStatics");
    reset.setAccessible(true);
    reset.invoke(null);
    Class<?> owner = loader.loadClass(PACKAGE + "." + className);
    List<Class<?>> types = new ArrayList<>();
    List<Object> values = new ArrayList<>(List.of(args));
    for (int i = 0; i < args.length; i++) {
      types.add(List.class); // the log, and a generator's plain twin's out
    }
    Object target = null;
    if (body.instance()) {
      var make = owner.getDeclaredConstructor();
      make.setAccessible(true);
      target = make.newInstance();
      types.add(bodies);
      values.add(make.newInstance());
    }
    Method m = owner.getDeclaredMethod(method, types.toArray(Class<?>[]::new));
    m.setAccessible(true);
    return m.invoke(target, values.toArray());
  }

  /** A trace that stops a runaway loop with an {@link Error} no generated catch catches. */
  private static final class BoundedLog extends ArrayList<String> {
    private static final long serialVersionUID = 1L;
    /** Whether what is added from now on is left out (the rest of a run nobody sees). */
    private boolean frozen;

    synchronized void freeze() {
      frozen = true;
    }

    @Override
    public synchronized boolean add(String line) {
      if (frozen) {
        return false;
      }
      if (size() >= MAX_TRACE) {
        throw new TraceOverflow();
      }
      return super.add(line);
    }

    synchronized List<String> snapshot() {
      return new ArrayList<>(this);
    }
  }

  private static final class TraceOverflow extends Error {
    private static final long serialVersionUID = 1L;

    TraceOverflow() {
      super("more than " + MAX_TRACE + " trace lines: a loop that does not stop");
    }
  }

  /** The classes javac wrote for {@code c}, in a loader of their own. */
  static ClassLoader load(Compilation c) {
    return io.jasyncio.processor.Snippets.load(c);
  }
}
