package io.jasyncio.hazelcast;

import io.jasyncio.internal.process.Payloads;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * What a {@link ClusterTask} sends back: its results, or the exception the task threw, each in
 * jasyncio's own serialized form ({@link Payloads}). The task's exception travels inside the
 * reply, not as a Hazelcast error, so that it keeps its type through a Hazelcast client (whose
 * protocol knows only Hazelcast's own exception types) and so that an error Hazelcast reports is
 * always about the cluster, never about the task.
 *
 * @param failed whether {@code payload} holds an exception rather than results
 * @param payload {@link Payloads#results} or {@link Payloads#failure}
 */
record Reply(boolean failed, byte[] payload) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The results of a task that finished. */
  static Reply results(List<?> results) throws IOException {
    return new Reply(false, Payloads.results(results));
  }

  /** The exception of a task that failed. */
  static Reply failure(Throwable t) {
    return new Reply(true, Payloads.failure(t));
  }

  /**
   * The results, read by {@code reader} with their classes resolved through {@code loader}.
   *
   * @throws Throwable the task's exception, with its type, message and the member's stack trace,
   *     or what reading the payload failed with
   */
  List<Object> open(ClassLoader loader, BoundedPayloads reader) throws Throwable {
    if (failed) {
      throw reader.readFailure(payload, loader);
    }
    return reader.readResults(payload, loader);
  }
}
