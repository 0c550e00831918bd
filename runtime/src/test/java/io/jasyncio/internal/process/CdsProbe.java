package io.jasyncio.internal.process;

import io.jasyncio.SerializableFunction;

/**
 * A task for {@link ClassDataSharingTest}'s workers, whose class path is a jar of the runtime
 * and this class alone: it refers to nothing of the tests.
 */
final class CdsProbe {
  private CdsProbe() {}

  /** The function, made here so that this class, not the test's, deserializes it. */
  static SerializableFunction<Object, Object> length() {
    return CdsProbe::lengthOf;
  }

  private static Object lengthOf(Object s) {
    return String.valueOf(s).length();
  }
}
