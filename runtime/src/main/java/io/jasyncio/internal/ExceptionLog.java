package io.jasyncio.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code System.Logger} named {@code io.jasyncio}, asyncio's {@code logging.getLogger(
 * "asyncio")}, and the format of the default exception handler's record. Through
 * {@code System.Logger} a record reaches whatever backend the application installed: the JDK's
 * {@code java.util.logging} by default, SLF4J or Log4j through their platform-logging bridges.
 */
public final class ExceptionLog {
  /** The runtime's logger. */
  public static final Logger LOGGER = System.getLogger("io.jasyncio");

  private ExceptionLog() {}

  /**
   * Logs {@code context} at {@code ERROR} as asyncio's {@code default_exception_handler}: the
   * message (or {@code Unhandled exception in event loop}), then one {@code key: value} line per
   * other key in key order, with the exception as the record's throwable.
   */
  public static void log(Map<String, Object> context) {
    Object message = context.get("message");
    StringBuilder text = new StringBuilder(message == null || message.toString().isEmpty()
        ? "Unhandled exception in event loop" : message.toString());
    for (Map.Entry<String, Object> e : new TreeMap<>(context).entrySet()) {
      if (!e.getKey().equals("message") && !e.getKey().equals("exception")) {
        text.append('\n').append(e.getKey()).append(": ").append(e.getValue());
      }
    }
    if (context.get("exception") instanceof Throwable thrown) {
      LOGGER.log(Level.ERROR, text.toString(), thrown);
    } else {
      LOGGER.log(Level.ERROR, text.toString());
    }
  }

  /**
   * Logs that the default handler itself failed on a report, as asyncio's second layer of
   * protection ({@code Exception in default exception handler}).
   */
  public static void handlerFailed(String what, Throwable thrown) {
    LOGGER.log(Level.ERROR, what, thrown);
  }
}
