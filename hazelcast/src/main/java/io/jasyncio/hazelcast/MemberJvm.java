package io.jasyncio.hazelcast;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One member JVM of a {@link LocalCluster}: this JVM's {@code java} launcher running
 * {@link MemberMain} with this JVM's class path, a share of its heap limit and its
 * {@link PayloadLimits}, given its orders on standard input. Its standard output is relayed to
 * this JVM's; the end of its standard input tells it to stop.
 */
final class MemberJvm {
  /** The least heap a member gets, in MiB. */
  static final long MIN_HEAP_MIB = 256;

  private final Process process;
  private final CompletableFuture<String> joined = new CompletableFuture<>();

  private MemberJvm(Process process) {
    this.process = process;
  }

  /**
   * Starts a member JVM, one of {@code size}, and hands it {@code orders} (see
   * {@link MemberMain}) on its standard input, which no other process can read.
   *
   * @throws BrokenMemberException if the JVM cannot be started
   */
  static MemberJvm start(int size, PayloadLimits limits, String orders) {
    List<String> command = command(size, limits);
    Process process;
    try {
      process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT)
          .start();
      // Standard input stays open: its end is the signal to stop.
      process.getOutputStream().write((orders + "\n").getBytes(StandardCharsets.US_ASCII));
      process.getOutputStream().flush();
    } catch (IOException e) {
      throw new BrokenMemberException("cannot start a member JVM with " + command.get(0), e);
    }
    MemberJvm member = new MemberJvm(process);
    Thread reader = new Thread(member::relay, "jasyncio-member-" + process.pid());
    reader.setDaemon(true);
    reader.start();
    return member;
  }

  /** Completes with the member's address once it has joined; fails if the JVM exits first. */
  CompletableFuture<String> joined() {
    return joined;
  }

  /** The JVM's process. */
  Process process() {
    return process;
  }

  /** Tells it to stop, by closing its standard input; it exits once its member is terminated. */
  void stop() {
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // Its pipe is already closed: the JVM is exiting or gone.
    }
  }

  /** The command line: nothing on it is secret, as every process of the machine can read it. */
  private static List<String> command(int size, PayloadLimits limits) {
    List<String> command = new ArrayList<>();
    command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator
        + (File.separatorChar == '\\' ? "java.exe" : "java"));
    long heap = Runtime.getRuntime().maxMemory() / (1024 * 1024) / size;
    command.add("-Xmx" + Math.max(MIN_HEAP_MIB, heap) + "m");
    command.add("-XX:+UseSerialGC");
    command.add("-XX:+ExitOnOutOfMemoryError");
    command.addAll(List.of(limits.asJvmOptions()));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(MemberMain.class.getName());
    return command;
  }

  /**
   * Reads the member's standard output: the ready line completes {@link #joined}; what tasks
   * print afterwards goes to this JVM's {@code System.out}.
   */
  private void relay() {
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (!joined.isDone() && line.startsWith(MemberMain.READY + " ")) {
          joined.complete(line.substring(MemberMain.READY.length() + 1));
        } else {
          System.out.println(line);
        }
      }
    } catch (IOException e) {
      joined.completeExceptionally(new UncheckedIOException(e));
    }
    if (!joined.isDone()) {
      joined.completeExceptionally(new BrokenMemberException("member JVM " + process.pid()
          + " exited with code " + exitCode() + " before it joined the cluster"));
    }
  }

  private String exitCode() {
    try {
      return String.valueOf(process.waitFor());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }
}
