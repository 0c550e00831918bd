package io.jasyncio.internal.process;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.StreamCorruptedException;

/**
 * One message between a pool and a worker process: a length-prefixed frame on the worker's
 * standard input (tasks) or standard output (everything else).
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

  /** The largest frame accepted: a bound on what a corrupt length can make either side allocate. */
  public static final int MAX_LENGTH = 1 << 30;

  private static final int HEADER = 1 + 8;
  private static final byte[] EMPTY = new byte[0];

  /** A frame without payload. */
  public Frame(byte kind, long id) {
    this(kind, id, EMPTY);
  }

  /** Writes and flushes this frame. */
  public void writeTo(DataOutputStream out) throws IOException {
    if (payload.length > MAX_LENGTH - HEADER) {
      throw new IOException("a task or result of " + payload.length
          + " serialized bytes is larger than a frame may be (" + MAX_LENGTH + ")");
    }
    out.writeInt(HEADER + payload.length);
    out.writeByte(kind);
    out.writeLong(id);
    out.write(payload);
    out.flush();
  }

  /**
   * Reads the next frame; null at a clean end of stream (the other side closed the pipe between
   * frames).
   *
   * @throws EOFException if the stream ends inside a frame
   * @throws StreamCorruptedException if the length is impossible
   */
  public static Frame readFrom(DataInputStream in) throws IOException {
    int length;
    try {
      length = in.readInt();
    } catch (EOFException e) {
      return null;
    }
    if (length < HEADER || length > MAX_LENGTH) {
      throw new StreamCorruptedException("bad frame length " + length);
    }
    byte kind = in.readByte();
    long id = in.readLong();
    byte[] payload = new byte[length - HEADER];
    in.readFully(payload);
    return new Frame(kind, id, payload);
  }
}
