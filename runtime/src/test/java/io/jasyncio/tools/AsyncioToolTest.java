package io.jasyncio.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link AsyncioTool} end to end: a child JVM runs {@code io.jasyncio.HungPipeline} (main awaits
 * a gather of reader and writer; writer awaits reader; reader waits for ever), and the tool, run
 * as a command in a JVM of its own, attaches to it and prints its tasks. Skipped, with the tool's
 * message, where this machine does not let one JVM attach to another.
 */
class AsyncioToolTest {
  private static final String JAVA =
      Path.of(System.getProperty("java.home"), "bin", "java").toString();
  private static final String CLASS_PATH = System.getProperty("java.class.path");

  private Process child;
  /** From the child's ready line: its loop thread's id and the ids of main, reader, writer. */
  private String[] ready;

  @BeforeEach
  void startThePipeline() throws Exception {
    child = new ProcessBuilder(JAVA, "-cp", CLASS_PATH, "io.jasyncio.HungPipeline")
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader out = new BufferedReader(
        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    String line = CompletableFuture.supplyAsync(() -> {
      try {
        return out.readLine();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }).get(60, TimeUnit.SECONDS);
    assertThat(line).startsWith("ready ");
    ready = line.substring("ready ".length()).split(" ");
  }

  @AfterEach
  void stopThePipeline() throws Exception {
    child.getOutputStream().close(); // the pipeline exits when its standard input ends
    if (!child.waitFor(30, TimeUnit.SECONDS)) {
      child.destroyForcibly();
    }
  }

  /** Runs the tool as a command; returns its exit status, standard output and error. */
  private List<String> tool(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(JAVA, "-cp", CLASS_PATH,
        AsyncioTool.class.getName()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).start();
    CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
      try {
        return p.getErrorStream().readAllBytes();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String errText = new String(err.get(60, TimeUnit.SECONDS), StandardCharsets.UTF_8);
    if (p.exitValue() == 1 && errText.startsWith("Error attaching")) {
      Assumptions.abort("attaching to another JVM is not possible here: " + errText.strip());
    }
    return List.of(String.valueOf(p.exitValue()), out, errText);
  }

  private static String row(String... cells) {
    return String.format("%-10s %-20s %-20s %-50s %-50s %-15s %-15s", (Object[]) cells)
        .stripTrailing();
  }

  @Test
  void psPrintsTheTasksOfTheOtherJvmAndWhoAwaitsThem() throws Exception {
    List<String> result = tool("ps", String.valueOf(child.pid()));

    assertThat(result.get(0)).isEqualTo("0");
    String tid = ready[0];
    assertThat(result.get(1).split("\\R")).containsExactly(
        row("tid", "task id", "task name", "coroutine stack", "awaiter chain", "awaiter name",
            "awaiter id"),
        "-".repeat(180),
        row(tid, ready[1], "main", "Pipeline.main", "", "", "0x0"),
        row(tid, ready[2], "reader", "Pipeline.read", "Pipeline.main", "main", ready[1]),
        row(tid, ready[2], "reader", "Pipeline.read", "Pipeline.write", "writer", ready[3]),
        row(tid, ready[3], "writer", "Pipeline.write", "Pipeline.main", "main", ready[1]));
  }

  @Test
  void pstreePrintsTheTreeOfTasksAndTheFramesWhereTheyWait() throws Exception {
    List<String> result = tool("pstree", String.valueOf(child.pid()));

    assertThat(result.get(0)).isEqualTo("0");
    assertThat(result.get(1).split("\\R")).containsExactly(
        "└── (T) main",
        "    └──  Pipeline.main Pipeline.java:30",
        "        ├── (T) reader",
        "        │   └──  Pipeline.read Pipeline.java:12",
        "        └── (T) writer",
        "            └──  Pipeline.write Pipeline.java:20",
        "                └── (T) reader",
        "                    └──  Pipeline.read Pipeline.java:12");
  }

  @Test
  void aWrongCommandLinePrintsTheUsage() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = AsyncioTool.run(new String[] {"top", "12"}, System.out,
        new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("usage: java -cp"
        + " jasyncio-runtime.jar io.jasyncio.tools.AsyncioTool ps|pstree PID");
  }
}
