package io.jasyncio.internal.process;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StreamCorruptedException;
import java.lang.ProcessBuilder.Redirect;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The pool's end of one worker JVM: it sends a task frame and reads frames until that task's
 * answer, printing the task's output on the way. Used by one thread at a time.
 *
 * <table>
 *   <caption>Life cycle</caption>
 *   <tr><th>state</th><th>reached by</th></tr>
 *   <tr><td>starting</td><td>{@link #start}: the JVM boots while the caller does other
 *       work</td></tr>
 *   <tr><td>ready</td><td>its READY frame, read before the first task's answer</td></tr>
 *   <tr><td>gone</td><td>{@link #close()} (it exits at the end of its input), {@link #kill()},
 *       or a crash, which {@link #run} reports as a {@link WorkerDiedException}</td></tr>
 * </table>
 */
public final class WorkerProcess implements AutoCloseable {
  /** How long a worker whose output ended may take to be reaped before it is killed. */
  private static final long EXIT_GRACE_SECONDS = 10;

  private final Process process;
  private final DataOutputStream toWorker;
  private final DataInputStream fromWorker;
  private final List<String> command;
  private boolean ready;

  private WorkerProcess(Process process, List<String> command) {
    this.process = process;
    this.command = command;
    this.toWorker = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
    this.fromWorker = new DataInputStream(new BufferedInputStream(process.getInputStream()));
  }

  /**
   * Starts a worker JVM with {@code command}; returns at once, without waiting for it to boot.
   * Its standard error is this JVM's.
   *
   * @throws IOException if the process cannot be started (no such launcher, for example)
   */
  public static WorkerProcess start(List<String> command) throws IOException {
    Process p = new ProcessBuilder(command).redirectError(Redirect.INHERIT).start();
    return new WorkerProcess(p, command);
  }

  /** The worker's process id. */
  public long pid() {
    return process.pid();
  }

  /**
   * Sends a task and returns its answer, a {@link Frame#RESULTS} or {@link Frame#FAILURE} frame;
   * what the task prints on its {@code System.out} is printed on {@code out} meanwhile.
   *
   * @throws WorkerDiedException if the worker is gone before it answers
   */
  public Frame run(long id, byte[] payload, PrintStream out) throws WorkerDiedException {
    try {
      new Frame(Frame.TASK, id, payload).writeTo(toWorker);
      for (;;) {
        Frame f = Frame.readFrom(fromWorker);
        if (f == null) {
          throw died(null);
        }
        switch (f.kind()) {
          case Frame.READY -> ready = true;
          case Frame.OUTPUT -> {
            out.write(f.payload(), 0, f.payload().length);
            out.flush();
          }
          case Frame.RESULTS, Frame.FAILURE -> {
            if (f.id() != id) {
              throw new StreamCorruptedException("answer for task " + f.id() + ", not " + id);
            }
            return f;
          }
          default -> throw new StreamCorruptedException("unknown frame kind " + f.kind());
        }
      }
    } catch (IOException e) {
      throw died(e);
    }
  }

  /** Kills the worker now; a thread in {@link #run} then gets a {@link WorkerDiedException}. */
  public void kill() {
    process.destroyForcibly();
  }

  /**
   * Closes the worker's input, so it exits, and waits until it has: a closed worker is no longer
   * a process.
   */
  @Override
  public void close() {
    try {
      toWorker.close();
    } catch (IOException e) {
      // Already gone: nothing to tell it.
    }
    reap();
  }

  /** The exception for a worker that is gone: how it ended, and whether it ever came up. */
  private WorkerDiedException died(IOException cause) {
    Integer code = reap();
    String how = code == null ? "stopped answering"
        : code > 128 ? "was killed by signal " + (code - 128)
        : "exited with code " + code;
    String message;
    if (!ready) {
      message = "a worker JVM (pid " + pid() + ") " + how + " before it was ready; its standard"
          + " error, above, says why. Command: " + String.join(" ", command);
    } else {
      message = "worker process " + pid() + " " + how + " while running this task";
      if (code != null && code == 3) {
        message += " (3 is also the code of a worker that ran out of memory)";
      }
    }
    return new WorkerDiedException(message, cause);
  }

  /** Waits for the process to end (killing it if it lingers) and returns its exit code. */
  private Integer reap() {
    try {
      if (!process.waitFor(EXIT_GRACE_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor();
        return null;
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      return null;
    } finally {
      closeQuietly();
    }
  }

  private void closeQuietly() {
    try {
      fromWorker.close();
    } catch (IOException e) {
      // Nothing more to read anyway.
    }
  }
}
