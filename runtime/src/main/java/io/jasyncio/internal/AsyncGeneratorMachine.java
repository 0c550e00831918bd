package io.jasyncio.internal;

import io.jasyncio.AsyncGenerator;
import io.jasyncio.Asyncio;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.GeneratorExit;
import java.util.NoSuchElementException;

/**
 * The base class of every state machine the jasyncio processor generates for an {@code @Async}
 * method returning {@code AsyncGenerator<T>}: one instance is the generator and its body. The body
 * is a coroutine that each step awaits again: it runs inside the awaiting task, may await as any
 * coroutine does, and hands each yielded value to the step's awaiter by finishing that await, then
 * waits, reopened, for the next step. So it is a {@link CoroutineMachine} (an unwatched one, never
 * reported as not awaited), and its body uses that protocol for its awaits, loops, switches and
 * try-with-resources; this class adds the yield:
 *
 * <ul>
 *   <li>{@code produce(value, nextState)}: yields; {@code resume()} returns right after.
 *   <li>{@code received()} (and {@code receivedInt()} etc.): what the yield returns once the body
 *       resumes, the value sent or null; throws {@code GeneratorExit} when closing.
 *   <li>{@code finish()}: the body's {@code return null;}; {@code resume()} returns right after.
 * </ul>
 *
 * <p>Internal API: it changes with the processor, and only generated code should extend it.
 *
 * @param <T> the type of the values the generator yields
 */
public abstract class AsyncGeneratorMachine<T> extends CoroutineMachine<Object>
    implements AsyncGenerator<T> {
  /** What a step's await gives when the body finished instead of yielding. */
  static final Object END = new Object() {
    @Override
    public String toString() {
      return "<end of async generator>";
    }
  };

  private final String name;
  /** Whether a step awaits the body right now. */
  private boolean running;
  /** Whether the body has yielded once at least and waits at a yield. */
  private boolean started;
  /** Whether the body finished, failed or was closed. */
  private boolean finished;
  private Object sent;
  private Throwable thrownIn;
  /** The loop of its first step, where it is listed until it finishes; null before. */
  private EventLoop loop;

  /** A fresh generator of the {@code @Async} method {@code name}. Runs nothing. */
  protected AsyncGeneratorMachine(String name) {
    super(name, false);
    this.name = name;
  }

  // ---- protocol for generated code

  /** Yields {@code value} to the step awaiting the body; it continues at {@code next}. */
  protected final void produce(Object value, int next) {
    state = next;
    complete(value);
  }

  /** Finishes the body ({@code return null;}). */
  protected final void finish() {
    complete(END);
  }

  /**
   * What the yield that resumed the body returns: the value sent, or null for {@code next()}.
   * Throws {@link GeneratorExit} instead when the generator is being closed.
   */
  @SuppressWarnings("unchecked")
  protected final <S> S received() {
    Throwable t = thrownIn;
    if (t != null) {
      thrownIn = null;
      throw Unchecked.rethrow(t);
    }
    Object v = sent;
    sent = null;
    return (S) v;
  }

  /** What the yield returns, for a {@code boolean} target. */
  protected final boolean receivedBoolean() {
    return Iteration.asBoolean(received());
  }

  /** What the yield returns, for a {@code byte} target. */
  protected final byte receivedByte() {
    return Iteration.asByte(received());
  }

  /** What the yield returns, for a {@code short} target. */
  protected final short receivedShort() {
    return Iteration.asShort(received());
  }

  /** What the yield returns, for a {@code char} target. */
  protected final char receivedChar() {
    return Iteration.asChar(received());
  }

  /** What the yield returns, for an {@code int} target (widening as assignment does). */
  protected final int receivedInt() {
    return Iteration.asInt(received());
  }

  /** What the yield returns, for a {@code long} target (widening as assignment does). */
  protected final long receivedLong() {
    return Iteration.asLong(received());
  }

  /** What the yield returns, for a {@code float} target (widening as assignment does). */
  protected final float receivedFloat() {
    return Iteration.asFloat(received());
  }

  /** What the yield returns, for a {@code double} target (widening as assignment does). */
  protected final double receivedDouble() {
    return Iteration.asDouble(received());
  }

  // ---- AsyncGenerator

  @Override
  public final Coroutine<T> next() {
    return new NextStep<>(this, null, false);
  }

  @Override
  public final Coroutine<T> send(Object value) {
    return new NextStep<>(this, value, false);
  }

  @Override
  public final Coroutine<Void> aclose() {
    return new Close(this);
  }

  /**
   * A step of {@code for (T v : aiter(gen))}: finishes with {@code END} past the end. Any
   * {@link AsyncGenerator} can be iterated (such as {@code asCompleted(...)}); one that is not a
   * generated machine ends when its {@code next()} throws {@code NoSuchElementException}, as
   * Python's {@code async for} ends at {@code StopAsyncIteration}.
   */
  static Coroutine<Object> iterationStep(AsyncGenerator<?> gen) {
    if (gen instanceof AsyncGeneratorMachine<?> machine) {
      return new NextStep<>(machine, null, true);
    }
    if (gen == null) {
      throw new NullPointerException("async generator");
    }
    return new ForeignStep(gen);
  }

  /** Whether {@code value}, the outcome of an iteration step, marks the end. */
  static boolean isEnd(Object value) {
    return value == END;
  }

  @Override
  public String toString() {
    return "<async_generator object " + name + " at 0x"
        + Integer.toHexString(System.identityHashCode(this)) + ">";
  }

  /** Marks a step begun: checks that none runs, and hands the body what it will receive. */
  private void begin(Object toSend, Throwable toThrow) {
    if (running) {
      throw new IllegalStateException("async generator " + name + " is already running");
    }
    if (!started && toSend != null) {
      throw new IllegalStateException("cannot send a value to async generator " + name
          + " before it started; await next() first");
    }
    if (loop == null) {
      // asyncio's firstiter hook: from now on the run that ends closes it if nobody else does.
      loop = Asyncio.getRunningLoop();
      StartedAsyncGenerators.started(loop, this);
    }
    running = true;
    sent = toSend;
    thrownIn = toThrow;
    reopen();
  }

  /** Marks a step over; the body finished unless it yielded ({@code outcome} not END). */
  private void end(boolean yielded) {
    running = false;
    sent = null;
    thrownIn = null;
    if (yielded) {
      started = true;
    } else {
      finished = true;
      if (loop != null) {
        StartedAsyncGenerators.finished(loop, this);
      }
    }
  }

  /** One step: awaits the body to its next yield. */
  private static final class NextStep<T> extends CoroutineMachine<T> {
    private final AsyncGeneratorMachine<?> gen;
    private final Object toSend;
    /** Whether the end finishes this step with END (async for) or throws (anext). */
    private final boolean iterating;

    NextStep(AsyncGeneratorMachine<?> gen, Object toSend, boolean iterating) {
      super(iterating ? "aiter" : "anext");
      this.gen = gen;
      this.toSend = toSend;
      this.iterating = iterating;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void resume() throws Throwable {
      if (state == 0) {
        if (gen.finished) {
          end();
          return;
        }
        gen.begin(toSend, null);
        if (suspendOn(gen, 1)) {
          return;
        }
      }
      Object value;
      try {
        value = awaited();
      } catch (Throwable t) {
        gen.end(false);
        throw t;
      }
      gen.end(value != END);
      if (value == END) {
        end();
        return;
      }
      complete((T) value);
    }

    @SuppressWarnings("unchecked")
    private void end() {
      if (!iterating) {
        throw new NoSuchElementException("async generator " + gen.name + " is exhausted");
      }
      complete((T) END);
    }
  }

  /** A step of {@code aiter} over an async generator of another kind: awaits its next(). */
  private static final class ForeignStep extends CoroutineMachine<Object> {
    private final AsyncGenerator<?> gen;

    ForeignStep(AsyncGenerator<?> gen) {
      super("aiter", false);
      this.gen = gen;
    }

    @Override
    protected void resume() throws Throwable {
      if (state == 0 && suspendOn(gen.next(), 1)) {
        return;
      }
      Object value;
      try {
        value = awaited();
      } catch (NoSuchElementException e) {
        value = END;
      }
      complete(value);
    }
  }

  /** {@code aclose()}: throws {@link GeneratorExit} into a body suspended at a yield. */
  private static final class Close extends CoroutineMachine<Void> {
    private final AsyncGeneratorMachine<?> gen;
    private GeneratorExit exit;

    Close(AsyncGeneratorMachine<?> gen) {
      super("aclose");
      this.gen = gen;
    }

    @Override
    protected void resume() throws Throwable {
      if (state == 0) {
        if (gen.finished || !gen.started) {
          if (gen.running) {
            throw new IllegalStateException("async generator " + gen.name + " is already running");
          }
          gen.finished = true;
          complete(null);
          return;
        }
        exit = new GeneratorExit(gen.name);
        gen.begin(null, exit);
        if (suspendOn(gen, 1)) {
          return;
        }
      }
      Object value;
      try {
        value = awaited();
      } catch (GeneratorExit e) {
        gen.end(false);
        if (e != exit) {
          throw e;
        }
        complete(null);
        return;
      } catch (Throwable t) {
        gen.end(false);
        throw t;
      }
      gen.end(false);
      if (value != END) {
        throw new IllegalStateException("async generator " + gen.name + " yielded while closing");
      }
      complete(null);
    }
  }
}
