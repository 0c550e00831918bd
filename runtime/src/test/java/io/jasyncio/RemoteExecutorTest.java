package io.jasyncio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * runInExecutor on a {@link RemoteExecutor}, and on an executor a {@link RemoteExecutor.Provider}
 * adapts: the function itself is handed over (never a {@code Runnable} through
 * {@code execute}), and the outcome comes back through the loop. Runs everything on the calling
 * thread: what matters here is what the executor is given.
 */
class RemoteExecutorTest {
  private final EventLoop loop = EventLoop.create(new VirtualClock());

  @AfterEach
  void close() {
    loop.close();
  }

  /** A remote executor that runs what it is given at once, here, and notes how it got it. */
  static final class Recording extends StubRemoteExecutor {
    final List<String> calls = new ArrayList<>();

    @Override
    public <T, R> CompletableFuture<R> submit(SerializableFunction<? super T, ? extends R> fn,
        T argument) {
      calls.add("submit(fn, " + argument + ")");
      try {
        return CompletableFuture.completedFuture(fn.apply(argument));
      } catch (Exception e) {
        return CompletableFuture.failedFuture(e);
      }
    }

    @Override
    public <T> CompletableFuture<T> submit(Callable<T> task) {
      calls.add("submit(callable)");
      try {
        return CompletableFuture.completedFuture(task.call());
      } catch (Exception e) {
        return CompletableFuture.failedFuture(e);
      }
    }

    @Override
    public <T, R> CompletableFuture<List<R>> mapAsync(
        SerializableFunction<? super T, ? extends R> fn, Iterable<? extends T> inputs,
        int chunksize) {
      List<R> results = new ArrayList<>();
      for (T input : inputs) {
        try {
          results.add(fn.apply(input));
        } catch (Exception e) {
          return CompletableFuture.failedFuture(e);
        }
      }
      return CompletableFuture.completedFuture(results);
    }

    @Override
    public void execute(Runnable command) {
      calls.add("execute");
      throw new UnsupportedOperationException("a remote executor needs the function itself");
    }
  }

  /** An executor of "another library", which only {@link MarkedProvider} knows. */
  static final class Marked implements Executor {
    final Recording remote = new Recording();

    @Override
    public void execute(Runnable command) {
      throw new UnsupportedOperationException("cannot serialize a Runnable");
    }
  }

  /** Adapts {@link Marked} executors; registered in this module's test resources. */
  public static final class MarkedProvider implements RemoteExecutor.Provider {
    @Override
    public RemoteExecutor adapt(Executor executor) {
      return executor instanceof Marked marked ? marked.remote : null;
    }
  }

  static int square(int x) {
    return x * x;
  }

  @Test
  void remoteExecutorGetsTheFunctionAndItsArgumentNotARunnable() {
    Recording remote = new Recording();

    int nine = loop.runUntilComplete(loop.runInExecutor(remote, RemoteExecutorTest::square, 3));
    String called = loop.runUntilComplete(loop.runInExecutor(remote, () -> "called"));

    assertThat(nine).isEqualTo(9);
    assertThat(called).isEqualTo("called");
    assertThat(remote.calls).containsExactly("submit(fn, 3)", "submit(callable)");
  }

  @Test
  void executorOfAnotherLibraryGoesThroughTheProviderThatAdaptsIt() {
    Marked marked = new Marked();

    int sixteen = loop.runUntilComplete(loop.runInExecutor(marked, RemoteExecutorTest::square, 4));

    assertThat(sixteen).isEqualTo(16);
    assertThat(marked.remote.calls).containsExactly("submit(fn, 4)");
  }

  @Test
  void remoteExceptionReachesTheAwaiterUnchanged() {
    IllegalStateException boom = new IllegalStateException("boom");
    SerializableFunction<Integer, Integer> failing = x -> {
      throw boom;
    };

    assertThatThrownBy(() -> loop.runUntilComplete(loop.runInExecutor(new Recording(), failing, 1)))
        .isSameAs(boom);
  }

  @Test
  void defaultMapThrowsTheFirstFailureUnwrapped() {
    SerializableFunction<Integer, Integer> failOnTwo = x -> {
      if (x == 2) {
        throw new IllegalArgumentException("two");
      }
      return x;
    };
    Recording remote = new Recording();

    assertThat(remote.map(RemoteExecutorTest::square, List.of(1, 2, 3)))
        .containsExactly(1, 4, 9);
    assertThatThrownBy(() -> remote.map(failOnTwo, List.of(1, 2, 3), 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("two");
  }
}
