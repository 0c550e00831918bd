package io.jasyncio.internal.process;

/**
 * Reads the whole-number system properties that configure a process pool, with one message for
 * a value that is not one.
 */
public final class SystemProperty {
  private SystemProperty() {}

  /**
   * The property {@code name} as a whole number ({@code _} allowed between digits), or
   * {@code fallback} if it is not set.
   *
   * @throws IllegalArgumentException if it is set to something else, or to less than
   *     {@code least}
   */
  public static long wholeNumber(String name, long fallback, long least) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    long n;
    try {
      n = Long.parseLong(value.strip().replace("_", ""));
    } catch (NumberFormatException e) {
      n = least - 1;
    }
    if (n < least) {
      throw new IllegalArgumentException("the system property " + name
          + " must be a whole number of at least " + least + ", not '" + value + "'");
    }
    return n;
  }
}
