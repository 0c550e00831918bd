package io.jasyncio.internal.process;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The main class of a worker JVM of a {@code ProcessPool}: it reads tasks from standard input,
 * runs them one at a time and answers on standard output, in {@link Frame}s.
 *
 * <p>Standard output belongs to the frames, so {@code System.out} is replaced by a stream that
 * wraps what a task prints into {@link Frame#OUTPUT} frames, which the pool prints on its own
 * {@code System.out}; standard error is the pool's. The main thread only reads, so the end of
 * standard input (the pool shut down, or its JVM died) ends the worker at once, even in the
 * middle of a task: no worker outlives its pool.
 */
public final class WorkerMain {
  /** System property: the charset the pool's {@code System.out} prints with. */
  static final String STDOUT_ENCODING = "jasyncio.worker.stdout.encoding";

  private final DataOutputStream channel;
  private final ClassLoader loader = WorkerMain.class.getClassLoader();

  private WorkerMain(DataOutputStream channel) {
    this.channel = channel;
  }

  /** Runs the worker until its standard input ends. */
  public static void main(String[] args) throws IOException {
    // Taken before anything can print: from here on only frames go to file descriptor 1.
    OutputStream stdout = new FileOutputStream(FileDescriptor.out);
    WorkerMain worker = new WorkerMain(
        new DataOutputStream(new BufferedOutputStream(stdout, 1 << 16)));
    Charset charset = Charset.forName(
        System.getProperty(STDOUT_ENCODING, Charset.defaultCharset().name()));
    System.setOut(new PrintStream(
        new BufferedOutputStream(worker.new OutputFrames(), 1 << 13), true, charset));
    worker.send(new Frame(Frame.READY, ProcessHandle.current().pid()));

    BlockingQueue<Frame> tasks = new LinkedBlockingQueue<>();
    Thread runner = new Thread(() -> worker.runAll(tasks), "jasyncio-worker-task");
    runner.setDaemon(true);
    runner.start();
    int status = 0;
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(System.in, 1 << 16))) {
      for (Frame f = Frame.readFrom(in); f != null; f = Frame.readFrom(in)) {
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
      Payloads.Task t = Payloads.readTask(task.payload(), loader);
      List<Object> results = t.run();
      answer = Payloads.results(results);
      kind = Frame.RESULTS;
    } catch (Throwable e) {
      answer = Payloads.failure(e);
      kind = Frame.FAILURE;
    } finally {
      System.out.flush();
    }
    return new Frame(kind, task.id(), answer);
  }

  private void send(Frame f) throws IOException {
    synchronized (channel) {
      f.writeTo(channel);
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
