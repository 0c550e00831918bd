package io.jasyncio;

import static io.jasyncio.Asyncio.sleep;
import static org.assertj.core.api.Assertions.assertThat;

import example.Script;
import io.jasyncio.internal.NeverAwaitedWatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The loop's exception handler, asyncio's {@code set_exception_handler}: each report the runtime
 * makes reaches a custom handler with asyncio's context keys, and the default handler logs it on
 * the {@code io.jasyncio} logger, seen here through {@code java.util.logging}.
 */
class ExceptionHandlerTest {
  private final EventLoop loop = EventLoop.create(new VirtualClock());
  /** The contexts a custom handler was given. */
  private final List<Map<String, Object>> reports = new ArrayList<>();
  private final ExceptionHandler recording = (l, context) -> {
    assertThat(l).isSameAs(loop);
    reports.add(context);
  };

  @AfterEach
  void close() {
    loop.close();
  }

  @Test
  void defaultHandlerLogsAFailingCallbackAtSevereOnTheJasyncioLogger() {
    IllegalStateException broke = new IllegalStateException("callback broke");
    List<String> log = new ArrayList<>();
    List<LogRecord> records;
    Handle handle;
    try (LoggedRecords logged = LoggedRecords.capture()) {
      handle = loop.callSoon(() -> {
        throw broke;
      });
      loop.callSoon(() -> log.add("next"));
      loop.runUntilComplete(sleep(0));
      records = logged.records();
    }

    assertThat(log).containsExactly("next");
    assertThat(records).singleElement().satisfies(r -> {
      assertThat(r.getLoggerName()).isEqualTo("io.jasyncio");
      assertThat(r.getLevel()).isEqualTo(Level.SEVERE);
      assertThat(r.getMessage()).isEqualTo("Exception in callback " + handle + "\nhandle: "
          + handle);
      assertThat(r.getThrown()).isSameAs(broke);
    });
  }

  @Test
  void defaultHandlerWritesAsyncioDefaultMessageAndTheOtherKeysInOrder() {
    String text;
    try (LoggedRecords logged = LoggedRecords.capture()) {
      loop.callExceptionHandler(Map.of("task", "t", "future", "f", "asyncgen", "g"));
      text = logged.text();
    }

    assertThat(text).isEqualTo("SEVERE: Unhandled exception in event loop\nasyncgen: g\n"
        + "future: f\ntask: t\n");
  }

  @Test
  void customHandlerGetsTheContextOfAFailingCallbackAndNothingIsLogged() {
    IllegalStateException broke = new IllegalStateException("callback broke");
    loop.setExceptionHandler(recording);
    List<LogRecord> records;
    Handle handle;
    try (LoggedRecords logged = LoggedRecords.capture()) {
      handle = loop.callSoon(() -> {
        throw broke;
      });
      loop.runUntilComplete(sleep(0));
      records = logged.records();
    }

    assertThat(records).isEmpty();
    assertThat(reports).containsExactly(Map.of("message", "Exception in callback " + handle,
        "exception", broke, "handle", handle));
  }

  @Test
  void customHandlerGetsATaskExceptionNeverRetrieved() {
    loop.setExceptionHandler(recording);
    failAndDrop("neverAsked");
    NeverAwaitedWatch.collect();

    assertThat(reports).singleElement().satisfies(context -> {
      assertThat(context).containsOnlyKeys("message", "exception", "future");
      assertThat(context.get("message")).isEqualTo("Task exception was never retrieved");
      assertThat((Throwable) context.get("exception")).isInstanceOf(IllegalStateException.class)
          .hasMessage("never asked about");
      assertThat((String) context.get("future")).startsWith("<Task finished name='neverAsked'");
    });
  }

  /** Runs a task that fails, where nothing reads its exception, and keeps no reference. */
  private void failAndDrop(String name) {
    loop.createTask(Script.named("failing").run(() -> {
      throw new IllegalStateException("never asked about");
    }).build(), name);
    loop.runUntilComplete(sleep(1));
  }

  @Test
  void customHandlerGetsATaskOfAGroupFailingAfterItsParentFinished() {
    loop.setExceptionHandler(recording);
    Task<?>[] child = new Task<?>[1];
    Task<Void> parent = loop.createTask(Script.named("parent")
        .run(() -> child[0] = new TaskGroup().createTask(Script.named("child")
            .await(() -> sleep(1))
            .run(() -> {
              throw new IllegalStateException("child broke");
            }).build()))
        .build());
    loop.runUntilComplete(parent); // returns without closing the group
    loop.runUntilComplete(sleep(2));

    assertThat(reports).singleElement().satisfies(context -> {
      assertThat(context).containsOnlyKeys("message", "exception", "task");
      assertThat(context.get("message")).isEqualTo("Task " + child[0] + " has errored out but"
          + " its parent task " + parent + " is already completed");
      assertThat(context.get("exception")).isSameAs(child[0].exception());
      assertThat(context.get("task")).isSameAs(child[0]);
    });
  }

  @Test
  void customHandlerGetsATaskThatFailsWhileRunShutsDown() {
    Task<?>[] background = new Task<?>[1];
    try (Runner runner = new Runner(new VirtualClock())) {
      runner.getLoop().setExceptionHandler((l, context) -> reports.add(context));
      runner.run(Script.named("main")
          .run(() -> background[0] = Asyncio.createTask(Script.named("bg")
              .await(() -> sleep(3600), v -> { }, e -> {
                throw new IllegalStateException("cleanup broke");
              })
              .build()))
          .await(() -> sleep(0))
          .build());
    }

    assertThat(reports).containsExactly(Map.of(
        "message", "unhandled exception during Asyncio.run() shutdown",
        "exception", background[0].exception(), "task", background[0]));
  }

  @Test
  void customHandlerGetsAFailedTaskOfARemoteExecutorsExecute() {
    loop.setExceptionHandler(recording);
    Later remote = new Later();
    IllegalStateException broke = new IllegalStateException("remote broke");
    loop.runUntilComplete(Script.named("main")
        .run(() -> remote.execute((Runnable & java.io.Serializable) () -> { }))
        .build());
    remote.pending.completeExceptionally(broke); // completes on this thread, the loop idle

    assertThat(reports).containsExactly(Map.of("message", "Exception in a Later task",
        "exception", broke));
  }

  @Test
  void anExceptionOfTheHandlerIsLoggedByTheDefaultHandlerAndTheLoopGoesOn() {
    IllegalStateException broke = new IllegalStateException("callback broke");
    IllegalArgumentException handlerBroke = new IllegalArgumentException("handler broke");
    loop.setExceptionHandler((l, context) -> {
      throw handlerBroke;
    });
    List<String> log = new ArrayList<>();
    List<LogRecord> records;
    try (LoggedRecords logged = LoggedRecords.capture()) {
      loop.callSoon(() -> {
        throw broke;
      });
      loop.callSoon(() -> log.add("next"));
      loop.runUntilComplete(sleep(0));
      records = logged.records();
    }

    assertThat(log).containsExactly("next");
    assertThat(records).singleElement().satisfies(r -> {
      assertThat(r.getLevel()).isEqualTo(Level.SEVERE);
      assertThat(r.getMessage()).startsWith("Unhandled error in exception handler\ncontext: {")
          .contains("callback broke");
      assertThat(r.getThrown()).isSameAs(handlerBroke);
    });
  }

  @Test
  void nullRestoresTheDefaultHandler() {
    assertThat(loop.getExceptionHandler()).isNull();
    loop.setExceptionHandler(recording);
    assertThat(loop.getExceptionHandler()).isSameAs(recording);
    loop.setExceptionHandler(null);
    assertThat(loop.getExceptionHandler()).isNull();

    String text;
    try (LoggedRecords logged = LoggedRecords.capture()) {
      loop.callExceptionHandler(Map.of("message", "by hand"));
      text = logged.text();
    }

    assertThat(reports).isEmpty();
    assertThat(text).isEqualTo("SEVERE: by hand\n");
  }

  @Test
  void aCustomHandlerCanDelegateToTheDefaultOne() {
    loop.setExceptionHandler((l, context) -> {
      reports.add(context);
      l.defaultExceptionHandler(context);
    });
    String text;
    try (LoggedRecords logged = LoggedRecords.capture()) {
      loop.callExceptionHandler(Map.of("message", "twice"));
      text = logged.text();
    }

    assertThat(reports).containsExactly(Map.of("message", "twice"));
    assertThat(text).isEqualTo("SEVERE: twice\n");
  }

  /** A remote executor whose one {@code submit(Runnable)} completes when the test says. */
  private static final class Later extends StubRemoteExecutor {
    final CompletableFuture<Object> pending = new CompletableFuture<>();

    @Override
    public CompletableFuture<?> submit(Runnable task) {
      return pending;
    }
  }
}
