package io.jasyncio;

import io.jasyncio.internal.process.Limits;
import java.util.concurrent.CompletionException;

/**
 * The main of a pool's JVM with a small heap, for {@link SmallHeapParentTest}: each line it
 * prints is the outcome of one task whose answer is larger than this heap, then of one task after
 * it, first with the default frame limit (a share of this heap) and then with one raised far past
 * the heap.
 */
public final class SmallHeapParent {
  private SmallHeapParent() {}

  static byte[] bytes(int n) {
    return new byte[n];
  }

  static long pid(Object ignored) {
    return ProcessHandle.current().pid();
  }

  /** Prints "default: ...", "then: ...", "raised: ...", "then: ...". */
  public static void main(String[] args) {
    int answerBytes = Integer.parseInt(args[0]);
    try (ProcessPool pool = ProcessPool.create(1)) {
      report("default", pool, answerBytes);
    }
    System.setProperty(Limits.MAX_FRAME_BYTES, Integer.toString(1 << 30));
    System.setProperty(Limits.MAX_ARRAY_BYTES, Integer.toString(1 << 30));
    try (ProcessPool pool = ProcessPool.create(1)) {
      report("raised", pool, answerBytes);
    }
  }

  private static void report(String label, ProcessPool pool, int answerBytes) {
    try {
      System.out.println(label + ": " + pool.submit(SmallHeapParent::bytes, answerBytes).join()
          .length);
    } catch (CompletionException e) {
      System.out.println(label + ": " + e.getCause());
    }
    System.out.println("then: " + (pool.submit(SmallHeapParent::pid, 0).join() > 0));
  }
}
