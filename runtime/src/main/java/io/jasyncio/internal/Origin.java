package io.jasyncio.internal;

import java.util.Arrays;

/**
 * Where a generated state machine comes from: the template class and method it was written as,
 * the source file, the source line of each of its states, and which lines of the generated file
 * came from which lines of the source. Each generated machine holds one in a static field; async
 * stack traces read it only when an exception is being reported, never on the hot path.
 *
 * <p>The line table is the text {@code "g:s g:s-t ..."}, its entries in ascending order of
 * {@code g}. An entry {@code g:s} says that generated line {@code g} and every line after it, up
 * to the next entry, came from source line {@code s}. An entry {@code g:s-t} is a run copied line
 * for line: generated lines {@code g}, {@code g + 1}, ... came from source lines {@code s} to
 * {@code t}, and the lines after it, up to the next entry, from {@code t}. The processor fills it in after
 * formatting the generated file, on the line that already holds this field, so writing it moves
 * no line. It is parsed once, on first use, into sorted arrays that a binary search reads.
 *
 * <p>Internal API: it changes with the processor, and only generated code should create one.
 */
public final class Origin {
  private final String className;
  private final String methodName;
  private final String fileName;
  private final String lineTable;
  private final int[] stateLines;
  /**
   * The entries of the line table, parsed on first use: generated lines, ascending, the source
   * line each starts at, and how many lines after that the run goes on line for line.
   */
  private int[] generatedLines;
  private int[] sourceLines;
  private int[] runLengths;

  private Origin(String className, String methodName, String fileName, String lineTable,
      int[] stateLines) {
    this.className = className;
    this.methodName = methodName;
    this.fileName = fileName;
    this.lineTable = lineTable;
    this.stateLines = stateLines;
  }

  /**
   * The origin of a machine for the method {@code methodName} of the class whose binary name is
   * {@code className}, written in {@code fileName}; {@code stateLines[n]} is the source line of
   * state {@code n} (for a state an await resumes, the line of that await).
   */
  public static Origin of(String className, String methodName, String fileName,
      String lineTable, int... stateLines) {
    return new Origin(className, methodName, fileName, lineTable, stateLines.clone());
  }

  /** The simple name of the {@code @Async} method. */
  public String methodName() {
    return methodName;
  }

  /** The frame of the template's method at source line {@code line}, as javac would have made it. */
  public StackTraceElement frame(int line) {
    return new StackTraceElement(className, methodName, fileName, line);
  }

  /**
   * The frame of a machine suspended in (or running an await from) {@code state}: the source line
   * of that state, which for a state resumed after an await is the line of the await.
   */
  public StackTraceElement frameAtState(int state) {
    int line = state >= 0 && state < stateLines.length ? stateLines[state] : -1;
    return frame(line);
  }

  /** The source line that generated line {@code generatedLine} came from, or -1 if none did. */
  public synchronized int sourceLine(int generatedLine) {
    if (generatedLines == null) {
      parse();
    }
    int at = Arrays.binarySearch(generatedLines, generatedLine);
    if (at < 0) {
      at = -at - 2; // the entry before the insertion point covers this line
    }
    if (at < 0) {
      return -1;
    }
    return sourceLines[at] + Math.min(generatedLine - generatedLines[at], runLengths[at]);
  }

  /**
   * Parses the table. An entry this runtime cannot read (a processor newer than it wrote it) is
   * left out, so its lines fall back to the entry before it or to the state's line: a stack
   * trace being reported must not fail.
   */
  private void parse() {
    String[] entries = lineTable.isBlank() ? new String[0] : lineTable.trim().split(" ");
    int[] generated = new int[entries.length];
    int[] source = new int[entries.length];
    int[] runs = new int[entries.length];
    int n = 0;
    for (String entry : entries) {
      try {
        int colon = entry.indexOf(':');
        int dash = entry.indexOf('-', colon);
        int g = Integer.parseInt(entry, 0, colon, 10);
        int s = Integer.parseInt(entry, colon + 1, dash < 0 ? entry.length() : dash, 10);
        int t = dash < 0 ? s : Integer.parseInt(entry, dash + 1, entry.length(), 10);
        if (t < s || (n > 0 && g <= generated[n - 1])) {
          continue;
        }
        generated[n] = g;
        source[n] = s;
        runs[n] = t - s;
        n++;
      } catch (NumberFormatException | IndexOutOfBoundsException e) {
        // not an entry this runtime reads: left out
      }
    }
    generatedLines = Arrays.copyOf(generated, n);
    sourceLines = Arrays.copyOf(source, n);
    runLengths = Arrays.copyOf(runs, n);
  }

  @Override
  public String toString() {
    return className + "." + methodName + "(" + fileName + ")";
  }
}
