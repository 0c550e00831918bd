package io.jasyncio.internal.process;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Bytes a broken or hostile worker could send, written by hand so that no serializer refuses to
 * make them and no recursion is needed to make deep ones.
 */
final class Forged {
  /** {@code Object[].class}'s serialVersionUID, which the stream must carry. */
  private static final long OBJECT_ARRAY_UID = 0x90CE589F1073296CL;

  private Forged() {}

  /** A whole frame: length, kind, id, payload. */
  static byte[] frame(byte kind, long id, byte[] payload) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      new Frame(kind, id, payload).writeTo(new DataOutputStream(bytes), Long.MAX_VALUE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Only the start of a frame: a length, a kind and an id, and no payload after them. */
  static byte[] header(int length, byte kind, long id) {
    return ByteBuffer.allocate(4 + 1 + 8).putInt(length).put(kind).putLong(id).array();
  }

  /**
   * A RESULTS payload of one array of the type of {@code empty} that claims {@code length}
   * elements and holds none: a stream of a few dozen bytes asking for a huge allocation.
   */
  static byte[] arrayClaiming(Object empty, int length) throws IOException {
    byte[] honest = Payloads.results(List.of(empty));
    // The array's length is the last field of the stream.
    ByteBuffer.wrap(honest).putInt(honest.length - 4, length);
    return honest;
  }

  /** A RESULTS payload of one {@code Object[]} holding an {@code Object[]}, {@code depth} deep. */
  static byte[] nestedArrays(int depth) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + depth * 10);
    DataOutputStream out = new DataOutputStream(bytes);
    try {
      out.writeShort(0xACED); // STREAM_MAGIC
      out.writeShort(5); // STREAM_VERSION
      out.write(new byte[] {0x77, 5}); // TC_BLOCKDATA of 5 bytes: the count of results, and
      out.writeInt(1);
      out.write(CompactValues.OBJECT); // the tag of a result that writeObject wrote
      out.write(0x75); // TC_ARRAY
      out.write(0x72); // TC_CLASSDESC, which becomes handle 0x7e0000
      out.writeUTF("[Ljava.lang.Object;");
      out.writeLong(OBJECT_ARRAY_UID);
      out.write(0x02); // SC_SERIALIZABLE
      out.writeShort(0); // no fields
      out.write(0x78); // TC_ENDBLOCKDATA
      out.write(0x70); // TC_NULL: no superclass
      out.writeInt(1);
      for (int i = 1; i < depth; i++) {
        out.write(0x75); // TC_ARRAY
        out.write(0x71); // TC_REFERENCE to the class descriptor
        out.writeInt(0x7e0000);
        out.writeInt(1);
      }
      out.write(0x70); // TC_NULL: the innermost element
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
