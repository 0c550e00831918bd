package io.jasyncio;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures what the runtime logs on {@code io.jasyncio}, through {@code java.util.logging}: the
 * JDK's default backend of {@code System.Logger}, where the runtime logs. Records do not reach
 * the console meanwhile.
 */
final class LoggedRecords implements AutoCloseable {
  /** Held here: java.util.logging keeps its loggers only weakly. */
  private final Logger logger = Logger.getLogger("io.jasyncio");
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final boolean parentHandlers = logger.getUseParentHandlers();
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord record) {
      records.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  private LoggedRecords() {
    logger.addHandler(handler);
    logger.setUseParentHandlers(false);
  }

  /** Starts capturing; {@link #close()} stops. */
  static LoggedRecords capture() {
    return new LoggedRecords();
  }

  /** The records logged so far, oldest first. */
  List<LogRecord> records() {
    return List.copyOf(records);
  }

  /** Each record as {@code LEVEL: message}, then its throwable's stack trace, if any. */
  String text() {
    StringBuilder text = new StringBuilder();
    for (LogRecord r : records) {
      text.append(r.getLevel()).append(": ").append(r.getMessage()).append('\n');
      if (r.getThrown() != null) {
        StringWriter trace = new StringWriter();
        r.getThrown().printStackTrace(new PrintWriter(trace, true));
        text.append(trace);
      }
    }
    return text.toString();
  }

  @Override
  public void close() {
    logger.removeHandler(handler);
    logger.setUseParentHandlers(parentHandlers);
  }
}
