package io.jasyncio.internal;

/**
 * Renders values the way Python's {@code repr()} does, for asyncio-style {@code toString()}s.
 *
 * <p>{@code null} is {@code None}, booleans are {@code True}/{@code False}, strings are quoted
 * {@code 'abc'}, and a throwable reads {@code ValueError('x')}: its simple class name and message.
 */
public final class Repr {
  private Repr() {}

  /** The Python-style repr of {@code value}. */
  public static String of(Object value) {
    if (value == null) {
      return "None";
    }
    if (value instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (value instanceof CharSequence s) {
      return quote(s.toString());
    }
    if (value instanceof Throwable t) {
      String message = t.getMessage();
      return t.getClass().getSimpleName() + "(" + (message == null ? "" : quote(message)) + ")";
    }
    return String.valueOf(value);
  }

  private static String quote(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'";
  }
}
