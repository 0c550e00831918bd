package io.jasyncio.internal.process;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * How a worker reaches its pool's frame channel: the pool listens on a loopback port chosen by
 * the system and tells the worker, on the worker's standard input, that port and a secret made
 * for this worker alone; the worker connects and sends the secret first. The pool takes the
 * first connection that proves the secret and then stops listening, so the port serves exactly
 * one process, the one it started; anything else that connects meanwhile is dropped unheard.
 *
 * <p>The worker's standard output and error stay what they are for any program, text: a thread
 * dump ({@code kill -3}), {@code -verbose:gc} or native code printing there cannot corrupt a
 * frame.
 *
 * <pre>
 * stdin, pool to worker:  "&lt;port&gt; &lt;secret in hex&gt;\n"
 * socket, worker to pool: the secret's {@value #SECRET_BYTES} bytes, then frames both ways
 * </pre>
 */
public final class Handshake implements AutoCloseable {
  /** The length of a secret: as long as a strong key, so it cannot be guessed. */
  static final int SECRET_BYTES = 32;
  /** How long a connection may take to send its secret before it is dropped. */
  private static final int SECRET_TIMEOUT_MILLIS = 10_000;

  private final ServerSocket server;
  private final byte[] secret = new byte[SECRET_BYTES];

  private Handshake(ServerSocket server) {
    this.server = server;
    Secrets.RANDOM.nextBytes(secret);
  }

  /** Listens on a free loopback port, with a fresh secret. */
  public static Handshake listen() throws IOException {
    ServerSocket server = new ServerSocket();
    try {
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
      return new Handshake(server);
    } catch (IOException e) {
      server.close();
      throw e;
    }
  }

  /** The line to write on the worker's standard input. */
  public String greeting() {
    return server.getLocalPort() + " " + HexFormat.of().formatHex(secret) + "\n";
  }

  /**
   * Waits for the worker to connect with the secret and stops listening.
   *
   * @throws SocketTimeoutException if no connection proved the secret within the timeout
   * @throws IOException if it was closed meanwhile (the worker exited: see {@link #close()})
   */
  public Socket accept(long timeoutMillis) throws IOException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
    try {
      for (;;) {
        long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        server.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
        Socket socket = server.accept();
        if (provesSecret(socket)) {
          socket.setSoTimeout(0);
          socket.setTcpNoDelay(true);
          return socket;
        }
        socket.close();
      }
    } finally {
      server.close();
    }
  }

  /** Stops listening; an {@link #accept} in progress throws. Called when the worker exits. */
  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // Not listening any more either way.
    }
  }

  /**
   * The worker's side: connects to the pool that {@code greeting} names and sends the secret.
   *
   * @throws IOException if the greeting is malformed or the pool cannot be reached
   */
  public static Socket connect(String greeting) throws IOException {
    String[] parts = greeting == null ? new String[0] : greeting.strip().split(" ");
    if (parts.length != 2) {
      throw new IOException("a worker's first input line must be '<port> <secret>', not "
          + (greeting == null ? "the end of input" : "'" + greeting + "'"));
    }
    byte[] secret;
    int port;
    try {
      port = Integer.parseInt(parts[0]);
      secret = HexFormat.of().parseHex(parts[1]);
    } catch (IllegalArgumentException e) {
      throw new IOException("malformed greeting '" + greeting + "'", e);
    }
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setTcpNoDelay(true);
    socket.getOutputStream().write(secret);
    socket.getOutputStream().flush();
    return socket;
  }

  /**
   * Holds the generator, so that only the pool pays for its start (its providers and seeding,
   * some milliseconds), not each worker, which only connects.
   */
  private static final class Secrets {
    static final SecureRandom RANDOM = new SecureRandom();
  }

  private boolean provesSecret(Socket socket) {
    try {
      socket.setSoTimeout(SECRET_TIMEOUT_MILLIS);
      byte[] sent = new byte[SECRET_BYTES];
      InputStream in = socket.getInputStream();
      new DataInputStream(in).readFully(sent);
      return MessageDigest.isEqual(sent, secret);
    } catch (IOException e) {
      return false;
    }
  }
}
