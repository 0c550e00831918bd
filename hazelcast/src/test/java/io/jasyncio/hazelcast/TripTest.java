package io.jasyncio.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.client.HazelcastClientNotActiveException;
import com.hazelcast.client.HazelcastClientOfflineException;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.core.MemberLeftException;
import com.hazelcast.spi.exception.TargetDisconnectedException;
import io.jasyncio.internal.process.Payloads;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A trip's answers to each kind of fault, along a route whose members are futures the test completes. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TripTest {
  /** A route that answers each send with the next of {@code answers} and keeps what it sent. */
  private static final class Scripted implements Route {
    final List<CompletableFuture<Reply>> sent = new ArrayList<>();
    private final List<Supplier<CompletableFuture<Reply>>> answers;

    Scripted(List<Supplier<CompletableFuture<Reply>>> answers) {
      this.answers = answers;
    }

    @Override
    public Sent send(ClusterTask task) {
      CompletableFuture<Reply> reply = answers.get(Math.min(sent.size(), answers.size() - 1)).get();
      sent.add(reply);
      return new Sent(reply, "member-" + sent.size());
    }

    @Override
    public IExecutorService executor() {
      throw new UnsupportedOperationException();
    }
  }

  private static CompletableFuture<Reply> failing(Throwable t) {
    return CompletableFuture.failedFuture(t);
  }

  private static CompletableFuture<Reply> answering(int value) {
    try {
      return CompletableFuture.completedFuture(Reply.results(List.of(value)));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static CompletableFuture<Integer> trip(Route route, int resubmits) throws IOException {
    Trip<Integer> trip = new Trip<>(route, new ClusterTask(Payloads.task(Payloads.Shape.FUNCTION,
        (io.jasyncio.SerializableFunction<Integer, Integer>) Work::square, List.of(1)), null),
        results -> (Integer) results.get(0), TripTest.class.getClassLoader(),
        new BoundedPayloads(PayloadLimits.fromSystemProperties()), resubmits);
    trip.start();
    return trip.future();
  }

  @Test
  void memberLeftBeforeAnsweringSendsTheTaskAgain() throws Exception {
    Scripted route = new Scripted(List.of(
        () -> failing(new MemberLeftException("member-1 left")),
        () -> failing(new TargetDisconnectedException("member-2 disconnected")),
        () -> answering(42)));

    assertThat(trip(route, 3).join()).isEqualTo(42);
    assertThat(route.sent).hasSize(3);
  }

  @Test
  void lostOnEveryTryFailsWithBrokenMemberCausedByTheLastLoss() throws Exception {
    Scripted route = new Scripted(List.of(() -> failing(new MemberLeftException("gone"))));

    CompletableFuture<Integer> f = trip(route, 3);

    assertThatThrownBy(f::join).isInstanceOf(CompletionException.class)
        .cause().isInstanceOf(BrokenMemberException.class)
        .hasMessageContaining("member-4 was lost before answering")
        .cause().isInstanceOf(MemberLeftException.class);
    assertThat(route.sent).hasSize(4);
  }

  @Test
  void otherErrorsFailTheTaskWithoutSendingItAgain() throws Exception {
    Scripted route = new Scripted(List.of(() -> failing(new IllegalStateException("odd"))));

    assertThatThrownBy(trip(route, 3)::join).cause().isInstanceOf(IllegalStateException.class)
        .hasMessage("odd");
    assertThat(route.sent).hasSize(1);
  }

  @Test
  void clusterLostWhenSendingAgainIsBrokenMemberWithTheEarlierLossSuppressed() throws Exception {
    HazelcastInstanceNotActiveException down = new HazelcastInstanceNotActiveException("down");
    Scripted route = new Scripted(List.of(
        () -> failing(new MemberLeftException("member-1 left")),
        () -> {
          throw down;
        }));

    assertThatThrownBy(trip(route, 3)::join).cause().isInstanceOf(BrokenMemberException.class)
        .hasMessageContaining("no member of the cluster can take the task")
        .satisfies(e -> assertThat(e.getSuppressed()).singleElement()
            .isInstanceOf(MemberLeftException.class))
        .cause().isSameAs(down);
  }

  @Test
  void clientThatShutDownOrIsOfflineFailsTheTaskAsBrokenMemberNotAsItsOwnError()
      throws Exception {
    HazelcastClientNotActiveException shutDown =
        new HazelcastClientNotActiveException("Client is not active.");
    Scripted route = new Scripted(List.of(() -> {
      throw shutDown;
    }));
    Scripted offline = new Scripted(List.of(
        () -> failing(new HazelcastClientOfflineException())));

    assertThatThrownBy(trip(route, 3)::join).cause().isInstanceOf(BrokenMemberException.class)
        .cause().isSameAs(shutDown);
    assertThatThrownBy(trip(offline, 2)::join).cause().isInstanceOf(BrokenMemberException.class)
        .cause().isInstanceOf(HazelcastClientOfflineException.class);
    assertThat(offline.sent).hasSize(3);
  }

  @Test
  void whatElseTheRouteThrowsAtOnceFailsTheTaskUnchanged() throws Exception {
    IllegalStateException refused = new IllegalStateException("executor shut down");
    Scripted route = new Scripted(List.of(() -> {
      throw refused;
    }));

    assertThatThrownBy(trip(route, 3)::join).cause().isSameAs(refused);
  }

  @Test
  void futureGivenUpOnByATimeoutCancelsWhatIsInFlight() throws Exception {
    CompletableFuture<Reply> pending = new CompletableFuture<>();
    Scripted route = new Scripted(List.of(() -> pending));
    CompletableFuture<Integer> f = trip(route, 3);

    // What orTimeout does when its time is up.
    f.completeExceptionally(new java.util.concurrent.TimeoutException());

    assertThatThrownBy(() -> pending.get(20, TimeUnit.SECONDS))
        .isInstanceOf(java.util.concurrent.CancellationException.class);
  }

  @Test
  void cancellingTheFutureCancelsWhatIsInFlight() throws Exception {
    CompletableFuture<Reply> pending = new CompletableFuture<>();
    Scripted route = new Scripted(List.of(() -> pending));
    CompletableFuture<Integer> f = trip(route, 3);

    f.cancel(true);

    // The remote cancel runs on another thread: wait for it through the future itself.
    assertThatThrownBy(() -> pending.get(20, TimeUnit.SECONDS))
        .isInstanceOf(java.util.concurrent.CancellationException.class);
  }

  @Test
  void aTasksOwnExceptionIsNeverSentAgain() throws Exception {
    Scripted route = new Scripted(List.of(() -> CompletableFuture.completedFuture(
        Reply.failure(new Work.QuotaException("no quota")))));

    assertThatThrownBy(trip(route, 3)::join).cause().isInstanceOf(Work.QuotaException.class)
        .hasMessage("no quota");
    assertThat(route.sent).hasSize(1);
  }
}
