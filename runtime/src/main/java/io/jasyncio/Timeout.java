package io.jasyncio;

import io.jasyncio.internal.Immediate;
import java.util.concurrent.TimeoutException;

/**
 * A deadline around a block of awaits, asyncio's {@code Timeout} (from {@code asyncio.timeout}).
 * Made by {@link Asyncio#timeout(java.time.Duration)} or {@link Asyncio#timeoutAt(double)} inside
 * a task, and used as a try-with-resources scope in an {@code @Async} body:
 *
 * <pre>{@code
 * try (var scope = timeout(Duration.ofSeconds(10))) {
 *   await(longRunningTask());
 * } catch (TimeoutException e) {
 *   System.out.println("too slow");
 * }
 * }</pre>
 *
 * <p>When the deadline passes, the task is cancelled: a {@code CancelledException} is thrown at
 * the await running then, so {@code finally} blocks inside the scope run; at the scope's end
 * {@link #aclose(Throwable)} turns that {@code CancelledException} into a
 * {@code java.util.concurrent.TimeoutException} (its cause). A cancellation that came from
 * elsewhere meanwhile (the task's {@link Task#cancelling()} count says so) stays a
 * {@code CancelledException}, and a body that swallowed the cancellation ends normally.
 *
 * <table>
 *   <caption>Life cycle</caption>
 *   <tr><th>state</th><th>reached by</th></tr>
 *   <tr><td>entered</td><td>creation: the scope binds to the current task and starts its
 *       timer</td></tr>
 *   <tr><td>expiring</td><td>the deadline passed: the task was cancelled</td></tr>
 *   <tr><td>expired</td><td>closed after expiring</td></tr>
 *   <tr><td>exited</td><td>closed before the deadline</td></tr>
 * </table>
 *
 * <p>Differs from asyncio: there is no separate {@code async with} entry; the scope is entered
 * when it is made, so it must be made inside a task. "No deadline" (Python's {@code None}) is
 * {@code Double.POSITIVE_INFINITY}. The factories ({@code timeout}, {@code timeoutAt}) declare
 * the {@code TimeoutException}, not {@code close()} as DESIGN.md first said: every
 * {@code AsyncCloseable} shares a {@code close()} that declares no checked exception (so that a
 * plain resource needs no catch), and an override cannot add one; javac's check around the
 * statement is the same, since a try-with-resources' catch clauses cover its resources'
 * initializers.
 */
public final class Timeout implements AsyncCloseable {
  private static final byte ENTERED = 0;
  private static final byte EXPIRING = 1;
  private static final byte EXPIRED = 2;
  private static final byte EXITED = 3;

  private final EventLoop loop;
  private final Task<?> task;
  /** The task's cancellation count on entry: more requests than that came from elsewhere. */
  private final int cancelling;
  private double when;
  private byte state = ENTERED;
  /** The pending timer (or soon-handle) that cancels the task, or null. */
  private Handle handler;

  /** Enters a scope of the current task that expires at loop time {@code when}. */
  Timeout(double when) {
    EventLoop running = Asyncio.getRunningLoop();
    Task<?> current = running.currentTask;
    if (current == null) {
      throw new IllegalStateException("Timeout should be used inside a task");
    }
    this.loop = running;
    this.task = current;
    this.cancelling = current.cancelling();
    reschedule(when);
  }

  /** The deadline in loop time ({@link EventLoop#time()}), or infinity for none. */
  public double when() {
    return when;
  }

  /**
   * Moves the deadline to loop time {@code when} ({@code Double.POSITIVE_INFINITY}: none); a
   * deadline already past expires the scope on the loop's next turn.
   *
   * @throws IllegalStateException if the scope expired or was closed
   */
  public void reschedule(double when) {
    assert loop.inEventLoop();
    if (state != ENTERED) {
      throw new IllegalStateException("Cannot change state of " + stateName() + " Timeout");
    }
    if (Double.isNaN(when)) {
      throw new IllegalArgumentException("when is NaN");
    }
    this.when = when;
    if (handler != null) {
      handler.cancel();
      handler = null;
    }
    if (when == Double.POSITIVE_INFINITY) {
      return;
    }
    handler = when <= loop.time() ? loop.callSoon(this::onTimeout)
        : loop.callAt(when, this::onTimeout);
  }

  /** Whether the deadline passed (the scope cancelled its task). */
  public boolean expired() {
    return state == EXPIRING || state == EXPIRED;
  }

  /** {@code aclose(null)}: the end of a block that finished normally. */
  @Override
  public Coroutine<Void> aclose() {
    return aclose(null);
  }

  /**
   * Leaves the scope (Python's {@code __aexit__}): stops the timer; if it expired and
   * {@code failure} is the resulting {@code CancelledException}, throws a
   * {@code TimeoutException} caused by it.
   */
  @Override
  public Coroutine<Void> aclose(Throwable failure) {
    return new Immediate<>("Timeout.aclose", () -> {
      exit(failure);
      return null;
    });
  }

  /**
   * The plain close: leaves the scope as after a block that ended normally (it stops the timer;
   * no {@code CancelledException} is known to be on its way, so it throws nothing). An
   * {@code @Async} body awaits {@link #aclose(Throwable)} instead.
   */
  @Override
  public void close() {
    try {
      exit(null);
    } catch (TimeoutException e) {
      throw new AssertionError("exit(null) never times out", e);
    }
  }

  @Override
  public String toString() {
    return "<Timeout [" + stateName() + "]"
        + (state == ENTERED ? " when=" + (when == Double.POSITIVE_INFINITY ? "None" : when) : "")
        + ">";
  }

  /** Leaves the scope; see {@link #aclose(Throwable)}. */
  void exit(Throwable failure) throws TimeoutException {
    if (state != ENTERED && state != EXPIRING) {
      throw new IllegalStateException("Timeout already " + stateName());
    }
    if (handler != null) {
      handler.cancel();
      handler = null;
    }
    if (state == ENTERED) {
      state = EXITED;
      return;
    }
    state = EXPIRED;
    // Python 3.12: only a CancelledException with no cancellation requested from elsewhere
    // since the scope began is the scope's own, and becomes the timeout.
    if (task.uncancel() <= cancelling && failure instanceof CancelledException) {
      TimeoutException timeout = new TimeoutException();
      timeout.initCause(failure);
      throw timeout;
    }
  }

  private void onTimeout() {
    handler = null;
    if (state != ENTERED) {
      return;
    }
    task.cancel();
    state = EXPIRING;
  }

  private String stateName() {
    switch (state) {
      case ENTERED:
        return "active";
      case EXPIRING:
        return "expiring";
      case EXPIRED:
        return "expired";
      default:
        return "finished";
    }
  }
}
