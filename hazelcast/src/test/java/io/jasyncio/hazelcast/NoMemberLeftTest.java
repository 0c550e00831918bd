package io.jasyncio.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.cluster.Member;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The only member JVM of a {@link LocalCluster} is killed while it runs a task: the task fails
 * with a {@link BrokenMemberException}, so does (or runs) what is sent before a member is back,
 * nothing stays pending, the cluster starts a member in its place, and the same pool, through the
 * same client, runs tasks on it.
 */
@Tag("fault")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NoMemberLeftTest {
  private static final long WAIT_SECONDS = 45;

  static long pid(Object ignored) {
    return ProcessHandle.current().pid();
  }

  /** Run on a member: says it started by connecting to {@code port} here, then never returns. */
  static int signalAndHang(int port) {
    try (Socket started = new Socket(InetAddress.getLoopbackAddress(), port)) {
      // Connecting is the signal.
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new CompletableFuture<Integer>().join();
  }

  @Test
  void losingEveryMemberFailsItsTasksAsBrokenMemberAndAReplacementLetsThePoolGoOn()
      throws Exception {
    try (LocalCluster cluster = LocalCluster.start(1);
        ClusterPool pool = ClusterPool.create(cluster.client());
        ServerSocket signal = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      signal.setSoTimeout((int) TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
      Process member = cluster.processes().get(0);
      CompletableFuture<Integer> held = pool.submit(NoMemberLeftTest::signalAndHang,
          signal.getLocalPort());
      signal.accept().close();
      CompletableFuture<Member> replacement =
          cluster.admission().nextAdmitted().toCompletableFuture();

      member.destroyForcibly();

      ExecutionException failed = org.junit.jupiter.api.Assertions.assertThrows(
          ExecutionException.class, () -> held.get(WAIT_SECONDS, TimeUnit.SECONDS));
      assertThat(failed.getCause()).isInstanceOf(BrokenMemberException.class)
          .hasMessageMatching(".*(no member is left|was lost before answering"
              + "|no member of the cluster can take the task).*");
      CompletableFuture<Long> meanwhile = pool.submit(NoMemberLeftTest::pid, 0);
      Object outcome = meanwhile.handle((pid, e) -> e == null ? pid : e.getCause() == null ? e
          : e.getCause()).get(WAIT_SECONDS, TimeUnit.SECONDS);
      if (outcome instanceof Throwable e) {
        assertThat(e).isInstanceOf(BrokenMemberException.class);
      }

      replacement.get(WAIT_SECONDS, TimeUnit.SECONDS);
      long newPid = pool.submit(NoMemberLeftTest::pid, 0).get(WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(newPid).isNotEqualTo(member.pid())
          .isEqualTo(cluster.processes().get(0).pid());
    }
  }
}
