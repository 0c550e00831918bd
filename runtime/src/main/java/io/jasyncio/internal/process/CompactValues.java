package io.jasyncio.internal.process;

import java.io.IOException;
import java.io.InvalidClassException;
import java.io.InvalidObjectException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The arguments and results of pool tasks, written compactly when they are plain values: strings,
 * boxed primitives and value records ({@link RecordShape}) go as a tag and their data in the
 * block data of the payload's object stream, a record's class named once per payload; anything
 * else goes through {@code writeObject}, in the same stream, as before.
 *
 * <p>Why: a pool's tasks are mostly such values (the demo's pairs of phrases and its matches),
 * and Java serialization of a record costs the pool and every fresh worker JVM its large reading
 * and writing code, run cold and compiled anew in each, on top of the descriptors it writes. This
 * code is small, so a new worker reaches speed sooner, and its output is shorter.
 *
 * <p>Reading applies the payload's filter to each record as Java serialization would (its class,
 * the nesting depth, the count of values read, the bytes read so far), refuses a record class
 * without a shape or whose components differ from the writer's, and makes each record through
 * its canonical constructor, as Java serialization does; the caller turns the errors of a stream
 * too deep or too large into exceptions.
 *
 * <p>Internal API: {@link Payloads} writes and reads with it, and so does the cluster module's
 * reader, which brings filters of its own.
 */
public final class CompactValues {
  static final byte NULL = 0;
  /** {@code writeObject} follows. */
  static final byte OBJECT = 1;
  static final byte STRING = 2;
  /** A string too long for {@code writeUTF}: {@code writeObject} follows. */
  static final byte LONG_STRING = 3;
  static final byte INT = 4;
  static final byte LONG = 5;
  static final byte DOUBLE = 6;
  static final byte FLOAT = 7;
  static final byte SHORT = 8;
  static final byte BYTE = 9;
  static final byte CHAR = 10;
  static final byte TRUE = 11;
  static final byte FALSE = 12;
  /** A record of a class not named yet in this payload: its name, signature, components. */
  static final byte RECORD_NEW = 13;
  /** A record of a class named before: its number in this payload, then its components. */
  static final byte RECORD = 14;
  /** A string or record written before in this payload: its number among them follows. */
  static final byte REF = 15;

  /** Chars {@code writeUTF} always takes: at most 3 bytes each, 65,535 bytes in all. */
  private static final int MAX_UTF_CHARS = 65_535 / 3;

  private CompactValues() {}

  /** Writes values into one payload's stream. */
  static final class Writer {
    private final ObjectOutputStream out;
    private final Map<Class<?>, Integer> named = new IdentityHashMap<>();
    /**
     * The strings and records written so far, numbered in the order the reader gets them: one
     * written again is a reference, as in Java serialization, so a phrase shared by a thousand
     * pairs crosses once and is one string again on the other side.
     */
    private final Map<Object, Integer> written = new IdentityHashMap<>();

    Writer(ObjectOutputStream out) {
      this.out = out;
    }

    /** Writes {@code value}: compactly if it is a plain value, else with writeObject. */
    void write(Object value) throws IOException {
      if (value == null) {
        out.writeByte(NULL);
        return;
      }
      Class<?> type = value.getClass();
      if (RecordShape.isBoxed(type)) {
        writeBoxed(value);
        return;
      }
      RecordShape shape = RecordShape.of(type);
      if (shape == null) {
        out.writeByte(OBJECT);
        out.writeObject(value);
        return;
      }
      if (writtenBefore(value)) {
        return;
      }
      Integer number = named.get(type);
      if (number == null) {
        named.put(type, named.size());
        out.writeByte(RECORD_NEW);
        out.writeUTF(type.getName());
        out.writeInt(shape.signature);
      } else {
        out.writeByte(RECORD);
        out.writeInt(number);
      }
      writeComponents(shape, value);
      written.put(value, written.size());
    }

    /** Writes a reference if {@code value} was written before. */
    private boolean writtenBefore(Object value) throws IOException {
      Integer number = written.get(value);
      if (number == null) {
        return false;
      }
      out.writeByte(REF);
      out.writeInt(number);
      return true;
    }

    private void writeBoxed(Object value) throws IOException {
      if (value instanceof String s) {
        if (writtenBefore(s)) {
          return;
        }
        written.put(s, written.size());
        if (s.length() <= MAX_UTF_CHARS) {
          out.writeByte(STRING);
          out.writeUTF(s);
        } else {
          out.writeByte(LONG_STRING);
          out.writeObject(s);
        }
      } else if (value instanceof Integer i) {
        out.writeByte(INT);
        out.writeInt(i);
      } else if (value instanceof Long l) {
        out.writeByte(LONG);
        out.writeLong(l);
      } else if (value instanceof Double d) {
        out.writeByte(DOUBLE);
        out.writeDouble(d);
      } else if (value instanceof Float f) {
        out.writeByte(FLOAT);
        out.writeFloat(f);
      } else if (value instanceof Short s) {
        out.writeByte(SHORT);
        out.writeShort(s);
      } else if (value instanceof Byte b) {
        out.writeByte(BYTE);
        out.writeByte(b);
      } else if (value instanceof Character c) {
        out.writeByte(CHAR);
        out.writeChar(c);
      } else {
        out.writeByte((Boolean) value ? TRUE : FALSE);
      }
    }

    private void writeComponents(RecordShape shape, Object record) throws IOException {
      RecordShape.Kind[] kinds = shape.kinds;
      for (int i = 0; i < kinds.length; i++) {
        Object v;
        try {
          v = (Object) shape.accessors[i].invokeExact(record);
        } catch (Throwable e) {
          throw new IllegalStateException("a field getter cannot throw", e);
        }
        switch (kinds[i]) {
          case BOOLEAN -> out.writeBoolean((Boolean) v);
          case BYTE -> out.writeByte((Byte) v);
          case SHORT -> out.writeShort((Short) v);
          case CHAR -> out.writeChar((Character) v);
          case INT -> out.writeInt((Integer) v);
          case LONG -> out.writeLong((Long) v);
          case FLOAT -> out.writeFloat((Float) v);
          case DOUBLE -> out.writeDouble((Double) v);
          case BOXED -> {
            if (v == null) {
              out.writeByte(NULL);
            } else {
              writeBoxed(v);
            }
          }
          case RECORD -> {
            if (v == null) {
              out.writeByte(NULL);
            } else if (!writtenBefore(v)) {
              out.writeByte(RECORD);
              writeComponents(RecordShape.of(shape.componentTypes[i]), v);
              written.put(v, written.size());
            }
          }
        }
      }
    }
  }

  /** Reads the values of one payload's stream, as {@link Writer} wrote them. */
  public static final class Reader {
    private final ObjectInputStream in;
    private final ObjectInputFilter filter;
    private final ClassLoader loader;
    private final LongSupplier bytesRead;
    private final List<RecordShape> named = new ArrayList<>();
    /** The strings and records read so far, in order: what a REF tag refers to. */
    private final List<Object> read = new ArrayList<>();
    private long values;

    /**
     * A reader of {@code in}, checking each record with {@code filter}, resolving record classes
     * with {@code loader}; {@code bytesRead} tells how far into the payload the stream is.
     */
    public Reader(ObjectInputStream in, ObjectInputFilter filter, ClassLoader loader,
        LongSupplier bytesRead) {
      this.in = in;
      this.filter = filter;
      this.loader = loader;
      this.bytesRead = bytesRead;
    }

    /**
     * Reads one value; a record the filter rejects throws {@code InvalidClassException}, a stream
     * that does not hold what the writer writes throws {@code InvalidObjectException}.
     */
    public Object read() throws IOException, ClassNotFoundException {
      byte tag = in.readByte();
      switch (tag) {
        case OBJECT:
          return in.readObject();
        case RECORD_NEW: {
          String name = in.readUTF();
          int signature = in.readInt();
          RecordShape shape = shapeNamed(name, signature);
          named.add(shape);
          return readComponents(shape, 1);
        }
        case RECORD: {
          int number = in.readInt();
          if (number < 0 || number >= named.size()) {
            throw new InvalidObjectException("a record of class number " + number + ", but only "
                + named.size() + " were named: a corrupt or forged stream");
          }
          return readComponents(named.get(number), 1);
        }
        case REF:
          return readReference();
        default:
          return readBoxed(tag);
      }
    }

    private Object readBoxed(byte tag) throws IOException, ClassNotFoundException {
      values++;
      switch (tag) {
        case NULL:
          return null;
        case STRING: {
          String s = in.readUTF();
          read.add(s);
          return s;
        }
        case LONG_STRING: {
          Object s = in.readObject();
          if (!(s instanceof String)) {
            throw new InvalidObjectException("a long string tag followed by a "
                + (s == null ? "null" : s.getClass().getName()));
          }
          read.add(s);
          return s;
        }
        case REF:
          return readReference();
        case INT:
          return in.readInt();
        case LONG:
          return in.readLong();
        case DOUBLE:
          return in.readDouble();
        case FLOAT:
          return in.readFloat();
        case SHORT:
          return in.readShort();
        case BYTE:
          return in.readByte();
        case CHAR:
          return in.readChar();
        case TRUE:
          return Boolean.TRUE;
        case FALSE:
          return Boolean.FALSE;
        default:
          throw new InvalidObjectException("unknown value tag " + tag
              + ": a corrupt or forged stream");
      }
    }

    private RecordShape shapeNamed(String name, int signature)
        throws IOException, ClassNotFoundException {
      Class<?> type = Class.forName(name, false, loader);
      check(type, 1);
      RecordShape shape = RecordShape.of(type);
      if (shape == null) {
        throw new InvalidClassException(name, "not a value record, so it cannot be read as one:"
            + " a corrupt or forged stream");
      }
      if (shape.signature != signature) {
        throw new InvalidClassException(name, "its components differ between the two JVMs");
      }
      return shape;
    }

    private Object readComponents(RecordShape shape, int depth)
        throws IOException, ClassNotFoundException {
      values++;
      check(shape.type, depth);
      RecordShape.Kind[] kinds = shape.kinds;
      Object[] args = new Object[kinds.length];
      for (int i = 0; i < kinds.length; i++) {
        args[i] = switch (kinds[i]) {
          case BOOLEAN -> in.readBoolean();
          case BYTE -> in.readByte();
          case SHORT -> in.readShort();
          case CHAR -> in.readChar();
          case INT -> in.readInt();
          case LONG -> in.readLong();
          case FLOAT -> in.readFloat();
          case DOUBLE -> in.readDouble();
          case BOXED -> readBoxed(in.readByte());
          case RECORD -> readRecordComponent(shape.componentTypes[i], depth + 1);
        };
      }
      Object record;
      try {
        record = shape.constructor.invokeExact(args);
      } catch (ClassCastException e) {
        InvalidObjectException wrong = new InvalidObjectException("a " + shape.type.getName()
            + " whose components do not have their types: a corrupt or forged stream");
        wrong.initCause(e);
        throw wrong;
      } catch (VirtualMachineError e) {
        throw e;
      } catch (Throwable e) {
        // As Java serialization reports a record whose canonical constructor throws.
        InvalidObjectException failed = new InvalidObjectException("the canonical constructor of "
            + shape.type.getName() + " threw " + e);
        failed.initCause(e);
        throw failed;
      }
      read.add(record);
      return record;
    }

    /** A component of a record type: null, a record, or a reference to one read before. */
    private Object readRecordComponent(Class<?> type, int depth)
        throws IOException, ClassNotFoundException {
      byte tag = in.readByte();
      switch (tag) {
        case NULL:
          return null;
        case RECORD:
          return readComponents(RecordShape.of(type), depth);
        case REF: {
          Object r = readReference();
          if (r.getClass() != type) {
            throw new InvalidObjectException("a reference to a " + r.getClass().getName()
                + " where a " + type.getName() + " goes: a corrupt or forged stream");
          }
          return r;
        }
        default:
          throw new InvalidObjectException("unknown record tag " + tag
              + ": a corrupt or forged stream");
      }
    }

    private Object readReference() throws IOException {
      values++;
      int number = in.readInt();
      if (number < 0 || number >= read.size()) {
        throw new InvalidObjectException("a reference to value " + number + ", but only "
            + read.size() + " were read: a corrupt or forged stream");
      }
      return read.get(number);
    }

    /** Asks the filter about one record, as Java serialization asks it about each object. */
    private void check(Class<?> type, long depth) throws InvalidClassException {
      long streamBytes = bytesRead.getAsLong();
      long references = values;
      ObjectInputFilter.FilterInfo info = new ObjectInputFilter.FilterInfo() {
        @Override
        public Class<?> serialClass() {
          return type;
        }

        @Override
        public long arrayLength() {
          return -1;
        }

        @Override
        public long depth() {
          return depth;
        }

        @Override
        public long references() {
          return references;
        }

        @Override
        public long streamBytes() {
          return streamBytes;
        }
      };
      if (filter.checkInput(info) == ObjectInputFilter.Status.REJECTED) {
        throw new InvalidClassException(type.getName(), "filter status: REJECTED");
      }
    }
  }
}
