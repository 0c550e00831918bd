package io.jasyncio.internal.process;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StreamCorruptedException;
import java.lang.ProcessBuilder.Redirect;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * The pool's end of one worker JVM: it sends a task frame and reads frames until that task's
 * answer, printing the task's output on the way. Used by one thread at a time, except
 * {@link #kill()}, which any thread may call.
 *
 * <p>Frames travel on a loopback socket (see {@link Handshake}); the worker's standard output is
 * copied to {@code System.out} and its standard error is this JVM's, both as text. Its standard
 * input stays open until {@link #close()}: a worker exits when either its input or its socket
 * ends, so it does not outlive this JVM.
 *
 * <table>
 *   <caption>Life cycle</caption>
 *   <tr><th>state</th><th>reached by</th></tr>
 *   <tr><td>starting</td><td>{@link #start}: the JVM boots while the caller does other
 *       work</td></tr>
 *   <tr><td>connected</td><td>the first {@link #run}: it connected back and proved its
 *       secret</td></tr>
 *   <tr><td>ready</td><td>its READY frame, read before the first task's answer</td></tr>
 *   <tr><td>gone</td><td>{@link #close()}, {@link #kill()}, a crash, or a frame it should not
 *       have sent (then it is killed), which {@link #run} reports as a
 *       {@link WorkerDiedException}</td></tr>
 * </table>
 */
public final class WorkerProcess implements AutoCloseable {
  /** How long a worker whose channel ended may take to be reaped before it is killed. */
  private static final long EXIT_GRACE_SECONDS = 10;
  /**
   * The same for the worker that writes the class data sharing archive as it exits, which takes
   * seconds more on a loaded machine; killed meanwhile, it leaves no archive.
   */
  private static final long WRITER_EXIT_GRACE_SECONDS = 60;
  /**
   * How long the rest of what an exited worker wrote on its standard output may take to be
   * printed; longer only if a process it started holds that pipe open.
   */
  private static final long DRAIN_MILLIS = 5_000;

  private final Process process;
  private final Thread stdoutPump;
  private final Handshake handshake;
  private final List<String> command;
  private final ClassDataSharing.Start sharing;
  private final Limits limits;
  private final long startTimeoutMillis;
  private Socket socket;
  private DataOutputStream toWorker;
  private DataInputStream fromWorker;
  private boolean ready;
  private volatile boolean killed;
  private volatile IntConsumer exitAction;
  /** Guards {@link #exitReported}; held while the exit action runs. */
  private final Object exitLock = new Object();
  private boolean exitReported;

  private WorkerProcess(Process process, Thread stdoutPump, Handshake handshake,
      ClassDataSharing.Start sharing, Limits limits, long startTimeoutMillis) {
    this.process = process;
    this.stdoutPump = stdoutPump;
    this.handshake = handshake;
    this.command = sharing.command();
    this.sharing = sharing;
    this.limits = limits;
    this.startTimeoutMillis = startTimeoutMillis;
  }

  /**
   * Starts a worker JVM with {@code command} and tells it where to connect; returns at once,
   * without waiting for it to boot.
   *
   * @param startTimeoutMillis how long the first {@link #run} waits for it to connect
   * @throws IOException if the process cannot be started (no such launcher, for example)
   */
  public static WorkerProcess start(List<String> command, Limits limits,
      long startTimeoutMillis) throws IOException {
    return start(new ClassDataSharing.Start(command, null, false), limits, startTimeoutMillis);
  }

  /**
   * Starts a worker JVM with the command of {@code sharing}, as
   * {@link #start(List, Limits, long)} does; {@link #sharing()} tells how it used the class data
   * sharing archive.
   */
  public static WorkerProcess start(ClassDataSharing.Start sharing, Limits limits,
      long startTimeoutMillis) throws IOException {
    Handshake handshake = Handshake.listen();
    Process p;
    try {
      p = new ProcessBuilder(sharing.command()).redirectError(Redirect.INHERIT).start();
    } catch (IOException e) {
      handshake.close();
      throw e;
    }
    // A worker that exits before connecting ends the wait for it at once.
    p.onExit().thenRun(handshake::close);
    Thread pump = OutputPump.start(p.getInputStream(), "jasyncio-worker-" + p.pid() + "-stdout");
    try {
      OutputStream stdin = p.getOutputStream();
      stdin.write(handshake.greeting().getBytes(StandardCharsets.US_ASCII));
      stdin.flush();
    } catch (IOException e) {
      // It died at once; the first run reports how.
    }
    return new WorkerProcess(p, pump, handshake, sharing, limits, startTimeoutMillis);
  }

  /** How it was started with respect to the class data sharing archive. */
  public ClassDataSharing.Start sharing() {
    return sharing;
  }

  /**
   * Runs {@code action} once with the exit code when the process has exited: before
   * {@link #close()} returns if that reaps it, or else when the JDK notices the exit.
   */
  public void onExit(IntConsumer action) {
    exitAction = action;
    process.onExit().thenRun(this::exited);
  }

  private void exited() {
    IntConsumer action = exitAction;
    if (action == null || process.isAlive()) {
      return;
    }
    // The JDK's exit thread and close() may both get here: whichever is second waits until
    // the action has run, so close() returns only after it (the archive is in place then).
    synchronized (exitLock) {
      if (!exitReported) {
        exitReported = true;
        action.accept(process.exitValue());
      }
    }
  }

  /** The worker's process id. */
  public long pid() {
    return process.pid();
  }

  /**
   * Waits until the worker has connected back, so that a task's time starts when it is sent,
   * not while the JVM boots.
   *
   * @throws WorkerDiedException if it exits, or does not connect in time (then it is killed)
   */
  public void awaitConnected() throws WorkerDiedException {
    try {
      connect();
    } catch (SocketTimeoutException e) {
      kill();
      throw died(e);
    } catch (IOException e) {
      throw died(e);
    }
  }

  /**
   * Sends a task and returns its answer, a {@link Frame#RESULTS} or {@link Frame#FAILURE} frame;
   * what the task prints on its {@code System.out} is printed on {@code out} meanwhile.
   *
   * @throws WorkerDiedException if the worker is gone before it answers, or sent what it should
   *     not have (then it has been killed)
   */
  public Frame run(long id, byte[] payload, PrintStream out) throws WorkerDiedException {
    try {
      connect();
      new Frame(Frame.TASK, id, payload).writeTo(toWorker, limits.maxFrameBytes());
      for (;;) {
        Frame f = Frame.readFrom(fromWorker, limits.maxFrameBytes());
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
              throw new StreamCorruptedException("an answer for task " + f.id() + ", not " + id);
            }
            return f;
          }
          default -> throw new StreamCorruptedException("a frame of unknown kind " + f.kind());
        }
      }
    } catch (InvalidObjectException e) {
      throw spoke(e, new InvalidObjectException(e.getMessage()
          + " (worker process " + pid() + " sent it; it was killed and replaced)"));
    } catch (StreamCorruptedException e) {
      throw spoke(e, null);
    } catch (SocketTimeoutException e) {
      kill();
      throw died(e);
    } catch (IOException e) {
      throw died(e);
    } catch (OutOfMemoryError e) {
      throw spoke(e, new InvalidObjectException("the task's answer does not fit in this JVM's"
          + " heap (" + e.getMessage() + "); the system property " + Limits.MAX_FRAME_BYTES
          + " bounds the answers a pool accepts (worker process " + pid()
          + " was killed and replaced)"));
    }
  }

  /**
   * Kills the worker now; a thread in {@link #run} then gets a {@link WorkerDiedException}.
   * {@link #wasKilled()} tells that the end was on purpose.
   */
  public void kill() {
    killed = true;
    process.destroyForcibly();
    handshake.close();
    closeSocket();
  }

  /** Asks the worker to end as {@code SIGTERM} does, then stops reading from it. */
  public void terminate() {
    killed = true;
    process.destroy();
    handshake.close();
    closeSocket();
  }

  /** Whether the process is still running. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** Whether {@link #kill()} or {@link #terminate()} was called. */
  public boolean wasKilled() {
    return killed;
  }

  /**
   * Closes the worker's input and channel, so it exits, and waits until it has: a closed worker
   * is no longer a process.
   */
  @Override
  public void close() {
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // Already gone: nothing to tell it.
    }
    handshake.close();
    closeSocket();
    reap();
  }

  /** Waits for the worker to connect back, the first time. */
  private void connect() throws IOException {
    if (socket != null) {
      return;
    }
    Socket s;
    try {
      s = handshake.accept(startTimeoutMillis);
    } catch (SocketTimeoutException e) {
      throw new SocketTimeoutException("it did not connect within " + startTimeoutMillis
          + " ms (the system property " + WorkerCommand.START_SECONDS + " raises that)");
    }
    synchronized (this) {
      socket = s;
      if (killed) {
        closeSocket();
      }
    }
    toWorker = new DataOutputStream(new BufferedOutputStream(s.getOutputStream(), 1 << 16));
    fromWorker = new DataInputStream(new BufferedInputStream(s.getInputStream(), 1 << 16));
  }

  /**
   * Kills a worker that sent what it should not have: its channel can no longer be trusted.
   * The task fails with {@code forTask}, or else with a {@code BrokenWorkerException} that says
   * what the worker did.
   */
  private WorkerDiedException spoke(Throwable what, Exception forTask) {
    kill();
    reap();
    if (forTask != null) {
      forTask.initCause(what);
      return new WorkerDiedException(forTask);
    }
    return new WorkerDiedException("worker process " + pid() + " broke the protocol ("
        + what.getMessage() + "); it was killed and replaced", what);
  }

  /** The exception for a worker that is gone: how it ended, and whether it ever came up. */
  private WorkerDiedException died(IOException cause) {
    Integer code = reap();
    String how = code == null ? "stopped answering"
        : code > 128 ? "was killed by signal " + (code - 128)
        : "exited with code " + code;
    String message;
    String classPath = classPath();
    if (!ready && code != null && classPath != null
        && !WorkerClassPath.findsWorkerMain(classPath)) {
      message = "a worker JVM (pid " + pid() + ") " + how + " before it was ready: it cannot"
          + " load its main class " + WorkerMain.class.getName() + ", which is not on the class"
          + " path it was given, '" + classPath + "'; give workers the application's class"
          + " path with -D" + WorkerClassPath.PROPERTY + "=<class path>";
    } else if (!ready) {
      message = "a worker JVM (pid " + pid() + ") " + how + " before it was ready"
          + (cause instanceof SocketTimeoutException ? ": " + cause.getMessage() : "")
          + "; its standard error, above, says why. Command: " + String.join(" ", command);
    } else {
      message = "worker process " + pid() + " " + how + " while running this task";
      if (code != null && code == 3) {
        message += " (3 is also the code of a worker that ran out of memory)";
      }
    }
    return new WorkerDiedException(message, cause);
  }

  /**
   * The class path of the command, "" if it has none; null if the worker runs from the module
   * path, where no class path check applies.
   */
  private String classPath() {
    if (command.contains("-m")) {
      return null;
    }
    int at = command.indexOf("-cp");
    return at >= 0 && at + 1 < command.size() ? command.get(at + 1) : "";
  }

  /**
   * Waits for the process to end (killing it if it lingers) and what it wrote to be printed,
   * and returns its exit code.
   */
  private Integer reap() {
    try {
      long grace = sharing.writes() != null ? WRITER_EXIT_GRACE_SECONDS : EXIT_GRACE_SECONDS;
      if (!process.waitFor(grace, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor();
        stdoutPump.join(DRAIN_MILLIS);
        return null;
      }
      stdoutPump.join(DRAIN_MILLIS);
      exited();
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      return null;
    } finally {
      closeSocket();
    }
  }

  private synchronized void closeSocket() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // Nothing more to read or write anyway.
      }
    }
  }
}
