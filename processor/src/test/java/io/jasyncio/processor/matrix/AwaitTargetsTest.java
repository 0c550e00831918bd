package io.jasyncio.processor.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * What an await may suspend on (coroutine, task, future, gather, any CompletionStage) and where
 * its value may go (a local, a field, this.field, a field of an enclosing or superclass).
 */
class AwaitTargetsTest {

  private static final Probe TARGETS = Probe.compile("Targets",
      "import java.util.concurrent.CompletableFuture;",
      "public class Targets {",
      "  static final java.io.IOException FAIL = new java.io.IOException(\"stage\");",
      "  static class Base { protected double inherited; }",
      "  static class Worker extends Base {",
      "    char letter;",
      "    short small;",
      "    static long total;",
      "    public Worker() {}",
      "    @Async Coroutine<Integer> seven() { await(sleep(1)); return done(7); }",
      "    @Async Coroutine<Byte> tiny() { await(sleep(0)); return done((byte) 3); }",
      "    @Async Coroutine<Character> letter() { return done('k'); }",
      "    @Async Coroutine<String> fill() {",
      "      this.inherited = await(seven());",
      "      total = await(seven());",
      "      small = await(tiny());",
      "      this.letter = await(letter());",
      "      return done(inherited + \" \" + total + \" \" + small + \" \" + letter);",
      "    }",
      "  }",
      "  @Async static Coroutine<Integer> twice(int x) { await(sleep(1)); return done(2 * x); }",
      "  @Async static Coroutine<String> kinds() {",
      "    Task<Integer> task = createTask(twice(1));",
      "    AsyncFuture<String> future = getRunningLoop().createFuture();",
      "    getRunningLoop().callLater(3, () -> future.setResult(\"later\"));",
      "    CompletableFuture<Integer> stage = new CompletableFuture<>();",
      "    getRunningLoop().callLater(2, () -> stage.complete(40));",
      "    int fromTask = await(task);",
      "    List<Integer> gathered = await(gather(twice(2), twice(3)));",
      "    double fromDone = await(CompletableFuture.completedFuture(5));",
      "    long fromStage = await(stage);",
      "    String fromFuture = await(future);",
      "    return done(fromTask + \" \" + gathered + \" \" + fromDone + \" \" + fromStage + \" \"",
      "        + fromFuture);",
      "  }",
      "  @Async static Coroutine<String> failedStage() throws java.io.IOException {",
      "    await(sleep(1));",
      "    String v = await(CompletableFuture.<String>failedFuture(FAIL));",
      "    return done(v);",
      "  }",
      "}");

  @Test
  void coroutinesTasksFuturesGatherAndStagesAreAllAwaited() throws Throwable {
    Probe.Run run = TARGETS.assertClean().runStatic("AsyncTargets", "kinds");
    assertThat(run.result()).isEqualTo("2 [4, 6] 5.0 40 later");
    assertThat(run.time()).isEqualTo(3.0);
  }

  @Test
  void failedCompletionStageThrowsItsOwnExceptionAtTheAwait() throws Throwable {
    Object fail = TARGETS.assertClean().staticField("Targets", "FAIL");
    assertThatThrownBy(() -> TARGETS.runStatic("AsyncTargets", "failedStage")).isSameAs(fail);
  }

  @Test
  void awaitedValuesWidenIntoInheritedStaticAndPrimitiveFields() throws Throwable {
    Object worker = TARGETS.assertClean().create("AsyncTargets_Worker");
    Probe.Run run = TARGETS.runOn(worker, "fill");
    assertThat(run.result()).isEqualTo("7.0 7 3 k");
    assertThat(run.time()).isEqualTo(2.0);
  }

  @Test
  void awaitedValueAssignedToAStaticFieldOfAnotherClass() throws Throwable {
    Probe p = Probe.compile("Writer",
        "public class Writer {",
        "  public static class Holder { static long count; String text; }",
        "  @Async static Coroutine<Integer> seven() { await(sleep(1)); return done(7); }",
        "  @Async static Coroutine<String> word() { await(sleep(1)); return done(\"w\"); }",
        "  @Async static Coroutine<String> write(Holder h) {",
        "    Holder.count = await(seven());",
        "    h.text = await(word());",
        "    return done(Holder.count + h.text);",
        "  }",
        "}");
    Object holder = p.assertClean().create("Writer$Holder");
    assertThat(p.runStatic("AsyncWriter", "write", holder).result()).isEqualTo("7w");
  }
}
