package io.jasyncio.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The "external service" of tutorial section 3.1, made real and local: the JDK's HTTP server on
 * the loopback address and a port the system picks, answering {@code GET /users/{id}} with
 * {@code {"id": "<id>", "name": "User <id>"}}. Requests are served on their own threads, so
 * concurrent calls overlap as they would against a real service.
 */
final class UserService implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService handlers;
  private final AtomicInteger requests = new AtomicInteger();

  private UserService(HttpServer server, ExecutorService handlers) {
    this.server = server;
    this.handlers = handlers;
  }

  /** Starts the service on 127.0.0.1 (or the loopback address this host has). */
  static UserService start() {
    try {
      HttpServer server = HttpServer.create(
          new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      ExecutorService handlers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "user-service");
        t.setDaemon(true);
        return t;
      });
      UserService service = new UserService(server, handlers);
      server.createContext("/users/", service::answer);
      server.setExecutor(handlers);
      server.start();
      return service;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the local user service", e);
    }
  }

  /** The tutorial's {@code endpointurl}: append a user id to get that user. */
  String endpointUrl() {
    InetSocketAddress at = server.getAddress();
    return "http://" + at.getAddress().getHostAddress() + ":" + at.getPort() + "/users/";
  }

  /** How many requests it has answered. */
  int requests() {
    return requests.get();
  }

  private void answer(HttpExchange exchange) throws IOException {
    // Counted before the answer goes out: a client that has its answer sees the count.
    requests.incrementAndGet();
    try (exchange) {
      String id = exchange.getRequestURI().getPath().substring("/users/".length());
      byte[] body = ("{\"id\": \"" + id + "\", \"name\": \"User " + id + "\"}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** Stops the server at once and its handler threads. */
  @Override
  public void close() {
    server.stop(0);
    handlers.shutdown();
  }
}
