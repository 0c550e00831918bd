package io.jasyncio.test;

import io.jasyncio.Asyncio;
import io.jasyncio.Awaitable;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.Task;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A fresh event loop on a virtual clock that a test drives step by step, as kotlinx-coroutines-
 * test's {@code TestScope}: run an awaitable to its end, run what is due now, advance the clock
 * by a given time, or run until nothing is left to do. Time moves only when the loop would
 * otherwise wait, so {@code sleep(3600)} takes no real time and every reading of
 * {@link #currentTime()} is exact.
 *
 * <p>Get one from {@link TestRunner#runTest} or as a parameter of a test method run with
 * {@link VirtualTimeExtension}. When the test ends, the scope fails it if it left tasks pending,
 * an exception never retrieved or a coroutine never awaited, then cancels what is left and
 * closes the loop.
 *
 * <p>The methods that drive the loop run it on the calling thread: call them from the test's own
 * code, not from a coroutine running on this loop (inside one, {@code await(sleep(s))} lets time
 * pass). Work from other threads (an executor, a {@code CompletionStage} completed elsewhere) is
 * waited for only by {@link #run}; the other methods stop when nothing on the loop is due.
 */
public final class TestScope {
  private final TestClock clock = new TestClock();
  private final Warnings warnings = Warnings.start();
  private boolean finished;

  /** A scope with a fresh loop reading time 0, listening for warnings from now on. */
  TestScope() {}

  /**
   * The scope's event loop, on its virtual clock.
   *
   * @return the loop
   */
  public EventLoop loop() {
    return clock.loop();
  }

  /**
   * The loop's time in seconds; it starts at 0.
   *
   * @return the virtual time
   */
  public double currentTime() {
    return clock.time();
  }

  /**
   * Runs the loop until {@code awaitable} is done, moving time as its timers need, and returns
   * its result; a coroutine is wrapped in a task first. The loop's {@code runUntilComplete}.
   *
   * @param awaitable what to run to its end
   * @param <T> its result type
   * @return its result
   * @throws RuntimeException the awaitable's own exception, unchanged (checked ones too)
   */
  public <T> T run(Awaitable<T> awaitable) {
    clock.unbounded();
    return loop().runUntilComplete(awaitable);
  }

  /**
   * Schedules {@code coro} as a task of the loop; it runs when the loop next runs.
   *
   * @param coro the coroutine to run
   * @param <T> its result type
   * @return the task
   */
  public <T> Task<T> createTask(Coroutine<T> coro) {
    return loop().createTask(coro);
  }

  /**
   * Schedules {@code coro} as a task named {@code name}.
   *
   * @param coro the coroutine to run
   * @param name the task's name
   * @param <T> its result type
   * @return the task
   */
  public <T> Task<T> createTask(Coroutine<T> coro, String name) {
    return loop().createTask(coro, name);
  }

  /**
   * Runs everything ready now and every timer due at the current time, including what those
   * schedule for now, without moving time: kotlinx's {@code runCurrent}.
   */
  public void runCurrent() {
    clock.through(clock.time());
    runLoop();
  }

  /**
   * Moves time forward by {@code seconds}, running what is ready and every timer due strictly
   * before the new time, each at its own time; timers due exactly at the new time are left for
   * {@link #runCurrent()}: kotlinx's {@code advanceTimeBy}.
   *
   * @param seconds how far to move, 0 or more
   * @throws IllegalArgumentException if {@code seconds} is negative or not a number
   */
  public void advanceTimeBy(double seconds) {
    if (!(seconds >= 0)) {
      throw new IllegalArgumentException("cannot advance time by " + seconds + " seconds");
    }
    double target = clock.time() + seconds;
    clock.before(target);
    runLoop();
    clock.moveTo(target);
  }

  /**
   * {@link #advanceTimeBy(double)} with a {@code Duration}.
   *
   * @param delay how far to move, zero or positive
   * @throws IllegalArgumentException if {@code delay} is negative
   */
  public void advanceTimeBy(Duration delay) {
    advanceTimeBy(delay.toNanos() / 1e9);
  }

  /**
   * Runs the loop, moving time from timer to timer, until nothing is ready and no timer is
   * pending: kotlinx's {@code advanceUntilIdle}. A task that sleeps in a loop forever keeps this
   * from returning.
   */
  public void advanceUntilIdle() {
    clock.before(Double.POSITIVE_INFINITY);
    runLoop();
  }

  private void runLoop() {
    try {
      loop().runForever();
    } finally {
      clock.unbounded();
    }
  }

  /**
   * Ends the test: lists the tasks still pending, cancels them and lets them finish, closes the
   * loop, then collects the coroutines never awaited and the exceptions never retrieved.
   * Does nothing the second time.
   *
   * @return the failure listing what the test left behind, or empty
   */
  Optional<AssertionError> finish() {
    if (finished) {
      return Optional.empty();
    }
    finished = true;
    List<String> pending;
    try {
      pending = cancelPending();
    } finally {
      loop().close();
      warnings.stop();
    }
    return new Leaks(pending, warnings.neverRetrieved(), warnings.neverAwaited()).failure();
  }

  /** The stacks of the tasks still pending, oldest task first; cancels them and drains them. */
  private List<String> cancelPending() {
    if (loop().isRunning() || loop().isClosed()) {
      return List.of(); // the test ends from inside the loop, or closed it itself
    }
    List<Task<?>> tasks = new ArrayList<>(Asyncio.allTasks(loop()));
    Collections.reverse(tasks); // allTasks lists the most recent first
    List<String> stacks = new ArrayList<>();
    for (Task<?> task : tasks) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
      task.printStack(Integer.MAX_VALUE, out);
      stacks.add(bytes.toString(StandardCharsets.UTF_8));
      task.cancel();
    }
    if (!tasks.isEmpty()) {
      advanceUntilIdle(); // as asyncio.run cancels what is left: their finally blocks run
    }
    return stacks;
  }
}
