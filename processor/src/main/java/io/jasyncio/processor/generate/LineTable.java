package io.jasyncio.processor.generate;

/**
 * The line table of one machine, as its origin field holds it (the runtime's
 * {@code io.jasyncio.internal.Origin} reads it): {@code "g:s"} when generated line {@code g} and
 * those after it, up to the next entry, came from source line {@code s}; {@code "g:s-t"} when
 * generated lines {@code g}, {@code g + 1}, ... came from source lines {@code s} to {@code t}, one
 * for one, and those after it from {@code t}. Entries are written only where the source line
 * changes, and a run of lines copied line for line is one entry.
 */
final class LineTable {
  private final StringBuilder entries = new StringBuilder();
  /** The open entry: its generated line, its first and last source line; 0 when none. */
  private int generated;
  private int first;
  private int last;

  /** Records that generated line {@code line} came from source line {@code source} (0: none). */
  void add(int line, int source) {
    if (source <= 0 || (generated > 0 && source == sourceOf(line))) {
      return; // not marked, or the open entry already says so
    }
    if (generated > 0 && line == generated + (last - first) + 1 && source == last + 1) {
      last = source; // the run goes on, line for line
      return;
    }
    close();
    generated = line;
    first = source;
    last = source;
  }

  /** The source line the open entry gives generated line {@code line}. */
  private int sourceOf(int line) {
    return first + Math.min(line - generated, last - first);
  }

  private void close() {
    if (generated > 0) {
      entries.append(entries.length() == 0 ? "" : " ").append(openEntry());
      generated = 0;
    }
  }

  private String openEntry() {
    return generated + ":" + first + (last == first ? "" : "-" + last);
  }

  @Override
  public String toString() {
    if (generated == 0) {
      return entries.toString();
    }
    return entries + (entries.length() == 0 ? "" : " ") + openEntry();
  }
}
