package io.jasyncio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import example.Script;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Exceptions cross every kind of await unchanged: the very object, checked ones included. */
class ExceptionTest {
  private final EventLoop loop = EventLoop.create(new VirtualClock());
  private final IOException checked = new IOException("disk on fire");
  private final List<Throwable> caught = new ArrayList<>();

  @AfterEach
  void close() {
    loop.close();
  }

  private Script<Void> failing() {
    return Script.named("failing").run(() -> {
      throw checked;
    }).build();
  }

  private Script<Void> catching(java.util.function.Supplier<?> awaitable) {
    return Script.named("catching").await(awaitable, v -> { }, caught::add).build();
  }

  @Test
  void checkedExceptionOfAnInlineCoroutineReachesItsAwaiter() {
    loop.runUntilComplete(catching(this::failing));

    assertThat(caught).singleElement().isSameAs(checked);
  }

  @Test
  void checkedExceptionOfATaskReachesItsAwaiter() {
    Task<Void> task = loop.createTask(failing());

    loop.runUntilComplete(catching(() -> task));

    assertThat(caught).singleElement().isSameAs(checked);
    assertThat(task.exception()).isSameAs(checked);
    assertThatThrownBy(task::result).isSameAs(checked);
  }

  @Test
  void exceptionSetOnAFutureReachesItsAwaiter() {
    AsyncFuture<String> future = loop.createFuture();
    loop.callSoon(() -> future.setException(checked));

    loop.runUntilComplete(catching(() -> future));

    assertThat(caught).singleElement().isSameAs(checked);
  }

  @Test
  void runUntilCompleteRethrowsTheCheckedExceptionUndeclared() {
    assertThatThrownBy(() -> loop.runUntilComplete(failing())).isSameAs(checked);
  }

  @Test
  void runRethrowsTheCheckedExceptionUndeclared() {
    assertThatThrownBy(() -> Asyncio.run(failing())).isSameAs(checked);
  }

  @Test
  void failedStageIsUnwrappedFromCompletionException() {
    CompletableFuture<String> dependent = CompletableFuture.<String>failedFuture(checked)
        .thenApply(s -> s + "!");

    loop.runUntilComplete(catching(() -> dependent));

    assertThat(caught).singleElement().isSameAs(checked);
  }

  @Test
  void exceptionsPropagateThroughNestedCoroutinesUntilCaught() {
    Script<Void> middle = Script.named("middle")
        .await(this::failing)
        .run(() -> caught.add(new AssertionError("not reached")))
        .build();

    loop.runUntilComplete(catching(() -> middle));

    assertThat(caught).singleElement().isSameAs(checked);
  }

  @Test
  void errorsFailTheTaskLikeAnyThrowable() {
    AssertionError error = new AssertionError("boom");
    Task<Void> task = loop.createTask(Script.named("asserting").run(() -> {
      throw error;
    }).build());

    assertThatThrownBy(() -> loop.runUntilComplete(task)).isSameAs(error);
    assertThat(task.isDone()).isTrue();
  }
}
