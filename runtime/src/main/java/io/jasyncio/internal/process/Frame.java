package io.jasyncio.internal.process;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.StreamCorruptedException;

/**
 * One message between a pool and a worker process: a length-prefixed frame on their channel, a
 * loopback socket (see {@link Handshake}).
 *
 * <pre>
 * int    length   bytes that follow: 1 + 8 + payload
 * byte   kind     one of the constants below
 * long   id       the task, or for READY the worker's process id
 * byte[] payload  Java serialization, or raw bytes for OUTPUT
 * </pre>
 *
 * @param kind what the frame carries
 * @param id the task it is about (READY: the worker's pid)
 * @param payload its bytes
 */
public record Frame(byte kind, long id, byte[] payload) {
  /** Worker to pool, first frame: the worker is up; {@code id} is its process id. */
  public static final byte READY = 1;
  /** Worker to pool: bytes the task printed on {@code System.out}, to be printed by the pool. */
  public static final byte OUTPUT = 2;
  /** Worker to pool: the task's results, see {@link Payloads#readResults}. */
  public static final byte RESULTS = 3;
  /** Worker to pool: the exception the task failed with, see {@link Payloads#readFailure}. */
  public static final byte FAILURE = 4;
  /** Pool to worker: a function and its arguments, see {@link Payloads#task}. */
  public static final byte TASK = 5;

  /** The bytes of a frame before its payload, after the length. */
  static final int HEADER = 1 + 8;
  private static final byte[] EMPTY = new byte[0];

  /** A frame without payload. */
  public Frame(byte kind, long id) {
    this(kind, id, EMPTY);
  }

  /**
   * Writes and flushes this frame.
   *
   * @throws InvalidObjectException if it is longer than {@code maxLength}, before writing
   *     anything
   */
  public void writeTo(DataOutputStream out, long maxLength) throws IOException {
    checkLength(HEADER + (long) payload.length, maxLength);
    out.writeInt(HEADER + payload.length);
    out.writeByte(kind);
    out.writeLong(id);
    out.write(payload);
    out.flush();
  }

  /**
   * Reads the next frame, checking its length before allocating its payload; null at a clean
   * end of stream (the other side closed the channel between frames).
   *
   * @throws EOFException if the stream ends inside a frame
   * @throws StreamCorruptedException if the length is impossible
   * @throws InvalidObjectException if the length is more than {@code maxLength}
   * @throws OutOfMemoryError if the payload, within the limit, does not fit in the heap; the
   *     stream is then inside the frame
   */
  public static Frame readFrom(DataInputStream in, long maxLength) throws IOException {
    int length;
    try {
      length = in.readInt();
    } catch (EOFException e) {
      return null;
    }
    if (length < HEADER) {
      throw new StreamCorruptedException("bad frame length " + length);
    }
    checkLength(length, maxLength);
    byte kind = in.readByte();
    long id = in.readLong();
    byte[] payload = new byte[length - HEADER];
    in.readFully(payload);
    return new Frame(kind, id, payload);
  }

  private static void checkLength(long length, long maxLength) throws InvalidObjectException {
    if (length > maxLength) {
      throw new InvalidObjectException("a frame of " + length + " bytes is more than "
          + maxLength + "; the system property " + Limits.MAX_FRAME_BYTES
          + " raises the limit");
    }
  }
}
