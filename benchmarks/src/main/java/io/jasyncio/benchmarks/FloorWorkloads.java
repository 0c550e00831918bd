package io.jasyncio.benchmarks;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The floor: the same workloads as hand-written state machines on the smallest loop that can run
 * them, an {@code ArrayDeque} of ready machines. No names, no cancellation, no exceptions, no
 * never-awaited watch: what generated code could reach if the runtime did nothing else.
 */
final class FloorWorkloads {
  private FloorWorkloads() {}

  /** A task: a state machine the loop resumes. */
  abstract static class Machine {
    int state;

    abstract void resume(Loop loop);
  }

  /** The loop: runs ready machines in FIFO order until none is left. */
  static final class Loop {
    final ArrayDeque<Machine> ready = new ArrayDeque<>();

    void run() {
      for (Machine m = ready.pollFirst(); m != null; m = ready.pollFirst()) {
        m.resume(this);
      }
    }
  }

  /** A settable future whose waiters are machines, queued when it is set. */
  static final class Future {
    boolean done;
    int value;
    final List<Machine> waiters = new ArrayList<>();

    void set(Loop loop, int v) {
      value = v;
      done = true;
      loop.ready.addAll(waiters);
      waiters.clear();
    }
  }

  // ---- switch: two machines, each yielding n times

  private static final class PingPong extends Machine {
    final int n;
    long resumes;

    PingPong(int n) {
      this.n = n;
    }

    @Override
    void resume(Loop loop) {
      if (state++ > 0) {
        resumes++;
      }
      if (resumes < n) {
        loop.ready.addLast(this);
      }
    }
  }

  /** Two machines alternately yielding {@code n} times each; returns the resumes. */
  static long switches(int n) {
    Loop loop = new Loop();
    PingPong a = new PingPong(n);
    PingPong b = new PingPong(n);
    loop.ready.addLast(a);
    loop.ready.addLast(b);
    loop.run();
    return a.resumes + b.resumes;
  }

  // ---- spawn: batches of trivial machines, each reporting to the one that spawned them

  private static final class Trivial extends Machine {
    final Spawner parent;

    Trivial(Spawner parent) {
      this.parent = parent;
    }

    @Override
    void resume(Loop loop) {
      parent.childDone(loop, 1);
    }
  }

  private static final class Spawner extends Machine {
    final int n;
    final int batch;
    int from;
    int pending;
    long finished;

    Spawner(int n, int batch) {
      this.n = n;
      this.batch = batch;
    }

    @Override
    void resume(Loop loop) {
      if (from < n) {
        int to = Math.min(n, from + batch);
        pending = to - from;
        for (int i = from; i < to; i++) {
          loop.ready.addLast(new Trivial(this));
        }
        from = to;
      }
    }

    void childDone(Loop loop, int result) {
      finished += result;
      if (--pending == 0) {
        loop.ready.addLast(this);
      }
    }
  }

  /** {@code n} trivial machines run in batches of {@code batch}; returns how many finished. */
  static long spawn(int n, int batch) {
    Loop loop = new Loop();
    Spawner spawner = new Spawner(n, batch);
    loop.ready.addLast(spawner);
    loop.run();
    return spawner.finished;
  }

  // ---- inline: a machine awaiting a child machine runs it on the spot

  private static final class Chain extends Machine {
    final int depth;
    int result;

    Chain(int depth) {
      this.depth = depth;
    }

    /** Runs to completion (nothing here suspends); returns whether it finished. */
    boolean step() {
      if (depth == 1) {
        result = 1;
        return true;
      }
      Chain child = new Chain(depth - 1);
      if (!child.step()) {
        throw new AssertionError("a chain never suspends");
      }
      result = child.result + 1;
      return true;
    }

    @Override
    void resume(Loop loop) {
      step();
    }
  }

  /** Awaits a chain of 10 machines {@code n} times; returns the awaits (10 per chain). */
  static long inline(int n) {
    long awaits = 0;
    for (int i = 0; i < n; i++) {
      Chain c = new Chain(10);
      if (c.step()) {
        awaits += c.result;
      }
    }
    return awaits;
  }

  // ---- await of a finished future: check done, read the value, fall through

  private static final class AwaitDone extends Machine {
    final Future future;
    final int n;
    int i;
    long sum;

    AwaitDone(Future future, int n) {
      this.future = future;
      this.n = n;
    }

    @Override
    void resume(Loop loop) {
      for (; i < n; i++) {
        if (!future.done) {
          future.waiters.add(this);
          return;
        }
        sum += future.value;
      }
    }
  }

  /** Awaits one finished future {@code n} times; returns the sum of what it got. */
  static long awaitDone(int n) {
    Future f = new Future();
    Loop loop = new Loop();
    f.set(loop, 1);
    AwaitDone machine = new AwaitDone(f, n);
    loop.ready.addLast(machine);
    loop.run();
    return machine.sum;
  }

  // ---- memory: n machines suspended on one future

  private static final class Waiter extends Machine {
    final Future gate;
    final long[] finished;

    Waiter(Future gate, long[] finished) {
      this.gate = gate;
      this.finished = finished;
    }

    @Override
    void resume(Loop loop) {
      if (state == 0 && !gate.done) {
        state = 1;
        gate.waiters.add(this);
        return;
      }
      finished[0] += gate.value;
    }
  }

  /** {@code n} machines suspended on one future: returns {count, live bytes they hold}. */
  static long[] memory(int n) {
    Loop loop = new Loop();
    Future gate = new Future();
    long[] finished = {0};
    long before = Heap.usedAfterGc();
    for (int i = 0; i < n; i++) {
      loop.ready.addLast(new Waiter(gate, finished));
    }
    loop.run();
    long bytes = Heap.usedAfterGc() - before;
    gate.set(loop, 1);
    loop.run();
    return new long[] {finished[0], bytes};
  }
}
