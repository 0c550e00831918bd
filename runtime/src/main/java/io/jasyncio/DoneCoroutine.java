package io.jasyncio;

/**
 * The coroutine {@link Asyncio#done(Object)} returns when a template runs as written: it finishes
 * with its value as soon as it is awaited or scheduled, so a template with no {@code await} still
 * works when called directly. Generated code never makes one.
 */
final class DoneCoroutine<T> extends Coroutine<T> {
  private final T value;

  DoneCoroutine(String name, T value) {
    super(name, false);
    this.value = value;
  }

  @Override
  protected void resume() {
    complete(value);
  }
}
