package io.jasyncio;

import io.jasyncio.internal.TemplateCaller;
import io.jasyncio.internal.Unchecked;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * What an {@code @Async} method returning {@code Generator<T>} gives: Python's generator object.
 * Creating one runs nothing; each {@link #next()} runs the body up to its next
 * {@code Generator.yield(value)} and returns that value. It is a single-pass {@link Iterator}
 * and {@link Iterable} ({@link #iterator()} returns the generator itself, so a loop that breaks
 * out can be resumed by another) and offers a lazy {@link #stream()}.
 *
 * <pre>{@code
 * @Async
 * static Generator<Integer> countdown(int n) {
 *   while (n > 0) {
 *     Generator.yield(n--);
 *   }
 *   return null;            // the body finishes with return null;
 * }
 *
 * for (int i : AsyncTimer.countdown(3)) { ... }   // 3, 2, 1
 * }</pre>
 *
 * <ul>
 *   <li>{@code next()} past the end throws {@code NoSuchElementException} (Python's
 *       {@code StopIteration}); an exception thrown by the body reaches the caller of
 *       {@code next()} or {@code hasNext()} unchanged, and the generator is then finished.
 *   <li>{@code return other;} with another generator finishes the body and yields everything
 *       {@code other} yields (Python's {@code yield from}); {@code send} and {@code close} reach
 *       {@code other} while it runs.
 *   <li>{@link #send(Object)} resumes the body with a value that its {@code Generator.yield}
 *       returns (PEP 342); {@code next()} sends null.
 *   <li>{@link #close()} throws {@link GeneratorExit} into a suspended body, so its
 *       {@code finally} blocks run.
 * </ul>
 *
 * <p>The protected members are the protocol between generated state machines and the runtime;
 * generated code extends {@link io.jasyncio.internal.GeneratorMachine}, and nothing else should
 * extend this class. A suspended generator is that one object.
 *
 * @param <T> the type of the values it yields
 */
public abstract class Generator<T>
    implements Iterator<T>, Iterable<T>, AutoCloseable {
  private static final byte CREATED = 0;
  private static final byte SUSPENDED = 1;
  private static final byte RUNNING = 2;
  private static final byte DONE = 3;

  /** The state {@code resume()} runs next; 0 before the first step. */
  protected int state;

  private final String name;
  private byte status;
  /** Whether {@link #value} is a yielded value that {@code next()} has not taken yet. */
  private boolean ready;
  private Object value;
  /** What the yield that resumes the body returns: the value sent, or null. */
  private Object sent;
  /** Thrown at the yield that resumes the body, instead of returning: a closing exit. */
  private Throwable thrownIn;
  /** The generator whose values follow once the body finished with {@code return other;}. */
  private Generator<? extends T> delegate;

  /** A fresh generator of the {@code @Async} method {@code name}. Runs nothing. */
  protected Generator(String name) {
    this.name = name;
  }

  /**
   * Marks a suspension in an {@code @Async} generator body: yields {@code value} to the caller
   * of {@code next()} and returns what the caller {@linkplain #send sends} (null for
   * {@code next()}). Only the rewritten method suspends; the template run as written throws.
   *
   * @throws IllegalStateException always, naming the generated method to call instead
   */
  public static <S> S yield(Object value) {
    throw TemplateCaller.notGenerated();
  }

  /** A bare suspension, as the tutorial's {@code yield}: yields {@code null}. */
  public static <S> S yield() {
    throw TemplateCaller.notGenerated();
  }

  /** Runs from {@code state} to the next yield or to the end of the body. */
  protected abstract void resume() throws Throwable;

  // ---- protocol for generated code

  /** Yields {@code value}; {@code resume()} returns right after, to continue at {@code next}. */
  protected final void produce(Object value, int next) {
    this.value = value;
    this.ready = true;
    this.state = next;
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

  /**
   * Finishes the body: with {@code return null;}, or with {@code return other;}, whose values
   * follow. {@code resume()} returns right after.
   */
  protected final void complete(Generator<? extends T> then) {
    delegate = then;
    status = DONE;
  }

  // ---- Iterator

  /** Whether another value comes; runs the body up to its next yield if none is waiting. */
  @Override
  public final boolean hasNext() {
    return ready || step(null);
  }

  /** The next value the body yields. */
  @Override
  public final T next() {
    if (!hasNext()) {
      throw new NoSuchElementException("generator " + name + " is exhausted");
    }
    return take();
  }

  /**
   * Resumes the body with {@code value} as what its pending {@code Generator.yield} returns, and
   * returns the next value it yields (Python's {@code send}).
   *
   * @throws NoSuchElementException when the body finishes instead of yielding
   * @throws IllegalStateException when a non-null value is sent to a generator that has not
   *     started (no yield waits for it), or when a value taken by {@code hasNext()} waits for
   *     {@code next()}
   */
  public final T send(Object value) {
    if (ready) {
      throw new IllegalStateException("generator " + name
          + " holds a value that hasNext() fetched; take it with next() before send");
    }
    if (!step(value)) {
      throw new NoSuchElementException("generator " + name + " is exhausted");
    }
    return take();
  }

  /**
   * Closes the generator: a body suspended at a yield gets {@link GeneratorExit} thrown there,
   * so its {@code finally} blocks run; one not started never runs. Closing twice does nothing.
   *
   * @throws IllegalStateException if the body yields again instead of finishing
   */
  @Override
  public final void close() {
    if (status == RUNNING) {
      throw new IllegalStateException("generator " + name + " is already running");
    }
    ready = false;
    value = null;
    if (delegate != null) {
      Generator<? extends T> d = delegate;
      delegate = null;
      d.close();
      return;
    }
    if (status != SUSPENDED) {
      status = DONE;
      return;
    }
    GeneratorExit exit = new GeneratorExit(name);
    thrownIn = exit;
    status = RUNNING;
    try {
      resume();
    } catch (GeneratorExit e) {
      if (e != exit) {
        throw e;
      }
      return;
    } catch (Throwable t) {
      throw Unchecked.rethrow(t);
    } finally {
      thrownIn = null;
      delegate = null;
      status = DONE;
    }
    if (ready) {
      ready = false;
      value = null;
      throw new IllegalStateException("generator " + name + " yielded while closing");
    }
  }

  /** This generator: a second loop over it goes on where the first stopped. */
  @Override
  public final Iterator<T> iterator() {
    return this;
  }

  /** A sequential, lazy stream of what is left to yield; closing it closes the generator. */
  public final Stream<T> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED),
        false).onClose(this::close);
  }

  @Override
  public String toString() {
    return "<generator object " + name + " at 0x"
        + Integer.toHexString(System.identityHashCode(this)) + ">";
  }

  @SuppressWarnings("unchecked")
  private T take() {
    T v = (T) value;
    value = null;
    ready = false;
    return v;
  }

  /** Runs to the next value; false when the generator has finished. */
  private boolean step(Object toSend) {
    if (status == RUNNING) {
      throw new IllegalStateException("generator " + name + " is already running");
    }
    if (delegate != null) {
      return stepDelegate(toSend);
    }
    if (status == DONE) {
      return false;
    }
    if (status == CREATED && toSend != null) {
      throw new IllegalStateException("cannot send a value to generator " + name
          + " before it started; call next() first");
    }
    sent = toSend;
    status = RUNNING;
    try {
      resume();
    } catch (Throwable t) {
      status = DONE;
      sent = null;
      throw Unchecked.rethrow(t);
    }
    if (ready) {
      status = SUSPENDED;
      return true;
    }
    status = DONE; // complete(...) ran
    return delegate != null && stepDelegate(null);
  }

  private boolean stepDelegate(Object toSend) {
    Generator<? extends T> d = delegate;
    byte before = status;
    status = RUNNING;
    boolean more;
    try {
      more = toSend == null ? d.hasNext() : d.sendIfMore(toSend);
    } catch (Throwable t) {
      delegate = null;
      status = DONE;
      throw Unchecked.rethrow(t);
    }
    status = before;
    if (!more) {
      delegate = null;
      return false;
    }
    value = d.take();
    ready = true;
    return true;
  }

  /** {@link #send} that answers false instead of throwing when the body finishes. */
  private boolean sendIfMore(Object toSend) {
    if (ready) {
      throw new IllegalStateException("generator " + name
          + " holds a value that hasNext() fetched; take it with next() before send");
    }
    return step(toSend);
  }
}
