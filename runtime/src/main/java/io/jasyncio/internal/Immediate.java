package io.jasyncio.internal;

import io.jasyncio.Coroutine;

/**
 * A coroutine that, awaited, runs {@code body} and finishes with its value or its exception,
 * without ever suspending: the runtime's synchronous {@code __aexit__}s (a held lock's release,
 * a timeout's check) behind an awaitable face. Never watched for "never awaited".
 *
 * @param <T> the result type
 */
public final class Immediate<T> extends Coroutine<T> {
  /** What the coroutine runs: a value or any exception. */
  public interface Body<T> {
    /** Computes the outcome. */
    T run() throws Throwable;
  }

  private final Body<T> body;

  /** A coroutine called {@code name} that runs {@code body} when first awaited. */
  public Immediate(String name, Body<T> body) {
    super(name, false);
    this.body = body;
  }

  @Override
  protected void resume() throws Throwable {
    complete(body.run());
  }
}
