package io.jasyncio.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.LifecycleService;
import io.jasyncio.SerializableFunction;
import io.jasyncio.internal.process.Payloads;
import io.jasyncio.internal.process.Payloads.Shape;
import java.io.IOException;
import java.io.InvalidClassException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.collections.functors.InvokerTransformer;
import org.junit.jupiter.api.Test;

/** What a member does with a task, without a cluster. */
class ClusterTaskTest {
  private static final ClassLoader LOADER = ClusterTaskTest.class.getClassLoader();
  private static final BoundedPayloads READER =
      new BoundedPayloads(PayloadLimits.fromSystemProperties());

  private static ClusterTask task(SerializableFunction<?, ?> fn, List<?> arguments)
      throws IOException {
    return new ClusterTask(Payloads.task(Shape.FUNCTION, fn, arguments), null);
  }

  /** A member whose only answers are its name and whether it still runs. */
  private static HazelcastInstance member(boolean running) {
    LifecycleService lifecycle = (LifecycleService) Proxy.newProxyInstance(LOADER,
        new Class<?>[] {LifecycleService.class}, (proxy, method, args) ->
            method.getName().equals("isRunning") ? running : null);
    return (HazelcastInstance) Proxy.newProxyInstance(LOADER,
        new Class<?>[] {HazelcastInstance.class}, (proxy, method, args) ->
            switch (method.getName()) {
              case "getLifecycleService" -> lifecycle;
              case "getName" -> "m1";
              case "getUserContext" -> new ConcurrentHashMap<String, Object>();
              default -> throw new UnsupportedOperationException(method.getName());
            });
  }

  @Test
  void appliesTheFunctionToEachArgumentInOrder() throws Throwable {
    ClusterTask t = task((Integer x) -> Work.square(x), List.of(2, 3, 4));

    assertThat(t.call().open(LOADER, READER)).containsExactly(4, 9, 16);
  }

  @Test
  void taskExceptionIsAnsweredAsAFailedReplyNotThrown() throws Exception {
    ClusterTask t = task((Integer x) -> Work.failOnEven(x), List.of(2));
    t.setHazelcastInstance(member(true));

    Reply reply = t.call();

    assertThat(reply.failed()).isTrue();
    assertThatThrownBy(() -> reply.open(LOADER, READER)).isInstanceOf(Work.QuotaException.class)
        .hasMessage("no quota for 2");
  }

  @Test
  void failureWhileTheMemberShutsDownIsReportedAsTheMembersLoss() throws Exception {
    ClusterTask t = task((Integer x) -> Work.failOnEven(x), List.of(2));
    t.setHazelcastInstance(member(false));

    assertThatThrownBy(t::call).isInstanceOf(HazelcastInstanceNotActiveException.class)
        .hasMessage("member m1 shut down while running this task")
        .cause().isInstanceOf(Work.QuotaException.class);
    assertThat(MemberLoss.isLoss(new HazelcastInstanceNotActiveException())).isTrue();
  }

  @Test
  void knownGadgetClassIsRejectedByTheMembersFilter() throws Exception {
    ClusterTask t = task((Object o) -> "deserialized", List.of(new InvokerTransformer()));

    assertThatThrownBy(() -> t.call().open(LOADER, READER))
        .isInstanceOf(InvalidClassException.class)
        .hasMessageContaining("org.apache.commons.collections.functors.InvokerTransformer")
        .hasMessageContaining("known deserialization gadget");
  }
}
