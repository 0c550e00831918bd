package io.jasyncio.hazelcast;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * One task's trip to the cluster and back: sent to a member, read from its {@link Reply}, and
 * sent again when the member is lost before it answers.
 *
 * <p>Faults:
 * <ul>
 *   <li>The task's own exception completes the future with that exception (type, message and
 *       the member's stack trace), once; it is never re-sent.
 *   <li>A lost member ({@link MemberLoss#isLoss}: it left, disconnected, shut down, refused the
 *       task) makes the trip send the task again, to a member the route picks, up to
 *       {@code resubmits} times; then the future fails with a {@link BrokenMemberException}
 *       whose cause is the last loss. So a task runs at least once and may run more than once:
 *       the lost member may have run it, in part or whole, before it went.
 *   <li>No member to send it to (none is left, or this client lost the cluster) fails the future
 *       with a {@link BrokenMemberException} that says so, whose cause is Hazelcast's error.
 *   <li>A reply over the {@link PayloadLimits} or rejected by the deserialization filter fails
 *       the future with the {@code InvalidClassException} or {@code InvalidObjectException} that
 *       names the limit or the class.
 *   <li>Anything else (the executor is shut down, the member refused an unsigned task) fails the
 *       future with that exception.
 * </ul>
 *
 * <p>The future completed by anyone else (cancelled, or failed by {@code orTimeout}) cancels the
 * task on its member, with an interrupt if it runs there (Hazelcast's {@code cancel(true)}), so
 * a task given up on does not keep a member's thread; a reply that arrives afterwards is
 * dropped.
 *
 * @param <V> what the future completes with
 */
final class Trip<V> {
  private static final System.Logger LOG = System.getLogger(Trip.class.getName());

  private final Route route;
  private final ClusterTask task;
  private final Function<List<Object>, V> finisher;
  private final ClassLoader loader;
  private final BoundedPayloads reader;
  private final CompletableFuture<V> future = new CompletableFuture<>();
  /** Guarded by {@code this}. */
  private int resubmitsLeft;
  /** The member's answer to the latest send; guarded by {@code this}. */
  private Future<Reply> inFlight;

  /**
   * A trip of {@code task} along {@code route}, whose results {@code finisher} turns into the
   * future's value, read by {@code reader} with classes resolved by {@code loader}.
   */
  Trip(Route route, ClusterTask task, Function<List<Object>, V> finisher, ClassLoader loader,
      BoundedPayloads reader, int resubmits) {
    this.route = route;
    this.task = task;
    this.finisher = finisher;
    this.loader = loader;
    this.reader = reader;
    this.resubmitsLeft = resubmits;
  }

  /** The future of the task's outcome. */
  CompletableFuture<V> future() {
    return future;
  }

  /** Sends the task. */
  void start() {
    // A no-op once the member answered: only a future given up on still has a task in flight.
    future.whenComplete((v, e) -> cancelRemote());
    send(null);
  }

  /** Sends the task; {@code lastLoss} is why the previous send failed, if there was one. */
  private void send(Throwable lastLoss) {
    Route.Sent sent;
    CompletionStage<Reply> reply;
    try {
      sent = route.send(task);
      reply = stageOf(sent.reply());
    } catch (RuntimeException e) {
      RuntimeException failure = MemberLoss.isLoss(e)
          ? new BrokenMemberException("no member of the cluster can take the task: " + e, e) : e;
      if (lastLoss != null) {
        failure.addSuppressed(lastLoss);
      }
      future.completeExceptionally(failure);
      return;
    }
    synchronized (this) {
      inFlight = sent.reply();
    }
    if (future.isDone()) {
      // Given up on while this send was under way: the hook in start() saw the previous one.
      cancelRemote();
      return;
    }
    reply.whenCompleteAsync((r, error) -> answer(sent, r, error), ClusterThreads.REPLIES);
  }

  private void answer(Route.Sent sent, Reply reply, Throwable error) {
    if (future.isDone()) {
      return;
    }
    if (error == null) {
      settle(reply);
      return;
    }
    Throwable cause = MemberLoss.unwrap(error);
    if (!MemberLoss.isLoss(cause)) {
      future.completeExceptionally(cause);
      return;
    }
    boolean again;
    synchronized (this) {
      again = resubmitsLeft-- > 0;
    }
    if (again) {
      LOG.log(Level.DEBUG, () -> "member " + sent.member() + " was lost before answering (" + cause
          + "); sending its task to another member");
      send(cause);
    } else {
      future.completeExceptionally(new BrokenMemberException("member " + sent.member()
          + " was lost before answering, the last of the members this task was sent to", cause));
    }
  }

  private void settle(Reply reply) {
    try {
      future.complete(finisher.apply(reply.open(loader, reader)));
    } catch (Throwable t) {
      future.completeExceptionally(t);
    }
  }

  /** Off the caller's thread: Hazelcast's cancel waits for the member's answer. */
  private void cancelRemote() {
    Future<Reply> remote;
    synchronized (this) {
      remote = inFlight;
    }
    if (remote != null && !remote.isDone()) {
      ClusterThreads.CHORES.execute(() -> {
        try {
          remote.cancel(true);
        } catch (RuntimeException e) {
          // The member is gone or the task is done: nothing is left to cancel.
          LOG.log(Level.DEBUG, "cannot cancel a task on its member", e);
        }
      });
    }
  }

  /** Hazelcast's member and client futures are {@code CompletableFuture}s. */
  @SuppressWarnings("unchecked") // the stage of a Future<T> completes with a T
  static <T> CompletionStage<T> stageOf(Future<T> reply) {
    if (reply instanceof CompletionStage<?> stage) {
      return (CompletionStage<T>) stage;
    }
    throw new IllegalStateException("this Hazelcast returns a " + reply.getClass().getName()
        + " from its executor, not a CompletionStage; jasyncio-hazelcast needs Hazelcast 5");
  }
}
