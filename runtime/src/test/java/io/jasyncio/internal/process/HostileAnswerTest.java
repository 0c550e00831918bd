package io.jasyncio.internal.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.BrokenWorkerException;
import io.jasyncio.SerializableFunction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.InvalidObjectException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A worker that sends what it should not: forged frames from a {@link ForgingWorker}, read by the
 * pool's engine. Each fails its own task loudly, the reading thread goes on, and the next task is
 * served, by the same worker if its stream is still whole, or else by a replacement.
 */
@Tag("fault")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileAnswerTest {
  private static final Limits LIMITS = Limits.fromSystemProperties();
  private final AtomicLong ids = new AtomicLong();

  public static long pid(Object ignored) {
    return ProcessHandle.current().pid();
  }

  @Test
  void forgedFrameAskingForATwoGibibyteArrayFailsItsTaskAndTheWorkerServesOn() throws Exception {
    try (Engine pool = new Engine(LIMITS)) {
      long worker = pool.pid();
      // A long[] of 2^28 elements: 2 GiB, which a limit counting elements let through.
      byte[] payload = Forged.arrayClaiming(new long[0], 1 << 28);

      CompletableFuture<List<Object>> forged = pool.forge(id -> Forged.frame(Frame.RESULTS, id,
          payload));

      assertThat(Forged.frame(Frame.RESULTS, 1, payload)).hasSizeLessThan(60);
      assertThatThrownBy(forged::join).cause().isInstanceOf(InvalidClassException.class)
          .hasMessageContaining("an array of 268435456 elements (2147483648 bytes)")
          .hasMessageContaining(Limits.MAX_ARRAY_BYTES);
      assertThat(pool.pid()).isEqualTo(worker);
    }
  }

  @Test
  void arrayLongerThanItsPayloadCouldFillIsRejectedAsForged() throws Exception {
    try (Engine pool = new Engine(LIMITS)) {
      byte[] payload = Forged.arrayClaiming(new byte[0], 100_000_000);

      CompletableFuture<List<Object>> forged = pool.forge(id -> Forged.frame(Frame.RESULTS, id,
          payload));

      assertThatThrownBy(forged::join).cause().isInstanceOf(InvalidClassException.class)
          .hasMessageContaining("an array of 100000000 elements with only")
          .hasMessageContaining("a corrupt or forged stream");
      assertThat(pool.pid()).isPositive();
    }
  }

  @Test
  void frameLengthNearOneGibibyteFailsItsTaskAndReplacesTheWorker() throws Exception {
    try (Engine pool = new Engine(LIMITS)) {
      long worker = pool.pid();

      CompletableFuture<List<Object>> forged = pool.forge(id -> Forged.header((1 << 30) - 16,
          Frame.RESULTS, id));

      assertThatThrownBy(forged::join).cause().isInstanceOf(InvalidObjectException.class)
          .hasMessageContaining("a frame of 1073741808 bytes is more than " + LIMITS.maxFrameBytes())
          .hasMessageContaining(Limits.MAX_FRAME_BYTES)
          .hasMessageContaining("worker process " + worker + " sent it; it was killed and replaced");
      assertThat(pool.pid()).isNotEqualTo(worker);
    }
  }

  @Test
  void objectsNestedDeeperThanTheLimitFailTheirTaskAndTheWorkerServesOn() throws Exception {
    try (Engine pool = new Engine(LIMITS)) {
      long worker = pool.pid();
      byte[] payload = Forged.nestedArrays(2_010);

      CompletableFuture<List<Object>> forged = pool.forge(id -> Forged.frame(Frame.RESULTS, id,
          payload));

      assertThatThrownBy(forged::join).cause().isInstanceOf(InvalidClassException.class)
          .hasMessageContaining("objects nested deeper than 2000 levels")
          .hasMessageContaining(Limits.MAX_DEPTH);
      assertThat(pool.pid()).isEqualTo(worker);
    }
  }

  @Test
  void nestingTooDeepForTheStackFailsItsTaskAndTheReaderGoesOn() throws Exception {
    // No depth limit to speak of: the reader's stack, the largest there is, overflows instead.
    Limits unbounded = new Limits(LIMITS.maxFrameBytes(), Integer.MAX_VALUE, Integer.MAX_VALUE,
        LIMITS.maxArrayBytes(), 60);
    try (Engine pool = new Engine(unbounded)) {
      long worker = pool.pid();
      byte[] payload = Forged.nestedArrays(3_000_000);

      CompletableFuture<List<Object>> forged = pool.forge(id -> Forged.frame(Frame.RESULTS, id,
          payload));

      assertThatThrownBy(forged::join).cause().isInstanceOf(InvalidObjectException.class)
          .hasMessageContaining("objects nested too deep for the stack of thread")
          .hasMessageContaining(Limits.MAX_DEPTH)
          .hasRootCauseInstanceOf(StackOverflowError.class);
      assertThat(pool.pid()).isEqualTo(worker);
    }
  }

  @Test
  void frameOfUnknownKindFailsItsTaskAndReplacesTheWorker() throws Exception {
    try (Engine pool = new Engine(LIMITS)) {
      long worker = pool.pid();

      CompletableFuture<List<Object>> forged = pool.forge(id -> Forged.frame((byte) 42, id,
          new byte[3]));

      assertThatThrownBy(forged::join).cause().isInstanceOf(BrokenWorkerException.class)
          .hasMessage("worker process " + worker + " broke the protocol (a frame of unknown kind"
              + " 42); it was killed and replaced");
      assertThat(pool.pid()).isNotEqualTo(worker);
    }
  }

  @Test
  void answerToAnotherTaskFailsThisTaskAndReplacesTheWorker() throws Exception {
    try (Engine pool = new Engine(LIMITS)) {
      long worker = pool.pid();
      byte[] results = Payloads.results(List.of("stolen"));

      CompletableFuture<List<Object>> forged = pool.forge(id -> Forged.frame(Frame.RESULTS,
          id + 1000, results));

      assertThatThrownBy(forged::join).cause().isInstanceOf(BrokenWorkerException.class)
          .hasMessageContaining("broke the protocol (an answer for task");
      assertThat(pool.pid()).isNotEqualTo(worker);
    }
  }

  @Test
  void failureThatHoldsNoThrowableFailsItsTaskAndTheWorkerServesOn() throws Exception {
    try (Engine pool = new Engine(LIMITS)) {
      long worker = pool.pid();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject("not a throwable");
      }

      CompletableFuture<List<Object>> forged = pool.forge(id -> Forged.frame(Frame.FAILURE, id,
          bytes.toByteArray()));

      assertThatThrownBy(forged::join).cause().isInstanceOf(InvalidClassException.class)
          .hasMessageContaining("a failure frame holds no Throwable");
      assertThat(pool.pid()).isEqualTo(worker);
    }
  }

  /** A one-worker engine whose worker is a {@link ForgingWorker}; closing kills it. */
  private final class Engine implements AutoCloseable {
    private final Workers workers;

    Engine(Limits limits) {
      List<String> command = new ArrayList<>(WorkerCommand.forPoolOf(1, limits));
      command.set(command.size() - 1, ForgingWorker.class.getName());
      workers = new Workers(1, command, limits, 60_000);
    }

    /** The worker's pid, from a task it runs honestly: proof that it serves. */
    long pid() {
      return (Long) run(HostileAnswerTest::pid, "honest").join().get(0);
    }

    /** A task whose answer is the bytes {@code answer} makes of its id. */
    CompletableFuture<List<Object>> forge(LongFunction<byte[]> answer) {
      long id = ids.incrementAndGet();
      return run(id, HostileAnswerTest::pid, answer.apply(id));
    }

    CompletableFuture<List<Object>> run(SerializableFunction<Object, Object> fn, Object arg) {
      return run(ids.incrementAndGet(), fn, arg);
    }

    private CompletableFuture<List<Object>> run(long id, SerializableFunction<Object, Object> fn,
        Object arg) {
      CompletableFuture<List<Object>> future = new CompletableFuture<>();
      byte[] payload;
      try {
        payload = Payloads.task(Payloads.Shape.FUNCTION, fn, List.of(arg));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      workers.submit(new Job<>(id, payload, getClass().getClassLoader(), future, r -> r,
          List::of, 0));
      return future;
    }

    @Override
    public void close() {
      workers.shutdownNow();
      try {
        assertThat(workers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
  }
}
