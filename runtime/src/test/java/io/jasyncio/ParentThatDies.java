package io.jasyncio;

/**
 * The main of a pool's JVM for {@link ParentDeathTest}: it starts a worker, prints
 * "worker &lt;pid&gt;" and waits to be killed.
 */
public final class ParentThatDies {
  private ParentThatDies() {}

  static long pid(Object ignored) {
    return ProcessHandle.current().pid();
  }

  /** Prints its worker's pid, then blocks until its standard input ends or it is killed. */
  public static void main(String[] args) throws Exception {
    ProcessPool pool = ProcessPool.create(1);
    System.out.println("worker " + pool.submit(ParentThatDies::pid, 0).join());
    System.out.flush();
    while (System.in.read() >= 0) {
      // Waits; the test kills this JVM.
    }
  }
}
