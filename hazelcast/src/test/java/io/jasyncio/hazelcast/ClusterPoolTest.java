package io.jasyncio.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.core.HazelcastInstance;
import io.jasyncio.Asyncio;
import io.jasyncio.SerializableCallable;
import java.io.NotSerializableException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A cluster of two members embedded in this JVM, shared by the tests here, and a pool on the
 * first. A JUnit timeout only turns a hang into a failure.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClusterPoolTest {
  private static TestCluster cluster;
  private static ClusterPool pool;

  @BeforeAll
  static void startCluster() {
    cluster = TestCluster.start(2);
    pool = ClusterPool.create(cluster.member(0));
  }

  @AfterAll
  static void stopCluster() {
    if (pool != null) {
      pool.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  private static List<Integer> upTo(int n) {
    return IntStream.range(0, n).boxed().toList();
  }

  @Test
  void submitRunsTheFunctionOnAMember() {
    assertThat(pool.submit(Work::square, 7).join()).isEqualTo(49);
    assertThat(pool.submit(Work::member, 0).join()).startsWith(cluster.name() + "-m");
  }

  @Test
  void mapReturnsResultsInInputOrder() {
    List<Integer> inputs = upTo(100);

    List<Integer> squares = pool.map(Work::square, inputs, 7);

    assertThat(squares).isEqualTo(inputs.stream().map(x -> x * x).toList());
    assertThat(pool.map(Work::square, List.<Integer>of(), 3)).isEmpty();
    assertThat(pool.map(Work::square, List.of(3))).containsExactly(9);
  }

  @Test
  void chunksGoToTheMembersInTurnEachChunkToOne() {
    List<String> members = pool.map(Work::member, upTo(40), 10);

    for (int chunk = 0; chunk < 4; chunk++) {
      assertThat(members.subList(chunk * 10, chunk * 10 + 10)).containsOnly(members.get(chunk * 10));
    }
    assertThat(members).containsOnly(cluster.name() + "-m0", cluster.name() + "-m1")
        .contains(cluster.name() + "-m0", cluster.name() + "-m1");
  }

  @Test
  void chunksizeBelowOneIsRefused() {
    assertThatThrownBy(() -> pool.map(Work::square, List.of(1), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("chunksize");
  }

  @Test
  void taskExceptionArrivesWithTypeMessageAndTheMembersStackTrace() {
    CompletableFuture<Integer> f = pool.submit(Work::failOnEven, 4);

    assertThatThrownBy(f::join).isInstanceOf(CompletionException.class)
        .cause().isInstanceOf(Work.QuotaException.class).hasMessage("no quota for 4")
        .satisfies(e -> assertThat(Arrays.stream(e.getStackTrace()).map(s -> s.getClassName()))
            .contains(Work.class.getName(), ClusterTask.class.getName()));
  }

  @Test
  void mapThrowsTheFirstFailureInInputOrderUnchanged() {
    assertThatThrownBy(() -> pool.map(Work::failOnEven, List.of(1, 3, 4, 5, 6), 2))
        .isInstanceOf(Work.QuotaException.class).hasMessage("no quota for 4");
  }

  @Test
  void unserializableArgumentFailsTheTaskBeforeAnythingIsSent() {
    CompletableFuture<String> f = pool.submit((Object o) -> "sent", new Object());

    assertThat(f).isCompletedExceptionally();
    assertThatThrownBy(f::join).cause().isInstanceOf(NotSerializableException.class)
        .hasMessageContaining("the argument (java.lang.Object) is not Serializable");
  }

  @Test
  void unserializableInputFailsMapWithTheExceptionOfItsChunk() {
    List<Object> inputs = List.of("a", "b", new Object(), "d");

    assertThatThrownBy(() -> pool.map(String::valueOf, inputs, 2))
        .isInstanceOf(NotSerializableException.class)
        .hasMessageContaining("argument 0 (java.lang.Object) is not Serializable");
  }

  @Test
  void unserializableResultFailsTheTaskNamingItsType() {
    CompletableFuture<Object> f = pool.submit((Integer x) -> new Object(), 1);

    assertThatThrownBy(f::join).cause().isInstanceOf(NotSerializableException.class)
        .hasMessageContaining("the result (java.lang.Object) is not Serializable");
  }

  @Test
  void awaitsInAnAsyncMethodResumeOnTheLoopThreadWithTheResults() {
    List<Thread> resumedOn = new ArrayList<>();

    List<Object> got = Asyncio.run(AsyncOffloads.squares(pool, 5, 6, resumedOn));

    assertThat(got).containsExactly(25, 36);
    assertThat(resumedOn).containsOnly(Thread.currentThread()).hasSize(2);
  }

  @Test
  void remoteExceptionReachesTheAwaitWithItsType() {
    Throwable caught = Asyncio.run(AsyncOffloads.failure(pool, 2));

    assertThat(caught).isInstanceOf(Work.QuotaException.class).hasMessage("no quota for 2");
  }

  @Test
  void bareExecutorServiceOfHazelcastWorksWithRunInExecutor() {
    var bare = cluster.member(1).getExecutorService("bare");
    List<Thread> resumedOn = new ArrayList<>();

    List<Object> got = Asyncio.run(AsyncOffloads.squares(bare, 2, 3, resumedOn));
    Throwable caught = Asyncio.run(AsyncOffloads.failure(bare, 8));

    assertThat(got).containsExactly(4, 9);
    assertThat(resumedOn).containsOnly(Thread.currentThread());
    assertThat(caught).isInstanceOf(Work.QuotaException.class).hasMessage("no quota for 8");
  }

  /** A task sent to Hazelcast directly, not through a pool. */
  static final class Hello implements Callable<String>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public String call() {
      return "hello";
    }
  }

  @Test
  void hazelcastsOwnDeserializationTakesOnlyWhatAPoolSends() {
    var raw = cluster.member(0).getExecutorService("raw");
    Future<String> direct = raw.submitToMember(new Hello(),
        cluster.member(1).getCluster().getLocalMember());

    assertThatThrownBy(direct::get).hasStackTraceContaining("SecurityException")
        .hasStackTraceContaining(Hello.class.getName());
  }

  @Test
  void cancellingTheAwaitingTaskInterruptsTheCallOnItsMember() {
    String key = "cancel-" + System.nanoTime();

    boolean cancelled = Asyncio.run(AsyncOffloads.cancelWhileRunning(pool, key));

    assertThat(cancelled).isTrue();
    assertThat(Work.interrupted(key)).isCompleted();
  }

  @Test
  void clientPoolGetsResultsAndExceptionTypesAsAMemberDoes() {
    HazelcastInstance client = cluster.client();
    try (ClusterPool onClient = ClusterPool.create(client)) {
      assertThat(onClient.map(Work::square, upTo(20), 3))
          .isEqualTo(upTo(20).stream().map(x -> x * x).toList());
      assertThatThrownBy(() -> onClient.map(Work::failOnEven, List.of(1, 2), 1))
          .isInstanceOf(Work.QuotaException.class).hasMessage("no quota for 2");
    }
    assertThat(client.getLifecycleService().isRunning()).isTrue();
  }

  @Test
  void itIsAnExecutorServiceForSerializableCallables() throws Exception {
    SerializableCallable<String> a = () -> "a";
    SerializableCallable<String> b = () -> "b";

    List<Future<String>> all = pool.invokeAll(List.of(a, b));
    String any = pool.invokeAny(List.of(a));

    assertThat(all.get(0).get()).isEqualTo("a");
    assertThat(all.get(1).get()).isEqualTo("b");
    assertThat(any).isEqualTo("a");
    assertThat(pool.submit((Runnable & Serializable) () -> { }, "ran").get()).isEqualTo("ran");
  }

  @Test
  void plainLambdaCallableFailsWithAHintAboutItsTargetType() {
    java.util.concurrent.Callable<String> plain = () -> "x";

    assertThatThrownBy(() -> pool.submit(plain).get()).isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(NotSerializableException.class)
        .hasMessageContaining("the callable").hasMessageContaining("SerializableCallable");
    assertThatThrownBy(() -> pool.execute(() -> { }))
        .isInstanceOf(RejectedExecutionException.class).hasMessageContaining("the runnable");
  }

  @Test
  void shutdownLetsSubmittedTasksFinishRejectsNewOnesAndLeavesTheClusterRunning()
      throws Exception {
    String key = "shutdown-" + System.nanoTime();
    ClusterPool own = ClusterPool.create(cluster.member(0));
    CompletableFuture<String> running = own.submit(Work::block, key);
    Work.started(key).join();

    own.shutdown();

    assertThat(own.isShutdown()).isTrue();
    assertThat(own.isTerminated()).isFalse();
    assertThatThrownBy(() -> own.submit(Work::square, 1))
        .isInstanceOf(RejectedExecutionException.class);
    Work.released(key).complete(null);
    assertThat(running.join()).isEqualTo(key);
    assertThat(own.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    assertThat(own).hasToString("<ClusterPool executor='jasyncio' terminated>");
    assertThat(cluster.member(0).getLifecycleService().isRunning()).isTrue();
    assertThat(pool.submit(Work::square, 4).join()).isEqualTo(16);
  }

  @Test
  void shutdownNowCancelsWhatRunsOnTheMembers() {
    String key = "shutdown-now-" + System.nanoTime();
    ClusterPool own = ClusterPool.create(cluster.member(0));
    CompletableFuture<String> running = own.submit(Work::block, key);
    Work.started(key).join();

    List<Runnable> neverStarted = own.shutdownNow();

    assertThat(neverStarted).isEmpty();
    assertThat(running).isCancelled();
    assertThat(own.isTerminated()).isTrue();
    Work.interrupted(key).join();
  }
}
