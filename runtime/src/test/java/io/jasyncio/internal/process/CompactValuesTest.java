package io.jasyncio.internal.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.InvalidObjectException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Arguments and results that are plain values (strings, boxed primitives, value records) cross
 * between the pool and its workers in {@link CompactValues}' form: they come back equal, shared
 * as Java serialization shares them, and a stream that lies about them is refused as Java
 * serialization's would be. Anything else still goes through Java serialization.
 */
class CompactValuesTest {
  private static final ClassLoader LOADER = CompactValuesTest.class.getClassLoader();

  record Pair(String q1, String q2) implements Serializable {}

  record Scored(Pair pair, int score, Integer rank) implements Serializable {}

  record Primitives(boolean z, byte b, short s, char c, int i, long l, float f, double d)
      implements Serializable {}

  record Node(int value, Node next) implements Serializable {}

  record Checked(int n) implements Serializable {
    Checked {
      if (n < 0) {
        throw new IllegalArgumentException("negative: " + n);
      }
    }
  }

  /** Resolves to one canonical instance: only Java serialization calls readResolve. */
  record Canonical(String name) implements Serializable {
    static final Canonical ONE = new Canonical("one");

    private Object readResolve() {
      return name.equals("one") ? ONE : this;
    }
  }

  record Holder(List<String> items) implements Serializable {}

  record NotSerializable(String s) {}

  @Test
  void plainValuesComeBackEqual() throws Exception {
    List<Object> values = Arrays.asList("a", 1, 2L, 3.5, 4.5f, (short) 5, (byte) 6, 'c', true,
        false, null, "", "x".repeat(30_000), new Pair("x", "y"),
        new Scored(new Pair("a", null), 7, null), new Scored(null, -1, 3),
        new Primitives(true, (byte) -2, (short) 300, 'é', Integer.MIN_VALUE, Long.MAX_VALUE,
            Float.NaN, -0.0),
        new Node(1, new Node(2, new Node(3, null))));

    List<Object> back = Payloads.readResults(Payloads.results(values), LOADER);

    assertThat(back).isEqualTo(values);
  }

  @Test
  void aStringOrRecordGivenTwiceIsOneObjectAgainAsWithJavaSerialization() throws Exception {
    String phrase = new String("how do I learn Java");
    Pair pair = new Pair(phrase, "b");
    List<Object> values = List.of(new Pair(phrase, "x"), new Pair(phrase, "y"), pair,
        new Scored(pair, 1, null), new String("same"), new String("same"));

    List<Object> back = Payloads.readResults(Payloads.results(values), LOADER);

    Pair first = (Pair) back.get(0);
    Pair second = (Pair) back.get(1);
    assertThat(first.q1()).isSameAs(second.q1());
    assertThat(((Scored) back.get(3)).pair()).isSameAs(back.get(2));
    // Equal but distinct objects stay distinct, as Java serialization keeps them.
    assertThat(back.get(4)).isEqualTo(back.get(5)).isNotSameAs(back.get(5));
  }

  @Test
  void argumentsOfATaskComeBackEqual() throws Exception {
    List<Object> arguments = List.of(new Pair("a", "b"), "c", 4);
    byte[] payload = Payloads.task(Payloads.Shape.FUNCTION,
        (io.jasyncio.SerializableFunction<Object, Object>) String::valueOf, arguments);

    Payloads.Task task = Payloads.readTask(payload, LOADER);

    assertThat(task.arguments()).isEqualTo(arguments);
    assertThat(task.run()).containsExactly("Pair[q1=a, q2=b]", "c", "4");
  }

  @Test
  void aRecordWithReadResolveStillGoesThroughJavaSerialization() throws Exception {
    List<Object> back = Payloads.readResults(
        Payloads.results(List.of(new Canonical("one"))), LOADER);

    assertThat(back.get(0)).isSameAs(Canonical.ONE);
  }

  @Test
  void aRecordHoldingAMutableObjectStillGoesThroughJavaSerialization() throws Exception {
    Holder holder = new Holder(new ArrayList<>(List.of("a", "b")));

    List<Object> back = Payloads.readResults(Payloads.results(List.of(holder, holder)), LOADER);

    assertThat(back.get(0)).isEqualTo(holder).isSameAs(back.get(1));
  }

  @Test
  void aRecordThatIsNotSerializableIsNamedAsBefore() {
    assertThatThrownBy(() -> Payloads.results(List.of(new NotSerializable("s"))))
        .isInstanceOf(NotSerializableException.class)
        .hasMessageContaining("the result (" + NotSerializable.class.getName() + ")")
        .hasMessageContaining("is not Serializable");
  }

  @Test
  void readingRunsTheCanonicalConstructorAsJavaSerializationDoes() throws Exception {
    byte[] payload = Payloads.results(List.of(new Checked(1)));
    // The record's one component is the last four bytes of the stream.
    ByteBuffer.wrap(payload).putInt(payload.length - 4, -1);

    assertThatThrownBy(() -> Payloads.readResults(payload, LOADER))
        .isInstanceOf(InvalidObjectException.class)
        .hasMessageContaining("canonical constructor of " + Checked.class.getName())
        .hasMessageContaining("negative: -1");
  }

  @Test
  void recordsNestedDeeperThanTheLimitAreRefusedWithTheLimitNamed() throws Exception {
    Node chain = null;
    for (int i = 0; i < 50; i++) {
      chain = new Node(i, chain);
    }
    byte[] payload = Payloads.results(List.of(chain));
    Limits limits = new Limits(1 << 20, 10, 1000, 1 << 20, 30);

    assertThatThrownBy(() -> Payloads.readResults(payload, LOADER, limits))
        .isInstanceOf(InvalidClassException.class)
        .hasMessageContaining("nested deeper than 10")
        .hasMessageContaining(Limits.MAX_DEPTH);
  }

  @Test
  void aForgedRecordOfAGadgetClassIsRefusedByTheFilter() throws Exception {
    byte[] payload = forged(out -> {
      out.writeByte(CompactValues.RECORD_NEW);
      out.writeUTF("javax.management.BadAttributeValueExpException");
      out.writeInt(0);
    });

    assertThatThrownBy(() -> Payloads.readResults(payload, LOADER))
        .isInstanceOf(InvalidClassException.class)
        .hasMessageContaining("known deserialization gadget");
  }

  @Test
  void aForgedRecordOfAClassThatIsNoValueRecordIsRefused() throws Exception {
    byte[] payload = forged(out -> {
      out.writeByte(CompactValues.RECORD_NEW);
      out.writeUTF(Holder.class.getName());
      out.writeInt(0);
    });

    assertThatThrownBy(() -> Payloads.readResults(payload, LOADER))
        .isInstanceOf(InvalidClassException.class)
        .hasMessageContaining("not a value record");
  }

  @Test
  void aRecordWhoseComponentsDifferFromTheWritersIsRefused() throws Exception {
    byte[] payload = forged(out -> {
      out.writeByte(CompactValues.RECORD_NEW);
      out.writeUTF(Pair.class.getName());
      out.writeInt(12345);
      out.writeByte(CompactValues.STRING);
      out.writeUTF("a");
      out.writeByte(CompactValues.STRING);
      out.writeUTF("b");
    });

    assertThatThrownBy(() -> Payloads.readResults(payload, LOADER))
        .isInstanceOf(InvalidClassException.class)
        .hasMessageContaining("components differ");
  }

  @Test
  void aComponentOfTheWrongTypeIsRefusedAsForged() throws Exception {
    byte[] honest = Payloads.results(List.of(new Scored(null, 1, 2)));
    byte[] payload = forged(out -> {
      out.writeByte(CompactValues.RECORD_NEW);
      out.writeUTF(Scored.class.getName());
      out.writeInt(signatureIn(honest));
      out.writeByte(CompactValues.NULL); // pair
      out.writeInt(1); // score
      out.writeByte(CompactValues.STRING); // rank, an Integer
      out.writeUTF("two");
    });

    assertThatThrownBy(() -> Payloads.readResults(payload, LOADER))
        .isInstanceOf(InvalidObjectException.class)
        .hasMessageContaining("corrupt or forged");
  }

  @Test
  void referencesToNothingAndUnknownTagsAreRefusedAsForged() throws Exception {
    byte[] reference = forged(out -> {
      out.writeByte(CompactValues.REF);
      out.writeInt(3);
    });
    byte[] tag = forged(out -> out.writeByte(99));

    assertThatThrownBy(() -> Payloads.readResults(reference, LOADER))
        .isInstanceOf(InvalidObjectException.class)
        .hasMessageContaining("corrupt or forged");
    assertThatThrownBy(() -> Payloads.readResults(tag, LOADER))
        .isInstanceOf(InvalidObjectException.class)
        .hasMessageContaining("unknown value tag 99");
  }

  /** The signature an honest payload of one record carries, after its class name. */
  private static int signatureIn(byte[] honest) {
    ByteBuffer b = ByteBuffer.wrap(honest);
    // Stream header (4), block data header (2), count (4), tag (1), then the UTF name.
    int at = 4 + 2 + 4 + 1;
    int nameLength = b.getShort(at) & 0xffff;
    return b.getInt(at + 2 + nameLength);
  }

  private interface Body {
    void write(ObjectOutputStream out) throws IOException;
  }

  /** A RESULTS payload of one value whose bytes {@code body} writes after the count. */
  private static byte[] forged(Body body) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeInt(1);
      body.write(out);
    }
    return bytes.toByteArray();
  }
}
