package io.jasyncio.hazelcast;

import java.util.HashSet;
import java.util.Set;
import javax.management.BadAttributeValueExpException;

/**
 * Payloads built to hurt whoever deserializes them, and functions that send them back from a
 * member. Never hash, compare or print a SerialDOS graph: that is what takes for ever.
 */
final class Hostile {
  private Hostile() {}

  /**
   * The classic SerialDOS graph, {@code depth} levels of it: each level a {@code HashSet} holding
   * two sets that each hold the next level. Cheap to build and to write; reading it rehashes each
   * set once per path to it, 2^depth times for the innermost.
   */
  static Set<Object> serialDos(int depth) {
    Set<Object> root = new HashSet<>();
    Set<Object> s1 = root;
    Set<Object> s2 = new HashSet<>();
    for (int i = 0; i < depth; i++) {
      Set<Object> t1 = new HashSet<>();
      Set<Object> t2 = new HashSet<>();
      t1.add("foo"); // so that t1 and t2 differ, and each set holds two
      s1.add(t1);
      s1.add(t2);
      s2.add(t1);
      s2.add(t2);
      s1 = t1;
      s2 = t2;
    }
    return root;
  }

  /** Run on a member: answers with a SerialDOS graph of {@code depth} levels. */
  static Set<Object> serialDosOfDepth(int depth) {
    return serialDos(depth);
  }

  /** Run on a member: answers with a class on the gadget deny list. */
  static Object gadget(Object ignored) {
    return new BadAttributeValueExpException("gadget");
  }

  /** Run on a member: answers with {@code size} bytes. */
  static byte[] bytes(int size) {
    return new byte[size];
  }

  /** Run on a member: says whether it got something, without touching it. */
  static boolean got(Object argument) {
    return argument != null;
  }
}
