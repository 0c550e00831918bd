package io.jasyncio;

/**
 * One frame of a call stack in a {@link FutureCallGraph}, asyncio's {@code FrameCallGraphEntry}:
 * where a coroutine of the task waits (or runs, for the task capturing its own graph), or a plain
 * method that such a coroutine called.
 *
 * <p>Differs from asyncio: Python holds the live frame object; here the frame is a
 * {@link StackTraceElement} of the template method ({@code demo.Chain.a(Chain.java:10)}, the line
 * of its {@code await}), and {@code kind} says what Python reads off the frame's generator.
 *
 * @param frame the method and source line
 * @param kind whether it is a coroutine's frame, an async generator's or a plain method's
 */
public record FrameCallGraphEntry(StackTraceElement frame, Kind kind) {
  /** What runs in a frame; {@code formatCallGraph} writes {@code async} before a coroutine's. */
  public enum Kind {
    /** A plain method, called by a coroutine of the task. */
    FUNCTION,
    /** An {@code @Async} method returning {@code Coroutine<T>}. */
    COROUTINE,
    /** The body of an {@code @Async} method returning {@code AsyncGenerator<T>}. */
    ASYNC_GENERATOR
  }

  /**
   * A frame.
   *
   * @throws NullPointerException if {@code frame} or {@code kind} is null
   */
  public FrameCallGraphEntry {
    if (frame == null || kind == null) {
      throw new NullPointerException(frame == null ? "frame" : "kind");
    }
  }
}
