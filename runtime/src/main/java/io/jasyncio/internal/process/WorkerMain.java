package io.jasyncio.internal.process;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidObjectException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The main class of a worker JVM of a {@code ProcessPool}: it reads where to connect from its
 * standard input (see {@link Handshake}), then reads tasks from that channel, runs them one at a
 * time and answers on it, in {@link Frame}s.
 *
 * <p>{@code System.out} is replaced by a stream that wraps what a task prints into
 * {@link Frame#OUTPUT} frames, which the pool prints on its own {@code System.out}, in order with
 * the answers; anything else written on file descriptor 1 (a thread dump, {@code -verbose:gc},
 * native code) is plain text the pool copies to its {@code System.out}, and standard error is the
 * pool's. The main thread only reads, so the end of the channel or of standard input (the pool
 * shut down, or its JVM died) ends the worker at once, even in the middle of a task: no worker
 * outlives its pool.
 *
 * <p>What it reads is held to the {@link Limits} its command line sets, and an answer longer than
 * a frame may be is replaced by the exception that says so.
 */
public final class WorkerMain {
  /** System property: the charset the pool's {@code System.out} prints with. */
  static final String STDOUT_ENCODING = "jasyncio.worker.stdout.encoding";

  private final DataOutputStream channel;
  private final Limits limits;
  private final ClassLoader loader = WorkerMain.class.getClassLoader();

  private WorkerMain(DataOutputStream channel, Limits limits) {
    this.channel = channel;
    this.limits = limits;
  }

  /** Runs the worker until its channel or its standard input ends. */
  public static void main(String[] args) throws IOException {
    Limits limits = Limits.fromSystemProperties();
    Socket socket;
    try {
      socket = Handshake.connect(readLine(System.in));
    } catch (IOException e) {
      // Most often a pool that closed before this worker was up: nobody waits for it.
      System.err.println("jasyncio worker: cannot reach the pool: " + e.getMessage());
      System.exit(1);
      return;
    }
    WorkerMain worker = new WorkerMain(new DataOutputStream(
        new BufferedOutputStream(socket.getOutputStream(), 1 << 16)), limits);
    Charset charset = Charset.forName(
        System.getProperty(STDOUT_ENCODING, Charset.defaultCharset().name()));
    System.setOut(new PrintStream(
        new BufferedOutputStream(worker.new OutputFrames(), 1 << 13), true, charset));
    worker.send(new Frame(Frame.READY, ProcessHandle.current().pid()));
    haltAtEndOf(System.in);

    BlockingQueue<Frame> tasks = new LinkedBlockingQueue<>();
    // Deep enough for the deepest payload the limits let in, and for the task's own calls.
    Thread runner = new Thread(null, () -> worker.runAll(tasks), "jasyncio-worker-task",
        limits.readerStackBytes());
    runner.setDaemon(true);
    runner.start();
    int status = 0;
    try (DataInputStream in = new DataInputStream(
        new BufferedInputStream(socket.getInputStream(), 1 << 16))) {
      for (Frame f = Frame.readFrom(in, limits.maxFrameBytes()); f != null;
          f = Frame.readFrom(in, limits.maxFrameBytes())) {
        tasks.add(f);
      }
    } catch (IOException e) {
      System.err.println("jasyncio worker: cannot read from the pool: " + e);
      status = 1;
    }
    // The pool is gone: stop now, whatever runs (its result has nobody to go to).
    System.err.flush();
    Runtime.getRuntime().halt(status);
  }

  /** The greeting line, read byte by byte so that nothing after it is consumed. */
  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        return line.length() == 0 ? null : line.toString();
      }
      line.append((char) b);
    }
    return line.toString();
  }

  /** Ends this JVM when its standard input ends: the pool closed it, or died. */
  private static void haltAtEndOf(InputStream stdin) {
    Thread watch = new Thread(() -> {
      try {
        while (stdin.read() >= 0) {
          // The pool writes nothing after the greeting; just wait for the end.
        }
      } catch (IOException e) {
        // Ended as well.
      }
      System.err.flush();
      Runtime.getRuntime().halt(0);
    }, "jasyncio-worker-stdin");
    watch.setDaemon(true);
    watch.start();
  }

  private void runAll(BlockingQueue<Frame> tasks) {
    try {
      for (;;) {
        Frame f = tasks.take();
        send(answer(f));
      }
    } catch (InterruptedException | IOException e) {
      // Interrupted: nobody does that; IOException: the pool closed its end, and main exits.
      System.err.println("jasyncio worker: stopped: " + e);
    }
  }

  /** Runs one task frame; the answer is its results, or the exception it failed with. */
  private Frame answer(Frame task) {
    byte[] answer;
    byte kind;
    try {
      Payloads.Task t = Payloads.readTask(task.payload(), loader, limits);
      List<Object> results = t.run();
      answer = Payloads.results(results);
      kind = Frame.RESULTS;
    } catch (Throwable e) {
      answer = Payloads.failure(e);
      kind = Frame.FAILURE;
    } finally {
      System.out.flush();
    }
    if (!limits.fitsInFrame(answer.length)) {
      // Sent as it is, the pool would refuse the frame and kill this worker; say why instead.
      answer = Payloads.failure(new InvalidObjectException("the task's "
          + (kind == Frame.RESULTS ? "result is " : "exception is ") + answer.length
          + " bytes serialized, more than a frame may carry (" + limits.maxFrameBytes()
          + " bytes); the system property " + Limits.MAX_FRAME_BYTES + " raises the limit"));
      kind = Frame.FAILURE;
    }
    return new Frame(kind, task.id(), answer);
  }

  private void send(Frame f) throws IOException {
    synchronized (channel) {
      f.writeTo(channel, limits.maxFrameBytes());
    }
  }

  /** What the task prints on {@code System.out}, sent to the pool as OUTPUT frames. */
  private final class OutputFrames extends OutputStream {
    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (len > 0) {
        send(new Frame(Frame.OUTPUT, 0, Arrays.copyOfRange(b, off, off + len)));
      }
    }
  }
}
