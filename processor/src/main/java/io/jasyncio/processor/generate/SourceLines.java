package io.jasyncio.processor.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * Which line of the generated file came from which line of the template, so that a frame of a
 * state machine in a stack trace can name the template's line.
 *
 * <p>The writer marks the generated text with the source line it comes from: the first line of
 * the code of each step with the step's line, and each line of code copied from the template
 * with its own line (after the line's indentation, so that indenting stays as it was). Once the
 * generated file is formatted, {@link #resolve} takes the marks out and, for each machine, writes
 * the table of its lines into the placeholder its origin field holds: on that same line, so that
 * no line moves and the table stays true. A line with several marks came from the first; a line
 * with none, from the line before it.
 */
final class SourceLines {
  private static final char MARK = '\u0001';
  private static final char PLACEHOLDER = '\u0002';

  private SourceLines() {}

  /** {@code code} with its first line marked as coming from source line {@code line}. */
  public static String mark(String code, int line) {
    return line <= 0 ? code : markOf(line) + code;
  }

  /**
   * {@code text} with each of its lines marked as coming from its source line in {@code lines}
   * (none when {@code lines} is empty; blank lines and lines of no source line are not marked).
   */
  public static String mark(String text, List<Integer> lines) {
    if (lines.isEmpty()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 8 * lines.size());
    int start = 0;
    for (int i = 0; start <= text.length(); i++) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      int indent = start;
      while (indent < end && text.charAt(indent) == ' ') {
        indent++;
      }
      out.append(text, start, indent);
      if (indent < end && i < lines.size() && lines.get(i) > 0) {
        out.append(markOf(lines.get(i)));
      }
      out.append(text, indent, end);
      if (end < text.length()) {
        out.append('\n');
      }
      start = end + 1;
    }
    return out.toString();
  }

  private static String markOf(int line) {
    return MARK + Integer.toString(line) + MARK;
  }

  /** {@code code} without its marks. */
  public static String strip(String code) {
    if (code.indexOf(MARK) < 0) {
      return code;
    }
    StringBuilder out = new StringBuilder(code.length());
    boolean inMark = false;
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == MARK) {
        inMark = !inMark;
      } else if (!inMark) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * The string literal a machine's origin field starts with: {@link #resolve} replaces it with
   * that machine's line table.
   */
  public static String placeholder() {
    return "\"" + PLACEHOLDER + "\"";
  }

  /**
   * The generated file without marks, each placeholder replaced by the line table of the code
   * that follows it up to the next placeholder (see {@link LineTable}).
   */
  public static String resolve(String file) {
    String[] lines = file.split("\n", -1);
    List<Integer> placeholders = new ArrayList<>();
    int[] source = new int[lines.length];
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int mark = line.indexOf(MARK);
      if (mark >= 0) {
        int end = line.indexOf(MARK, mark + 1);
        source[i] = Integer.parseInt(line.substring(mark + 1, end));
        lines[i] = stripTrailing(strip(line));
      }
      if (line.indexOf(PLACEHOLDER) >= 0) {
        placeholders.add(i);
      }
    }
    for (int p = 0; p < placeholders.size(); p++) {
      int from = placeholders.get(p);
      int to = p + 1 < placeholders.size() ? placeholders.get(p + 1) : lines.length;
      LineTable table = new LineTable();
      for (int i = from; i < to; i++) {
        table.add(i + 1, source[i]);
      }
      lines[from] = lines[from].replace(placeholder(), literal(table.toString()));
    }
    return String.join("\n", lines);
  }

  /**
   * The longest piece of a table written as one string literal: a class file holds a constant
   * string of at most 65,535 bytes (javac: {@code constant string too long}), and the table is
   * ASCII.
   */
  static final int MAX_LITERAL = 60_000;

  /**
   * {@code table} as a Java expression on one line: its string literal, or past
   * {@link #MAX_LITERAL} characters (a machine of thousands of states), its pieces, cut between
   * entries, joined with spaces when the class loads (a sum of literals would be one constant).
   */
  static String literal(String table) {
    if (table.length() <= MAX_LITERAL) {
      return "\"" + table + "\"";
    }
    StringBuilder out = new StringBuilder("java.lang.String.join(\" \"");
    int start = 0;
    while (start < table.length()) {
      int end = table.length();
      if (end - start > MAX_LITERAL) {
        end = table.lastIndexOf(' ', start + MAX_LITERAL);
      }
      out.append(", \"").append(table, start, end).append('"');
      start = end + 1;
    }
    return out.append(')').toString();
  }

  private static String stripTrailing(String line) {
    int end = line.length();
    while (end > 0 && line.charAt(end - 1) == ' ') {
      end--;
    }
    return line.substring(0, end);
  }
}
