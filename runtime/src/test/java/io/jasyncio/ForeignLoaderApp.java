package io.jasyncio;

import java.util.concurrent.ExecutionException;

/**
 * The main of an application that a launcher loads through a class loader of its own, as
 * {@code mvn exec:java} does, for {@link ForeignLoaderTest}: it prints {@code result 42}, or
 * {@code failed } and the exception its process pool task failed with.
 */
public final class ForeignLoaderApp {
  private ForeignLoaderApp() {}

  static int twice(int x) {
    return 2 * x;
  }

  /** Runs one task in a process pool and prints its outcome. */
  public static void main(String[] args) throws InterruptedException {
    try (ProcessPool pool = ProcessPool.create(1)) {
      SerializableFunction<Integer, Integer> fn = ForeignLoaderApp::twice;
      System.out.println("result " + pool.submit(fn, 21).get());
    } catch (ExecutionException e) {
      System.out.println("failed " + e.getCause());
    }
  }
}
