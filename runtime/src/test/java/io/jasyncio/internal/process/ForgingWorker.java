package io.jasyncio.internal.process;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.util.List;

/**
 * A worker main for tests that play a broken or hostile worker: it joins its pool as
 * {@link WorkerMain} does and answers tasks the same way, except that a task whose argument is a
 * {@code byte[]} gets those bytes, raw, as its whole answer: forged frames.
 */
public final class ForgingWorker {
  private ForgingWorker() {}

  /** Runs until the pool closes the channel. */
  public static void main(String[] args) throws Exception {
    Limits limits = Limits.fromSystemProperties();
    StringBuilder greeting = new StringBuilder();
    for (int b = System.in.read(); b != '\n' && b >= 0; b = System.in.read()) {
      greeting.append((char) b);
    }
    Socket socket = Handshake.connect(greeting.toString());
    DataOutputStream out = new DataOutputStream(
        new BufferedOutputStream(socket.getOutputStream()));
    DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
    new Frame(Frame.READY, ProcessHandle.current().pid()).writeTo(out, limits.maxFrameBytes());
    ClassLoader loader = ForgingWorker.class.getClassLoader();
    for (Frame f = Frame.readFrom(in, limits.maxFrameBytes()); f != null;
        f = Frame.readFrom(in, limits.maxFrameBytes())) {
      Payloads.Task task = Payloads.readTask(f.payload(), loader, limits);
      if (task.arguments().get(0) instanceof byte[] raw) {
        out.write(raw);
        out.flush();
        continue;
      }
      answer(out, f.id(), task.run(), limits);
    }
    Runtime.getRuntime().halt(0);
  }

  private static void answer(DataOutputStream out, long id, List<Object> results, Limits limits)
      throws IOException {
    new Frame(Frame.RESULTS, id, Payloads.results(results)).writeTo(out, limits.maxFrameBytes());
  }
}
