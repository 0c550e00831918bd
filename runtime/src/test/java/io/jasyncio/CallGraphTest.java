package io.jasyncio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.FrameCallGraphEntry.Kind;
import io.jasyncio.internal.Origin;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Asyncio#captureCallGraph()}, {@code formatCallGraph} and {@code printCallGraph} against
 * Python 3.14's {@code asyncio.graph}, on hand-written coroutines whose {@link Origin} says they
 * are methods of a {@code demo.Pipeline} written in {@code Pipeline.java}: who awaits whom for a
 * task awaiting a task, gather, shield and TaskGroup, the current task's own stack, and the
 * {@code depth} and {@code limit} arguments. The processor's tests check generated machines.
 */
class CallGraphTest {
  private final EventLoop loop = EventLoop.create(new VirtualClock());

  @AfterEach
  void close() {
    loop.close();
  }

  /** A coroutine of {@code demo.Pipeline.<method>} that awaits what {@code next} gives, on {@code line}. */
  static final class Awaits extends Coroutine<Object> {
    private final Origin origin;
    private final Supplier<? extends Awaitable<?>> next;

    Awaits(String method, int line, Supplier<? extends Awaitable<?>> next) {
      super(method);
      this.origin = Origin.of("demo.Pipeline", method, "Pipeline.java", "", line, line);
      this.next = next;
    }

    @Override
    protected Origin origin() {
      return origin;
    }

    @Override
    @SuppressWarnings("fallthrough")
    protected void resume() throws Throwable {
      switch (state) {
        case 0:
          if (suspendOn(next.get(), 1)) {
            return;
          }
        case 1:
          complete(awaited());
          return;
        default:
          throw new IllegalStateException("no state " + state);
      }
    }
  }

  /** Runs the loop until everything is stuck (a second of virtual time). */
  private void runUntilStuck() {
    loop.runUntilComplete(Asyncio.sleep(1));
  }

  private static String id(Object o) {
    return "0x" + Integer.toHexString(System.identityHashCode(o));
  }

  private static String lines(String... lines) {
    return String.join("\n", lines);
  }

  @Test
  void aFutureIsAwaitedByTheTaskWaitingOnItWhichIsAwaitedByTheTaskAwaitingIt() {
    AsyncFuture<Object> never = loop.createFuture();
    Task<Object> worker = loop.createTask(new Awaits("fetch", 14, () -> never), "worker");
    Task<Object> main = loop.createTask(new Awaits("main", 30,
        () -> new Awaits("collect", 22, () -> worker)), "main");
    runUntilStuck();

    assertThat(Asyncio.formatCallGraph(never)).isEqualTo(lines(
        "* Future(id=" + id(never) + ")",
        "  + Awaited by:",
        "    * Task(name='worker', id=" + id(worker) + ")",
        "      + Call stack:",
        "      |   File 'Pipeline.java', line 14, in async demo.Pipeline.fetch()",
        "      + Awaited by:",
        "        * Task(name='main', id=" + id(main) + ")",
        "          + Call stack:",
        "          |   File 'Pipeline.java', line 22, in async demo.Pipeline.collect()",
        "          |   File 'Pipeline.java', line 30, in async demo.Pipeline.main()"));

    FutureCallGraph graph = Asyncio.captureCallGraph(worker);
    assertThat(graph.future()).isSameAs(worker);
    assertThat(graph.callStack()).extracting(FrameCallGraphEntry::kind)
        .containsExactly(Kind.COROUTINE);
    assertThat(graph.awaitedBy()).extracting(FutureCallGraph::future).containsExactly(main);
    assertThat(graph.awaitedBy().get(0).awaitedBy()).isEmpty();
  }

  @Test
  void theChildrenOfAGatherAreAwaitedByTheTaskAwaitingTheGatherNestedOrNot() {
    AsyncFuture<Object> never = loop.createFuture();
    List<Task<Object>> children = new ArrayList<>();
    AsyncFuture<?>[] outer = new AsyncFuture<?>[1];
    Task<Object> main = loop.createTask(new Awaits("main", 30, () -> {
      children.add(Asyncio.createTask(new Awaits("fetch", 14, () -> never), "a"));
      children.add(Asyncio.createTask(new Awaits("fetch", 15, () -> never), "b"));
      outer[0] = Asyncio.gather(children.get(0), Asyncio.gather(children.get(1)));
      return outer[0];
    }), "main");
    runUntilStuck();

    for (Task<Object> child : children) {
      assertThat(Asyncio.captureCallGraph(child).awaitedBy())
          .extracting(FutureCallGraph::future).containsExactly(main);
    }
    assertThat(Asyncio.formatCallGraph(outer[0])).isEqualTo(lines(
        "* Future(id=" + id(outer[0]) + ")",
        "  + Awaited by:",
        "    * Task(name='main', id=" + id(main) + ")",
        "      + Call stack:",
        "      |   File 'Pipeline.java', line 30, in async demo.Pipeline.main()"));
    // The future both children wait on is awaited by each of them.
    assertThat(Asyncio.captureCallGraph(never).awaitedBy()).extracting(FutureCallGraph::future)
        .containsExactlyElementsOf(children);
  }

  @Test
  void aShieldedTaskIsAwaitedByTheTaskAwaitingTheShieldUntilThatOneIsCancelled() {
    AsyncFuture<Object> never = loop.createFuture();
    Task<Object> worker = loop.createTask(new Awaits("fetch", 14, () -> never), "worker");
    Task<Object> main = loop.createTask(new Awaits("main", 30, () -> Asyncio.shield(worker)),
        "main");
    runUntilStuck();
    assertThat(Asyncio.captureCallGraph(worker).awaitedBy()).extracting(FutureCallGraph::future)
        .containsExactly(main);

    main.cancel();
    runUntilStuck();

    assertThat(main.isCancelled()).isTrue();
    assertThat(worker.isDone()).isFalse();
    assertThat(Asyncio.captureCallGraph(worker).awaitedBy()).isEmpty();
  }

  @Test
  void theTasksOfATaskGroupAreAwaitedByTheTaskWhoseBlockTheGroupIs() {
    AsyncFuture<Object> never = loop.createFuture();
    List<Task<Object>> children = new ArrayList<>();
    Task<Object> parent = loop.createTask(new Awaits("main", 30, () -> {
      TaskGroup tg = new TaskGroup();
      children.add(tg.createTask(new Awaits("fetch", 14, () -> never), "a"));
      children.add(tg.createTask(new Awaits("fetch", 15, () -> never), "b"));
      return tg.aclose();
    }), "main");
    runUntilStuck();

    assertThat(Asyncio.formatCallGraph(children.get(1))).isEqualTo(lines(
        "* Task(name='b', id=" + id(children.get(1)) + ")",
        "  + Call stack:",
        "  |   File 'Pipeline.java', line 15, in async demo.Pipeline.fetch()",
        "  + Awaited by:",
        "    * Task(name='main', id=" + id(parent) + ")",
        "      + Call stack:",
        "      |   File 'Pipeline.java', line 30, in async demo.Pipeline.main()"));
  }

  @Test
  void tasksAwaitingEachOtherInACircleEndTheGraphWhereTheCircleCloses() {
    Task<?>[] tasks = new Task<?>[2];
    tasks[0] = loop.createTask(new Awaits("first", 10, () -> tasks[1]), "first");
    tasks[1] = loop.createTask(new Awaits("second", 20, () -> tasks[0]), "second");
    runUntilStuck();

    FutureCallGraph graph = Asyncio.captureCallGraph(tasks[0]);
    assertThat(graph.awaitedBy()).extracting(FutureCallGraph::future).containsExactly(tasks[1]);
    FutureCallGraph second = graph.awaitedBy().get(0);
    assertThat(second.awaitedBy()).extracting(FutureCallGraph::future).containsExactly(tasks[0]);
    assertThat(second.awaitedBy().get(0).awaitedBy()).isEmpty();
    assertThat(second.awaitedBy().get(0).callStack()).hasSize(1);
  }

  /** Called by the coroutine {@code report}: a plain method in the current task's stack. */
  private static String formatFromAHelper(int depth, int limit) {
    return Asyncio.formatCallGraph(null, depth, limit);
  }

  @Test
  void theCurrentTaskShowsItsStackFromTheCallerDownToItsOwnCoroutinePlainMethodsIncluded() {
    AsyncFuture<Object> never = loop.createFuture();
    List<Object> seen = new ArrayList<>();
    Task<Object> main = loop.createTask(new Awaits("main", 30, () -> new Awaits("collect", 22,
        () -> new Awaits("report", 40, () -> {
          seen.add(formatFromAHelper(1, Integer.MAX_VALUE));
          seen.add(formatFromAHelper(3, Integer.MAX_VALUE));
          seen.add(formatFromAHelper(1, 2));
          seen.add(formatFromAHelper(1, -1));
          seen.add(formatFromAHelper(1, 0));
          return never;
        }))), "main");
    Task<Object> waiter = loop.createTask(new Awaits("watch", 50, () -> main), "watcher");
    runUntilStuck();

    String header = "* Task(name='main', id=" + id(main) + ")";
    String awaitedBy = lines(
        "  + Awaited by:",
        "    * Task(name='watcher', id=" + id(waiter) + ")",
        "      + Call stack:",
        "      |   File 'Pipeline.java', line 50, in async demo.Pipeline.watch()");
    String report = "  |   File 'Pipeline.java', line 40, in async demo.Pipeline.report()";
    String collect = "  |   File 'Pipeline.java', line 22, in async demo.Pipeline.collect()";
    String mainFrame = "  |   File 'Pipeline.java', line 30, in async demo.Pipeline.main()";
    // The watcher task is created after main's first step: main's graph is taken before it
    // awaits main, so main's graph has no awaiter.
    assertThat(seen).hasSize(5);
    List<String> full = List.of(((String) seen.get(0)).split("\n"));
    assertThat(full.get(0)).isEqualTo(header);
    assertThat(full.get(1)).isEqualTo("  + Call stack:");
    assertThat(full.get(2)).startsWith("  |   File 'CallGraphTest.java', line ")
        .endsWith(", in io.jasyncio.CallGraphTest.formatFromAHelper()");
    // The lambda that called the helper, a plain method too, then the coroutines.
    assertThat(full.get(3)).startsWith("  |   File 'CallGraphTest.java', line ")
        .contains(", in io.jasyncio.CallGraphTest.lambda$");
    assertThat(full.subList(4, full.size())).containsExactly(report, collect, mainFrame);
    // depth 3 leaves out the helper and the lambda.
    assertThat(seen.get(1)).isEqualTo(lines(header, "  + Call stack:", report, collect,
        mainFrame));
    assertThat(seen.get(2)).isEqualTo(lines(header, "  + Call stack:", collect, mainFrame));
    assertThat((String) seen.get(3)).isEqualTo(lines(header, "  + Call stack:", full.get(2)));
    assertThat(seen.get(4)).isEqualTo(header);

    // From outside, once suspended: where each coroutine waits, and who awaits the task now.
    assertThat(Asyncio.formatCallGraph(main)).isEqualTo(lines(header, "  + Call stack:",
        report, collect, mainFrame, awaitedBy));
  }

  @Test
  void aLimitKeepsTheFramesClosestToTheTasksOwnCoroutineOrIfNegativeTheInnermost() {
    AsyncFuture<Object> never = loop.createFuture();
    Task<Object> main = loop.createTask(new Awaits("main", 30,
        () -> new Awaits("collect", 22, () -> new Awaits("fetch", 14, () -> never))), "main");
    runUntilStuck();

    assertThat(lineNumbers(Asyncio.captureCallGraph(main, 1, Integer.MAX_VALUE)))
        .containsExactly(14, 22, 30);
    assertThat(lineNumbers(Asyncio.captureCallGraph(main, 1, 2))).containsExactly(22, 30);
    assertThat(lineNumbers(Asyncio.captureCallGraph(main, 1, -2))).containsExactly(14, 22);
    assertThat(lineNumbers(Asyncio.captureCallGraph(main, 1, Integer.MIN_VALUE)))
        .containsExactly(14, 22, 30);
    assertThat(lineNumbers(Asyncio.captureCallGraph(main, 1, 0))).isEmpty();
    // The limit applies to every call stack of the graph.
    FutureCallGraph ofNever = Asyncio.captureCallGraph(never, 1, -1);
    assertThat(lineNumbers(ofNever.awaitedBy().get(0))).containsExactly(14);
  }

  private static List<Integer> lineNumbers(FutureCallGraph graph) {
    return graph.callStack().stream().map(e -> e.frame().getLineNumber()).toList();
  }

  @Test
  void printCallGraphPrintsTheTextAndALineBreak() {
    AsyncFuture<Object> never = loop.createFuture();
    Task<Object> worker = loop.createTask(new Awaits("fetch", 14, () -> never), "worker");
    runUntilStuck();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    Asyncio.printCallGraph(worker, new PrintStream(bytes, true, StandardCharsets.UTF_8), 1,
        Integer.MAX_VALUE);

    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(
        Asyncio.formatCallGraph(worker) + System.lineSeparator());
  }

  @Test
  void aDoneTaskHasNoStackAndAwaitsNobody() {
    Task<Object> done = loop.createTask(new Awaits("fetch", 14, () -> Asyncio.sleep(0)), "d");
    runUntilStuck();

    FutureCallGraph graph = Asyncio.captureCallGraph(done);
    assertThat(graph.callStack()).isEmpty();
    assertThat(graph.awaitedBy()).isEmpty();
  }

  @Test
  void withoutAFutureOutsideALoopItThrowsAndInACallbackThereIsNoGraph() {
    assertThatThrownBy(Asyncio::captureCallGraph).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("outside of a running event loop");
    List<Object> inCallback = new ArrayList<>();
    loop.callSoon(() -> {
      inCallback.add(String.valueOf(Asyncio.captureCallGraph()));
      inCallback.add(Asyncio.formatCallGraph());
    });
    runUntilStuck();
    assertThat(inCallback).containsExactly("null", "");
    assertThatThrownBy(() -> Asyncio.captureCallGraph(loop.createFuture(), 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
