package io.jasyncio.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code captureCallGraph}/{@code formatCallGraph} on generated machines: a task asking for its
 * own graph in the middle of a coroutine sees the line it asks from (the machine's frame mapped
 * back to the template), then the line of each await up to its own coroutine; seen from outside,
 * each coroutine is at the line of its await; and the task awaiting it through a gather is its
 * awaiter.
 */
class CallGraphTest {
  /**
   * fetch asks on line 11 and awaits on 12; stage awaits fetch on 16; main the gather on 23;
   * idle sleeps on 37; parent, whose TaskGroup holds idle's task, sleeps on 43 and asks for its
   * graph on 44.
   */
  private static final Compilation PIPELINE = Snippets.compile(Snippets.source("demo.Pipeline",
      "package demo;",
      "import io.jasyncio.*;",
      "import io.jasyncio.annotations.Async;",
      "import static io.jasyncio.Asyncio.*;",
      "import java.util.ArrayList;",
      "import java.util.List;",
      "",
      "public class Pipeline {",
      "  static final List<String> graphs = new ArrayList<>();",
      "  @Async static Coroutine<Integer> fetch(Queue<Integer> in) {",
      "    graphs.add(formatCallGraph());",
      "    int item = await(in.get());",
      "    return done(item);",
      "  }",
      "  @Async static Coroutine<Integer> stage(Queue<Integer> in) {",
      "    int got = await(fetch(in));",
      "    return done(got);",
      "  }",
      "  @Async static Coroutine<List<Integer>> main(List<Task<Integer>> stages) {",
      "    Queue<Integer> q = new Queue<>();",
      "    stages.add(createTask(stage(q), \"stage-a\"));",
      "    stages.add(createTask(stage(q), \"stage-b\"));",
      "    return done(await(gather(stages)));",
      "  }",
      "  static List<String> run() {",
      "    EventLoop loop = EventLoop.create(new VirtualClock());",
      "    List<Task<Integer>> stages = new ArrayList<>();",
      "    Task<List<Integer>> main = loop.createTask(AsyncPipeline.main(stages), \"main\");",
      "    loop.runUntilComplete(sleep(1));",
      "    graphs.add(formatCallGraph(stages.get(0)));",
      "    graphs.add(Integer.toHexString(System.identityHashCode(main)));",
      "    graphs.add(Integer.toHexString(System.identityHashCode(stages.get(0))));",
      "    loop.close();",
      "    return graphs;",
      "  }",
      "  @Async static Coroutine<Void> idle() {",
      "    await(sleep(10));",
      "    return done();",
      "  }",
      "  @Async static Coroutine<Void> parent(List<String> out) {",
      "    try (var tg = new TaskGroup()) {",
      "      Task<Void> child = tg.createTask(idle(), \"child\");",
      "      await(sleep(0));",
      "      out.add(formatCallGraph(child));",
      "    }",
      "    return done();",
      "  }",
      "  static List<String> runParent() {",
      "    List<String> out = new ArrayList<>();",
      "    EventLoop loop = EventLoop.create(new VirtualClock());",
      "    loop.runUntilComplete(loop.createTask(AsyncPipeline.parent(out), \"parent\"));",
      "    loop.close();",
      "    return out;",
      "  }",
      "}"));

  @Test
  @SuppressWarnings("unchecked")
  void framesAreTheTemplatesLinesAndTheGatheringTaskAwaitsEachChild() throws Throwable {
    assertThat(PIPELINE).succeededWithoutWarnings();

    List<String> graphs = (List<String>) Snippets.callStatic(Snippets.load(PIPELINE),
        "demo.Pipeline", "run");

    String main = "0x" + graphs.get(3);
    String stageA = "0x" + graphs.get(4);
    String awaitedByMain = String.join("\n",
        "  + Awaited by:",
        "    * Task(name='main', id=" + main + ")",
        "      + Call stack:",
        "      |   File 'Pipeline.java', line 23, in async demo.Pipeline.main()");
    assertThat(graphs.get(0)).isEqualTo(String.join("\n",
        "* Task(name='stage-a', id=" + stageA + ")",
        "  + Call stack:",
        "  |   File 'Pipeline.java', line 11, in async demo.Pipeline.fetch()",
        "  |   File 'Pipeline.java', line 16, in async demo.Pipeline.stage()",
        awaitedByMain));
    assertThat(graphs.get(1)).startsWith("* Task(name='stage-b', id=0x");
    assertThat(graphs.get(2)).isEqualTo(String.join("\n",
        "* Task(name='stage-a', id=" + stageA + ")",
        "  + Call stack:",
        "  |   File 'Pipeline.java', line 12, in async demo.Pipeline.fetch()",
        "  |   File 'Pipeline.java', line 16, in async demo.Pipeline.stage()",
        awaitedByMain));
  }

  @Test
  @SuppressWarnings("unchecked")
  void theRunningTaskSeenAsAnAwaiterIsAtTheLineItRunsNotWhereItLastWaited() throws Throwable {
    List<String> out = (List<String>) Snippets.callStatic(Snippets.load(PIPELINE),
        "demo.Pipeline", "runParent");

    assertThat(out).hasSize(1);
    assertThat(out.get(0).replaceAll("id=0x[0-9a-f]+", "id=ID")).isEqualTo(String.join("\n",
        "* Task(name='child', id=ID)",
        "  + Call stack:",
        "  |   File 'Pipeline.java', line 37, in async demo.Pipeline.idle()",
        "  + Awaited by:",
        "    * Task(name='parent', id=ID)",
        "      + Call stack:",
        "      |   File 'Pipeline.java', line 44, in async demo.Pipeline.parent()"));
  }
}
