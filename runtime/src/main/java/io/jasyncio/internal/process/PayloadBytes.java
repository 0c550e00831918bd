package io.jasyncio.internal.process;

import java.io.ByteArrayInputStream;

/**
 * The bytes of one payload, read by an object stream, telling how far reading has gone: the
 * {@code streamBytes} a deserialization filter is given for what {@link CompactValues} reads.
 * (The object stream reads ahead in blocks, so it is where the stream is, give or take a block.)
 *
 * <p>Internal API: the process pool's reader and the cluster module's use it.
 */
public final class PayloadBytes extends ByteArrayInputStream {
  /** A stream over all of {@code payload}. */
  public PayloadBytes(byte[] payload) {
    super(payload);
  }

  /** How many bytes have been read. Called on the reading thread only. */
  public long position() {
    return pos;
  }

  /** The payload's length. */
  public long length() {
    return count;
  }
}
