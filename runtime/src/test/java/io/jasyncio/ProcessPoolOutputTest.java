package io.jasyncio;

import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.internal.process.WorkerCommand;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a worker JVM writes on its standard output besides the frames: a thread dump, GC logging,
 * native code. It comes out on the pool's {@code System.out} as text, and the tasks go on.
 */
@Tag("fault")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProcessPoolOutputTest {

  static long pid(Object ignored) {
    return ProcessHandle.current().pid();
  }

  /** What native code does: write straight on file descriptor 1, past {@code System.out}. */
  static String writeOnFileDescriptorOne(String text) throws IOException {
    FileOutputStream fd1 = new FileOutputStream(FileDescriptor.out);
    fd1.write((text + "\n").getBytes(StandardCharsets.UTF_8));
    fd1.flush();
    return "wrote";
  }

  /** Prints a line, then waits until something is written into the FIFO at {@code path}. */
  static String readFifo(String path) throws IOException {
    System.out.println("reading " + path);
    return Files.readString(Path.of(path)).strip();
  }

  static String collectGarbage(int ignored) {
    System.gc();
    return "collected";
  }

  @Test
  void textANativeLibraryWritesOnStandardOutputIsPrintedAndTheTaskAnswers() throws Exception {
    try (PrintedLines out = PrintedLines.capture(); ProcessPool pool = ProcessPool.create(1)) {
      String answer = pool.submit(ProcessPoolOutputTest::writeOnFileDescriptorOne,
          "printed by native code").get(30, TimeUnit.SECONDS);

      assertThat(answer).isEqualTo("wrote");
      assertThat(out.await("printed by native code")).isEqualTo("printed by native code");
      assertThat(pool.submit(ProcessPoolOutputTest::pid, 0).get(30, TimeUnit.SECONDS)).isPositive();
    }
  }

  @Test
  void workersWithGcLoggingOnStandardOutputAnswerEveryTask() throws Exception {
    System.setProperty(WorkerCommand.JVM_ARGS, "-verbose:gc");
    ProcessPool pool;
    try {
      pool = ProcessPool.create(1);
    } finally {
      System.clearProperty(WorkerCommand.JVM_ARGS);
    }
    try (PrintedLines out = PrintedLines.capture(); pool) {
      for (int i = 0; i < 3; i++) {
        assertThat(pool.submit(ProcessPoolOutputTest::collectGarbage, i).get(30, TimeUnit.SECONDS))
            .isEqualTo("collected");
      }
      assertThat(out.await("Pause Full (System.gc())")).contains("[gc");
    }
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void threadDumpOfAWorkerIsPrintedAndItsTaskAndTheNextOneAnswer(@TempDir Path dir)
      throws Exception {
    Path fifo = dir.resolve("fifo");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    try (PrintedLines out = PrintedLines.capture(); ProcessPool pool = ProcessPool.create(1)) {
      long worker = pool.submit(ProcessPoolOutputTest::pid, 0).get(30, TimeUnit.SECONDS);
      CompletableFuture<String> running = pool.submit(ProcessPoolOutputTest::readFifo,
          fifo.toString());
      out.await("reading " + fifo);

      Process quit = new ProcessBuilder("kill", "-QUIT", Long.toString(worker)).start();
      assertThat(quit.waitFor()).isZero();
      out.await("Full thread dump");
      Files.writeString(fifo, "released\n"); // blocks until the task opens the FIFO: it has

      assertThat(running.get(30, TimeUnit.SECONDS)).isEqualTo("released");
      assertThat(pool.submit(ProcessPoolOutputTest::pid, 0).get(30, TimeUnit.SECONDS))
          .isEqualTo(worker);
    }
  }
}
