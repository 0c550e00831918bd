package io.jasyncio.hazelcast;

import java.io.InvalidObjectException;
import java.io.ObjectInputFilter;

/**
 * The bounds on what a member reads of a task and a pool reads of a reply, checked before and
 * while it is deserialized, so that a graph built to take for ever to read (SerialDOS: sets
 * nested in sets, each level holding the next one twice, whose hash codes cost twice as much per
 * level) fails its one task instead of stalling a member's or the pool's thread. Each can be set
 * with a system property, on the pool's JVM and on the members' ({@link LocalCluster} passes the
 * pool's on to its members):
 *
 * <table>
 *   <caption>Limits</caption>
 *   <tr><th>property</th><th>default</th><th>bounds</th></tr>
 *   <tr><td>{@value #DEPTH_PROPERTY}</td><td>{@value #DEFAULT_DEPTH}</td>
 *       <td>how deep objects nest</td></tr>
 *   <tr><td>{@value #REFERENCES_PROPERTY}</td><td>{@value #DEFAULT_REFERENCES}</td>
 *       <td>object references in one payload, repeated ones included</td></tr>
 *   <tr><td>{@value #BYTES_PROPERTY}</td><td>{@value #DEFAULT_BYTES}</td>
 *       <td>a payload's size</td></tr>
 * </table>
 *
 * <p>A payload over a limit fails its task with an {@code InvalidObjectException} (its size) or
 * an {@code InvalidClassException} (depth, references) whose message names the property.
 * Depth is what bounds SerialDOS: its cost doubles with each level, so a graph within the depth
 * limit can still be slow; the first wall is that only this cluster's members and pool exchange
 * payloads ({@link Admission}).
 *
 * @param depth deepest nesting accepted
 * @param references most object references accepted
 * @param bytes largest payload accepted
 */
record PayloadLimits(long depth, long references, long bytes) {
  static final String DEPTH_PROPERTY = "jasyncio.cluster.maxDepth";
  static final String REFERENCES_PROPERTY = "jasyncio.cluster.maxReferences";
  static final String BYTES_PROPERTY = "jasyncio.cluster.maxBytes";
  static final long DEFAULT_DEPTH = 64;
  static final long DEFAULT_REFERENCES = 10_000_000;
  static final long DEFAULT_BYTES = 256L * 1024 * 1024;

  /** The limits set by system properties, or their defaults. */
  static PayloadLimits fromSystemProperties() {
    return new PayloadLimits(Long.getLong(DEPTH_PROPERTY, DEFAULT_DEPTH),
        Long.getLong(REFERENCES_PROPERTY, DEFAULT_REFERENCES),
        Long.getLong(BYTES_PROPERTY, DEFAULT_BYTES));
  }

  /**
   * Checks a payload's size before anything of it is read.
   *
   * @throws InvalidObjectException if it is over the limit
   */
  void checkSize(byte[] payload) throws InvalidObjectException {
    if (payload.length > bytes) {
      throw new InvalidObjectException("a payload of " + payload.length + " bytes is over the"
          + " limit " + BYTES_PROPERTY + "=" + bytes);
    }
  }

  /** A filter for one stream that rejects what nests too deep or holds too many references. */
  Filter filter() {
    return new Filter();
  }

  /** The limits' check for one stream; it remembers which limit it rejected by. */
  final class Filter implements ObjectInputFilter {
    private String rejection;

    @Override
    public Status checkInput(FilterInfo info) {
      if (info.depth() > depth) {
        return reject("objects nested deeper than " + depth + " (the limit " + DEPTH_PROPERTY
            + ")");
      }
      if (info.references() > references) {
        return reject("more than " + references + " object references (the limit "
            + REFERENCES_PROPERTY + ")");
      }
      return Status.UNDECIDED;
    }

    /** Why it rejected, or null. */
    String rejection() {
      return rejection;
    }

    private Status reject(String why) {
      rejection = why;
      return Status.REJECTED;
    }
  }

  /** As the properties would set them, to hand to a member JVM. */
  String[] asJvmOptions() {
    return new String[] {"-D" + DEPTH_PROPERTY + "=" + depth,
        "-D" + REFERENCES_PROPERTY + "=" + references, "-D" + BYTES_PROPERTY + "=" + bytes};
  }
}
