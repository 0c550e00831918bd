package io.jasyncio;

import io.jasyncio.internal.Origin;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rewrites the stack trace of an exception leaving a coroutine so that it reads like a
 * synchronous one: every coroutine awaiting the one that threw appears as a frame of its
 * template method at the line of its {@code await}, in order, and the runtime's own frames are
 * left out (unless the loop is in debug mode). One loop has one of these.
 *
 * <p>What the Java stack holds when an exception is made: the frames of the coroutine that threw
 * (a generated machine's {@code resume}), then those of the coroutines that ran it inline (each
 * awaiting the next, one Java call inside the other), then the runtime's: the task's step, the
 * loop, {@code Asyncio.run}, and the caller's {@code main}. Coroutines resumed after a real
 * suspension have no frame left: their task resumed the innermost one, and hands the exception
 * up to each awaiter in a loop. Their frame is made from what the state machine holds (its
 * {@link Origin} and its state), read here and nowhere else. Generated frames are mapped back to
 * the template's file and line through the origin's line table.
 *
 * <p>The same exception passes through every awaiting coroutine on its way up: the first rewrite
 * already shows them all, and the exception is remembered (weakly) with the coroutines it shows.
 * Reaching a coroutine it does not show yet (it was awaited across tasks, as a task's or a
 * gather's outcome), the chain of that coroutine is appended after the ones already shown, as
 * Python's traceback grows while the exception travels.
 */
final class AsyncStackTraces {
  /** At most this many frames are made for awaiting coroutines, so deep recursion stays cheap. */
  static final int MAX_AWAIT_FRAMES = 1024;
  /**
   * A trace this long gets no more frames appended: one exception object thrown again and again
   * (a preallocated one) would otherwise grow without end.
   */
  static final int MAX_TRACE_FRAMES = 4 * MAX_AWAIT_FRAMES;

  private static final String RUNTIME_PACKAGE = "io.jasyncio.";
  private static final Map<String, Boolean> RUNTIME_CLASSES = new ConcurrentHashMap<>();
  private static final CodeSource RUNTIME_CODE = codeSourceOf(Coroutine.class);

  /** Exceptions already rewritten, and what was made of them. Used on the loop thread only. */
  private final Map<Throwable, Shown> rewritten = new WeakHashMap<>();

  /**
   * What a rewritten exception shows: the identities of the coroutines that have a frame in it,
   * and where in its trace the frames of coroutines awaiting it from elsewhere go.
   */
  private static final class Shown {
    /** Identity hash codes: a Shown must not hold the coroutines, which hold the exception. */
    final Set<Integer> coroutines = new HashSet<>();
    int insertAt;

    boolean shows(Coroutine<?> c) {
      return coroutines.contains(System.identityHashCode(c));
    }

    void add(List<Coroutine<?>> chain) {
      for (Coroutine<?> c : chain) {
        coroutines.add(System.identityHashCode(c));
      }
    }
  }

  /**
   * Called when {@code thrown} leaves {@code coroutine}'s body: rewrites its stack trace the first
   * time, and appends the frames of {@code coroutine}'s await chain if it is not shown yet.
   */
  void leaving(Throwable thrown, Coroutine<?> coroutine, boolean debug) {
    if (thrown instanceof CancelledException c && c.untraced) {
      // A cancellation made outside debug mode: no trace to rewrite, and none is looked up (the
      // map's identity hash and getStackTrace()'s copy were most of what cancelling cost).
      return;
    }
    Shown shown = rewritten.get(thrown);
    if (shown != null && shown.shows(coroutine)) {
      return; // on its way up a chain it already shows
    }
    StackTraceElement[] frames = thrown.getStackTrace();
    if (frames.length == 0 || frames.length >= MAX_TRACE_FRAMES) {
      // Made without a stack trace on purpose (a cancellation outside debug mode), or grown
      // long enough: nothing is made, and nothing is remembered.
      return;
    }
    List<Coroutine<?>> chain = chainFrom(coroutine);
    if (shown == null) {
      shown = new Shown();
      thrown.setStackTrace(rewrite(frames, chain, debug, shown));
      rewritten.put(thrown, shown);
    } else {
      List<StackTraceElement> out = new ArrayList<>(Arrays.asList(frames));
      List<StackTraceElement> awaiting = new ArrayList<>();
      for (Coroutine<?> c : chain) {
        addFrameOf(c, awaiting, debug);
      }
      int at = Math.min(shown.insertAt, out.size());
      out.addAll(at, awaiting);
      shown.insertAt = at + awaiting.size();
      thrown.setStackTrace(out.toArray(StackTraceElement[]::new));
    }
    shown.add(chain);
  }

  /**
   * The frames where {@code leaf} and the coroutines awaiting it are suspended, innermost first;
   * for {@link Task#getStack()}.
   */
  static List<StackTraceElement> suspendedFrames(Coroutine<?> leaf, boolean debug) {
    List<StackTraceElement> out = new ArrayList<>();
    for (Coroutine<?> c : chainFrom(leaf)) {
      addFrameOf(c, out, debug);
    }
    return out;
  }

  /**
   * The frames of a task running now, innermost first, for the call graph of the current task:
   * {@code frames} (a stack taken in one of its coroutines, from the code that asked) rewritten
   * as an exception's, {@code innermost} being the coroutine running deepest, and cut where the
   * task's own coroutine ends (the loop and what ran it are not the task's).
   */
  static List<StackTraceElement> runningFrames(StackTraceElement[] frames,
      Coroutine<?> innermost, boolean debug) {
    Shown shown = new Shown();
    StackTraceElement[] out = rewrite(frames, chainFrom(innermost), debug, shown);
    return Arrays.asList(out).subList(0, Math.min(shown.insertAt, out.length));
  }

  /** {@code first} and the coroutines awaiting it, innermost first, at most MAX_AWAIT_FRAMES. */
  static List<Coroutine<?>> chainFrom(Coroutine<?> first) {
    List<Coroutine<?>> chain = new ArrayList<>();
    for (Coroutine<?> c = first; c != null && chain.size() < MAX_AWAIT_FRAMES; c = c.parent()) {
      chain.add(c);
    }
    return chain;
  }

  /**
   * The new trace: the frames above the first coroutine frame (what the coroutine called, where
   * the exception was made; of the runtime's, only the method it called); the coroutines' frames
   * mapped to their source; the
   * frames of the awaiting coroutines that ran none of this stack; then the rest, without the
   * runtime's frames but the one through which the program entered the runtime.
   *
   * <p>Each coroutine on the stack runs under a {@code Coroutine.runStep} frame, so the frames
   * down to the k-th such frame belong to the k-th coroutine of the chain (or to code it called):
   * counting them tells a recursive call's frames apart, whose classes are all the same.
   */
  private static StackTraceElement[] rewrite(StackTraceElement[] frames,
      List<Coroutine<?>> chain, boolean debug, Shown shown) {
    List<StackTraceElement> out = new ArrayList<>(frames.length + chain.size());
    String[] classes = new String[chain.size()];
    for (int m = 0; m < classes.length; m++) {
      classes[m] = chain.get(m).getClass().getName();
    }
    int region = 0; // the chain member whose runStep frame is the next one down
    int nextToShow = 0; // the first chain member not given a frame yet
    boolean chainDone = false;
    StackTraceElement entry = null; // the last runtime frame seen: where the program entered
    for (StackTraceElement f : frames) {
      boolean runtime = isRuntimeFrame(f);
      if (!chainDone) {
        if (isCoroutineStep(f)) {
          region++;
          if (debug) {
            out.add(f);
          }
          continue;
        }
        if (!isTaskStep(f)) {
          int member = memberOf(f, classes, region);
          if (member >= 0) {
            if (entry != null) {
              out.add(entry);
              entry = null;
            }
            if (member >= nextToShow) { // a continuation's frame may come first: it wins
              for (int m = nextToShow; m < member; m++) {
                addFrameOf(chain.get(m), out, debug);
              }
              nextToShow = member + 1;
              addMappedFrame(f, chain.get(member), out, debug);
            }
          } else if (!runtime || debug) {
            if (entry != null) {
              out.add(entry);
              entry = null;
            }
            out.add(f); // above the coroutines: what the coroutine called, where it was thrown
          } else if (nextToShow == 0) {
            entry = f; // the runtime's: only the method the coroutine called is kept
          }
          continue;
        }
        entry = null;
        // The task's step ran the innermost coroutine: the rest awaited without a frame here.
        for (int m = nextToShow; m < chain.size(); m++) {
          addFrameOf(chain.get(m), out, debug);
        }
        chainDone = true;
        shown.insertAt = out.size();
      }
      if (!runtime) {
        if (entry != null) {
          out.add(entry);
          entry = null;
        }
        out.add(f);
      } else if (debug) {
        out.add(f);
      } else {
        entry = f;
      }
    }
    if (!chainDone) {
      // Made off this stack (another thread, or stored and thrown again): awaited from here.
      for (int m = nextToShow; m < chain.size(); m++) {
        addFrameOf(chain.get(m), out, debug);
      }
      shown.insertAt = out.size();
    } else if (entry != null) {
      out.add(entry);
    }
    return out.toArray(StackTraceElement[]::new);
  }

  /**
   * The chain member, from {@code from} on, whose machine class {@code f} runs in (its
   * {@code resume}, a method of a range of its states, or a continuation lambda in them); or -1.
   */
  private static int memberOf(StackTraceElement f, String[] classes, int from) {
    String method = f.getMethodName();
    if (!method.startsWith("resume") && !method.startsWith("lambda$")) {
      // A coroutine runs only in its resume(), the methods a large machine's resume() runs its
      // states in (resumeStates0To99...), and the lambdas written in them.
      return -1;
    }
    String cls = f.getClassName();
    for (int m = from; m < classes.length; m++) {
      if (classes[m].equals(cls)) {
        return m;
      }
    }
    return -1;
  }

  /** Adds the frame {@code f} of {@code c}'s machine as the template's method and line. */
  private static void addMappedFrame(StackTraceElement f, Coroutine<?> c,
      List<StackTraceElement> out, boolean debug) {
    Origin origin = c.origin();
    if (origin == null) {
      if (debug) {
        out.add(f); // a coroutine of the runtime
      }
      return;
    }
    int line = origin.sourceLine(f.getLineNumber());
    out.add(line > 0 ? origin.frame(line) : origin.frameAtState(c.state));
  }

  /** Adds where {@code c} is suspended: its template's line, or nothing for a runtime coroutine. */
  private static void addFrameOf(Coroutine<?> c, List<StackTraceElement> out, boolean debug) {
    Origin origin = c.origin();
    if (origin != null) {
      out.add(origin.frameAtState(c.state));
    } else if (debug) {
      out.add(new StackTraceElement(c.getClass().getName(), "resume", null, -1));
    }
  }

  private static boolean isCoroutineStep(StackTraceElement f) {
    return f.getClassName().equals(Coroutine.class.getName())
        && f.getMethodName().equals("runStep");
  }

  private static boolean isTaskStep(StackTraceElement f) {
    return f.getClassName().equals(Task.class.getName()) && f.getMethodName().equals("step");
  }

  /** Whether {@code f} runs in the runtime's own classes (not its tests, not the demo). */
  static boolean isRuntimeFrame(StackTraceElement f) {
    String cls = f.getClassName();
    if (!cls.startsWith(RUNTIME_PACKAGE)) {
      return false;
    }
    String rest = cls.substring(RUNTIME_PACKAGE.length());
    if (!rest.startsWith("internal.") && rest.indexOf('.') >= 0) {
      return false; // another package under io.jasyncio, such as the demo's
    }
    int lambda = cls.indexOf("$$");
    String host = lambda >= 0 ? cls.substring(0, lambda) : cls;
    return RUNTIME_CLASSES.computeIfAbsent(host, AsyncStackTraces::comesWithRuntime);
  }

  /** Whether the class {@code name} is loaded from where the runtime is (so not a test's). */
  private static boolean comesWithRuntime(String name) {
    try {
      Class<?> c = Class.forName(name, false, Coroutine.class.getClassLoader());
      CodeSource source = codeSourceOf(c);
      return RUNTIME_CODE == null || source == null
          || RUNTIME_CODE.getLocation().equals(source.getLocation());
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static CodeSource codeSourceOf(Class<?> c) {
    try {
      CodeSource source = c.getProtectionDomain().getCodeSource();
      return source != null && source.getLocation() != null ? source : null;
    } catch (SecurityException e) {
      return null;
    }
  }
}
