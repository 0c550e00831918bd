package io.jasyncio;

import io.jasyncio.internal.Immediate;

/**
 * A primitive held by the current task, released when the scope ends: what
 * {@link Lock#hold()}, {@link Semaphore#hold()} and {@link Condition#hold()} give once acquired.
 * Python's {@code async with lock:}, in an {@code @Async} body:
 *
 * <pre>{@code
 * try (var held = await(lock.hold())) {
 *   ... // the lock is held here
 * }       // and released here, whatever happened
 * }</pre>
 *
 * <p>Closing it releases the primitive once; closing it again does nothing. Releasing needs no
 * await, so the plain {@link #close()} does the same as the awaited {@link #aclose()},
 * and a held form also works in a try-with-resources that does not await its close. It
 * throws nothing, so any exception leaving the block goes on unchanged.
 */
public final class Held implements AsyncCloseable {
  private final Object primitive;
  private final Runnable release;
  private boolean released;

  private Held(Object primitive, Runnable release) {
    this.primitive = primitive;
    this.release = release;
  }

  /** A coroutine that awaits {@code acquire} and then gives a {@code Held} that runs {@code release}. */
  static Coroutine<Held> after(Object primitive, Coroutine<?> acquire, Runnable release) {
    return new Acquiring(primitive, acquire, release);
  }

  /** Whether it is still held (not closed yet). */
  public boolean isHeld() {
    return !released;
  }

  /** Releases the primitive (if not done yet); an exception leaving the block goes on. */
  @Override
  public Coroutine<Void> aclose() {
    return new Immediate<>("Held.aclose", () -> {
      close();
      return null;
    });
  }

  /** Releases the primitive, if this has not done it yet. */
  @Override
  public void close() {
    if (!released) {
      released = true;
      release.run();
    }
  }

  @Override
  public String toString() {
    return "<Held " + (released ? "released " : "") + primitive + ">";
  }

  /** {@code hold()}: acquire, then hand out the {@code Held}. */
  private static final class Acquiring extends Coroutine<Held> {
    private final Object primitive;
    private final Coroutine<?> acquire;
    private final Runnable release;

    Acquiring(Object primitive, Coroutine<?> acquire, Runnable release) {
      super("hold", false);
      this.primitive = primitive;
      this.acquire = acquire;
      this.release = release;
    }

    @Override
    protected void resume() throws Throwable {
      if (state == 0 && suspendOn(acquire, 1)) {
        return;
      }
      awaited();
      complete(new Held(primitive, release));
    }
  }
}
