package io.jasyncio.processor.scan;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import javax.tools.Diagnostic;

/**
 * The source text of one compilation unit, with replacements laid over parts of it.
 *
 * <p>Generated code keeps the user's own text (names, literals, comments inside a statement) and
 * changes only what must change: a renamed local, a qualified member, an {@code await}. A
 * replacement may itself render the text of a subtree, so replacements nest.
 */
public final class SourceText {
  private final CharSequence text;
  private final CompilationUnitTree unit;
  private final SourcePositions positions;
  private final List<Edit> edits = new ArrayList<>();

  /**
   * A replacement of the text from {@code start} to {@code end}; a wrap renders that text itself,
   * with the other edits inside it, between two strings.
   */
  private record Edit(int start, int end, Supplier<String> replacement, boolean wraps) {
    Edit(int start, int end, Supplier<String> replacement) {
      this(start, end, replacement, false);
    }
  }

  /**
   * Rendered text and the template line each of its lines came from: the line of its first
   * character, or for the lines inside a replacement that changed the number of lines, the line
   * the replacement starts on.
   */
  public record Rendered(String text, List<Integer> lines) {
    /** This text with {@code suffix} appended to its last line. */
    public Rendered plus(String suffix) {
      return new Rendered(text + suffix, lines);
    }
  }

  /** Thrown when javac kept no end positions for the unit's trees. */
  public static final class NoEndPositionsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NoEndPositionsException() {
      super("no end positions");
    }
  }

  /** The text of {@code unit}. */
  public SourceText(CompilationUnitTree unit, SourcePositions positions) {
    this.unit = unit;
    this.positions = positions;
    try {
      this.text = unit.getSourceFile().getCharContent(true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where {@code tree} starts. */
  public int start(Tree tree) {
    return (int) positions.getStartPosition(unit, tree);
  }

  /** Where {@code tree} ends (exclusive). */
  public int end(Tree tree) {
    long end = positions.getEndPosition(unit, tree);
    if (end == Diagnostic.NOPOS) {
      throw new NoEndPositionsException();
    }
    return (int) end;
  }

  /** The 1-based line on which {@code tree} starts. */
  public int line(Tree tree) {
    return (int) unit.getLineMap().getLineNumber(start(tree));
  }

  /** The 0-based column on which {@code tree} starts. */
  public int column(Tree tree) {
    return (int) unit.getLineMap().getColumnNumber(start(tree)) - 1;
  }

  /** Whether only blanks come before {@code tree} on its line. */
  public boolean startsLine(Tree tree) {
    for (int i = start(tree) - 1; i >= 0 && text.charAt(i) != '\n'; i--) {
      if (!Character.isWhitespace(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Lays {@code replacement} over the name in a declaration ({@code int state = 0} has no tree
   * for {@code state}): the first occurrence of the name as a word after the declared type.
   */
  public void replaceName(com.sun.source.tree.VariableTree v, String replacement) {
    int from = v.getType() != null && end(v.getType()) > start(v) ? end(v.getType()) : start(v);
    int to = v.getInitializer() != null ? start(v.getInitializer()) : end(v);
    String name = v.getName().toString();
    int at = indexOfWord(name, from, to);
    if (at < 0) {
      throw new IllegalStateException("no name " + name + " in its declaration");
    }
    edits.add(new Edit(at, at + name.length(), () -> replacement));
  }

  private int indexOfWord(String word, int from, int to) {
    for (int i = from; i + word.length() <= to; i++) {
      if (text.subSequence(i, i + word.length()).toString().equals(word)
          && (i == 0 || !Character.isJavaIdentifierPart(text.charAt(i - 1)))
          && (i + word.length() >= text.length()
              || !Character.isJavaIdentifierPart(text.charAt(i + word.length())))) {
        return i;
      }
    }
    return -1;
  }

  /** Lays {@code replacement} over the text of {@code tree}. */
  public void replace(Tree tree, String replacement) {
    replace(tree, () -> replacement);
  }

  /** Lays a lazily rendered replacement over the text of {@code tree}. */
  public void replace(Tree tree, Supplier<String> replacement) {
    edits.add(new Edit(start(tree), end(tree), replacement));
  }

  /**
   * Lays a lazily rendered replacement over the text from {@code from} to {@code to}, which is
   * no tree (the parentheses between a call's name and its first argument, say).
   */
  public void replaceRange(int from, int to, Supplier<String> replacement) {
    edits.add(new Edit(from, to, replacement));
  }

  /**
   * Lays {@code before} and {@code after} around the text of {@code tree}, which keeps the
   * replacements inside it, even one over the whole tree (a wrap goes outside those).
   */
  public void wrap(Tree tree, String before, String after) {
    int start = start(tree);
    int end = end(tree);
    Edit[] self = new Edit[1];
    self[0] = new Edit(start, end, () -> before + render(start, end, self[0]) + after, true);
    edits.add(self[0]);
  }

  /**
   * Whether rendering the text inside {@code wrap} leaves {@code e} out: the wrap itself, and
   * the wraps over the same text laid before it, which are applied outside it.
   */
  private boolean outside(Edit e, Edit wrap) {
    return e == wrap || (wrap != null && e.wraps() && e.start == wrap.start
        && e.end == wrap.end && laidAt(e) < laidAt(wrap));
  }

  /** Where {@code e} is among the edits, in the order they were laid. */
  private int laidAt(Edit e) {
    for (int i = 0; i < edits.size(); i++) {
      if (edits.get(i) == e) {
        return i;
      }
    }
    return -1;
  }

  /** The text of {@code tree} with the replacements inside it applied. */
  public String render(Tree tree) {
    return render(start(tree), end(tree));
  }

  /** The text of {@code tree} with replacements applied, re-indented to start at column 0. */
  public String renderStatement(Tree tree) {
    return dedent(render(tree), column(tree));
  }

  /** The text from {@code from} to {@code to} with the replacements inside it applied. */
  public String renderRange(int from, int to) {
    return render(from, to);
  }

  /** {@link #renderStatement}, with the template line of each of its lines. */
  public Rendered renderedStatement(Tree tree) {
    List<Integer> lines = new ArrayList<>();
    String text = render(start(tree), end(tree), null, lines);
    return new Rendered(dedent(text, column(tree)), List.copyOf(lines));
  }

  /** {@link #render(Tree)}, with the template line of each of its lines. */
  public Rendered rendered(Tree tree) {
    return renderedRange(start(tree), end(tree));
  }

  /** {@link #renderRange}, with the template line of each of its lines. */
  public Rendered renderedRange(int from, int to) {
    List<Integer> lines = new ArrayList<>();
    String text = render(from, to, null, lines);
    return new Rendered(text, List.copyOf(lines));
  }

  private String render(int from, int to) {
    return render(from, to, null, null);
  }

  private String render(int from, int to, Edit skip) {
    return render(from, to, skip, null);
  }

  /**
   * The text from {@code from} to {@code to} inside the wrap {@code skip}, if not null; adds the
   * template line of each of its lines to {@code lines}, if not null.
   */
  private String render(int from, int to, Edit skip, List<Integer> lines) {
    List<Edit> inside = new ArrayList<>();
    for (Edit e : edits) {
      if (e.start >= from && e.end <= to && !outside(e, skip)) {
        inside.add(e);
      }
    }
    // Outer edits first; of edits over the same text, a wrap first, since it keeps the others.
    inside.sort(Comparator.comparingInt(Edit::start)
        .thenComparing(Comparator.comparingInt(Edit::end).reversed())
        .thenComparing(e -> !e.wraps()));
    StringBuilder out = new StringBuilder();
    if (lines != null) {
      lines.add(lineOf(from));
    }
    int at = from;
    for (Edit e : inside) {
      if (e.start < at) {
        continue; // nested in an edit already applied, which renders it itself
      }
      String replacement = e.replacement.get();
      out.append(text, at, e.start).append(replacement);
      if (lines != null) {
        addLinesOf(at, e.start, lines);
        addLinesOf(e, replacement, lines);
      }
      at = e.end;
    }
    if (lines != null) {
      addLinesOf(at, to, lines);
    }
    return out.append(text, at, to).toString();
  }

  /** The 1-based line of position {@code at}. */
  private int lineOf(int at) {
    return (int) unit.getLineMap().getLineNumber(at);
  }

  /** Adds the line each line break from {@code from} to {@code to} starts. */
  private void addLinesOf(int from, int to, List<Integer> lines) {
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == '\n') {
        lines.add(lineOf(i + 1));
      }
    }
  }

  /**
   * Adds the lines {@code replacement} of {@code e} starts: the lines of the text it replaced
   * when it has as many (a name edited, a subtree rendered again), else the line {@code e}
   * starts on for each.
   */
  private void addLinesOf(Edit e, String replacement, List<Integer> lines) {
    int breaks = (int) replacement.chars().filter(c -> c == '\n').count();
    int replaced = (int) text.subSequence(e.start, e.end).chars().filter(c -> c == '\n').count();
    if (breaks == replaced) {
      addLinesOf(e.start, e.end, lines);
    } else {
      for (int i = 0; i < breaks; i++) {
        lines.add(lineOf(e.start));
      }
    }
  }

  /**
   * Removes the same number of leading blanks from every line but the first: the statement's
   * column, or less if a line (of a text block, say) starts further left. Removing one amount
   * from every line keeps a text block's content, which depends on relative indentation.
   */
  static String dedent(String s, int column) {
    String[] lines = s.split("\n", -1);
    int cut = column;
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      if (!line.isBlank()) {
        int blanks = 0;
        while (blanks < line.length() && line.charAt(blanks) == ' ') {
          blanks++;
        }
        cut = Math.min(cut, blanks);
      }
    }
    StringBuilder out = new StringBuilder(lines[0]);
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      out.append('\n').append(line.substring(Math.min(cut, leadingBlanks(line))));
    }
    return out.toString();
  }

  private static int leadingBlanks(String line) {
    int n = 0;
    while (n < line.length() && line.charAt(n) == ' ') {
      n++;
    }
    return n;
  }
}
