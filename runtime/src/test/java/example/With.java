package example;

import io.jasyncio.AsyncCloseable;
import io.jasyncio.Awaitable;
import io.jasyncio.Coroutine;
import io.jasyncio.internal.CoroutineMachine;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code try (R r = open()) { return done(await(body(r))); }} in an {@code @Async} body whose
 * resource is an {@link AsyncCloseable}, written the way the processor will generate it: the
 * body runs inline, then {@code r.aclose(failure)} is awaited with the exception that left it
 * (or null); what {@code aclose} throws replaces that exception, otherwise it goes on.
 *
 * @param <R> the resource type
 * @param <T> the result type
 */
public final class With<R extends AsyncCloseable, T> extends CoroutineMachine<T> {
  private final Supplier<R> open;
  private final Supplier<? extends Awaitable<R>> awaitOpen;
  private final Function<R, Coroutine<T>> body;
  private R resource;
  private T value;
  private Throwable failure;

  private With(String name, Supplier<R> open, Supplier<? extends Awaitable<R>> awaitOpen,
      Function<R, Coroutine<T>> body) {
    super(name);
    this.open = open;
    this.awaitOpen = awaitOpen;
    this.body = body;
  }

  /** {@code try (R r = await(open.get())) { body(r) }}, as {@code await(lock.hold())}. */
  public static <R extends AsyncCloseable, T> With<R, T> awaited(String name,
      Supplier<? extends Awaitable<R>> open, Function<R, Coroutine<T>> body) {
    return new With<>(name, null, open, body);
  }

  /** {@code try (R r = open.get()) { body(r) }} as a coroutine called {@code name}. */
  public static <R extends AsyncCloseable, T> With<R, T> resource(String name, Supplier<R> open,
      Function<R, Coroutine<T>> body) {
    return new With<>(name, open, null, body);
  }

  @Override
  protected void resume() throws Throwable {
    for (;;) {
      switch (state) {
        case 0:
          if (awaitOpen != null) {
            if (suspendOn(awaitOpen.get(), 3)) {
              return;
            }
            continue;
          }
          resource = open.get();
          state = 4;
          continue;
        case 3:
          resource = awaited();
          state = 4;
          continue;
        case 4:
          if (suspendOn(body.apply(resource), 1)) {
            return;
          }
          continue;
        case 1:
          try {
            value = awaited();
          } catch (Throwable e) {
            failure = e;
          }
          if (suspendOn(resource.aclose(failure), 2)) {
            return;
          }
          continue;
        case 2:
          awaited();
          if (failure != null) {
            throw failure;
          }
          complete(value);
          return;
        default:
          throw new IllegalStateException("no state " + state);
      }
    }
  }
}
