package io.jasyncio.internal.process;

import java.util.ArrayList;
import java.util.List;

/**
 * The bounds on what a pool and its workers read from each other, checked before anything is
 * allocated: a frame's length, and within a payload the object nesting, the object references, an
 * array's size in bytes and the time spent deserializing. The pool reads them from system
 * properties when it is made and passes the same values to its workers on their command line, so
 * both sides of a pipe enforce the same numbers.
 *
 * <table>
 *   <caption>System properties (on the pool's JVM)</caption>
 *   <tr><th>property</th><th>default</th><th>bounds</th></tr>
 *   <tr><td>{@value #MAX_FRAME_BYTES}</td><td>a quarter of the heap limit, at most 256 MiB</td>
 *       <td>one task or answer, serialized (the payload's {@code maxbytes})</td></tr>
 *   <tr><td>{@value #MAX_DEPTH}</td><td>2,000</td><td>object nesting ({@code maxdepth})</td></tr>
 *   <tr><td>{@value #MAX_REFERENCES}</td><td>10,000,000</td><td>objects and back references in
 *       one payload ({@code maxrefs})</td></tr>
 *   <tr><td>{@value #MAX_ARRAY_BYTES}</td><td>the frame limit</td><td>one array: length times
 *       element size, 8 bytes per reference ({@code maxarray}, in bytes)</td></tr>
 *   <tr><td>{@value #MAX_READ_SECONDS}</td><td>30</td><td>the time to deserialize one payload, so
 *       that a graph built to make hashing explode (SerialDOS) ends</td></tr>
 * </table>
 *
 * @param maxFrameBytes the longest frame, header included
 * @param maxDepth the deepest object nesting in a payload
 * @param maxReferences the most objects and back references in a payload
 * @param maxArrayBytes the largest array in a payload, in bytes
 * @param maxReadSeconds the longest a payload may take to deserialize
 */
public record Limits(long maxFrameBytes, long maxDepth, long maxReferences, long maxArrayBytes,
    long maxReadSeconds) {
  /** System property: {@link #maxFrameBytes()}. */
  public static final String MAX_FRAME_BYTES = "jasyncio.pool.maxFrameBytes";
  /** System property: {@link #maxDepth()}. */
  public static final String MAX_DEPTH = "jasyncio.pool.maxDepth";
  /** System property: {@link #maxReferences()}. */
  public static final String MAX_REFERENCES = "jasyncio.pool.maxReferences";
  /** System property: {@link #maxArrayBytes()}. */
  public static final String MAX_ARRAY_BYTES = "jasyncio.pool.maxArrayBytes";
  /** System property: {@link #maxReadSeconds()}. */
  public static final String MAX_READ_SECONDS = "jasyncio.pool.maxReadSeconds";

  /** No frame can be longer than an array can be, whatever the property says. */
  static final long FRAME_CEILING = Integer.MAX_VALUE - 8;
  /** The stack a reading thread gets per level of {@link #maxDepth()}: measured, then doubled. */
  private static final long STACK_BYTES_PER_LEVEL = 4 << 10;
  /** Below the deepest level: the loop that reads frames, the task's own calls. */
  private static final long STACK_BASE_BYTES = 2 << 20;

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException if one is not positive, or a frame would not fit an array
   */
  public Limits {
    require(MAX_FRAME_BYTES, maxFrameBytes);
    require(MAX_DEPTH, maxDepth);
    require(MAX_REFERENCES, maxReferences);
    require(MAX_ARRAY_BYTES, maxArrayBytes);
    require(MAX_READ_SECONDS, maxReadSeconds);
    if (maxFrameBytes > FRAME_CEILING) {
      throw new IllegalArgumentException(MAX_FRAME_BYTES + " can be at most " + FRAME_CEILING
          + ", not " + maxFrameBytes);
    }
  }

  /** The limits the system properties set, with the defaults for those not set. */
  public static Limits fromSystemProperties() {
    long frame = property(MAX_FRAME_BYTES,
        Math.min(256L << 20, Runtime.getRuntime().maxMemory() / 4));
    return new Limits(frame, property(MAX_DEPTH, 2_000), property(MAX_REFERENCES, 10_000_000),
        property(MAX_ARRAY_BYTES, frame), property(MAX_READ_SECONDS, 30));
  }

  private static long property(String name, long fallback) {
    return SystemProperty.wholeNumber(name, fallback, 1);
  }

  /** Whether a frame can carry a payload of {@code payloadBytes}. */
  public boolean fitsInFrame(long payloadBytes) {
    return Frame.HEADER + payloadBytes <= maxFrameBytes;
  }

  /** These limits as {@code -D} options for a worker's command line. */
  public List<String> asJvmOptions() {
    List<String> options = new ArrayList<>();
    options.add("-D" + MAX_FRAME_BYTES + "=" + maxFrameBytes);
    options.add("-D" + MAX_DEPTH + "=" + maxDepth);
    options.add("-D" + MAX_REFERENCES + "=" + maxReferences);
    options.add("-D" + MAX_ARRAY_BYTES + "=" + maxArrayBytes);
    options.add("-D" + MAX_READ_SECONDS + "=" + maxReadSeconds);
    return options;
  }

  /**
   * The stack size for a thread that deserializes payloads: enough for {@link #maxDepth()}
   * levels, so that the depth check, not a {@code StackOverflowError}, stops a deep graph.
   */
  public long readerStackBytes() {
    // Beyond 64Ki levels the stack stays at 258 MiB: a depth limit that high is taken to be
    // "no limit", and what the stack cannot hold then fails its payload, not the thread.
    long levels = Math.min(maxDepth, 1L << 16);
    return STACK_BASE_BYTES + levels * STACK_BYTES_PER_LEVEL;
  }

  private static void require(String name, long value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, not " + value);
    }
  }
}
