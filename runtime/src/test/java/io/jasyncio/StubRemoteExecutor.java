package io.jasyncio;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@link RemoteExecutor} for tests: every way to submit work throws
 * {@code UnsupportedOperationException} until a test's subclass overrides the ones it uses, and
 * it never shuts down. {@code execute} keeps the interface's own behaviour.
 */
abstract class StubRemoteExecutor implements RemoteExecutor {
  @Override
  public <T, R> CompletableFuture<R> submit(SerializableFunction<? super T, ? extends R> fn,
      T argument) {
    throw new UnsupportedOperationException();
  }

  @Override
  public <T> CompletableFuture<T> submit(Callable<T> task) {
    throw new UnsupportedOperationException();
  }

  @Override
  public <T, R> CompletableFuture<List<R>> mapAsync(
      SerializableFunction<? super T, ? extends R> fn, Iterable<? extends T> inputs,
      int chunksize) {
    throw new UnsupportedOperationException();
  }

  @Override
  public <T> CompletableFuture<T> submit(Runnable task, T result) {
    throw new UnsupportedOperationException();
  }

  @Override
  public CompletableFuture<?> submit(Runnable task) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void shutdown() {}

  @Override
  public List<Runnable> shutdownNow() {
    return List.of();
  }

  @Override
  public boolean isShutdown() {
    return false;
  }

  @Override
  public boolean isTerminated() {
    return false;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return false;
  }

  @Override
  public void close() {}
}
