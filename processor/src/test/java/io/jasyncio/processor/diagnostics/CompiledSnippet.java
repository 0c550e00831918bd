package io.jasyncio.processor.diagnostics;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import io.jasyncio.processor.Snippets;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.JavaFileObject;

/**
 * One source file compiled with the processor, and the checks every diagnostic test makes on it:
 * the tag, the line and column, that it is the only error, and that nothing was generated.
 *
 * <p>Columns are computed from the snippet's own text, so a test names the code the caret must
 * point at instead of counting characters. javac places a method call at its opening
 * parenthesis, a declaration at its name, a class at its {@code class}/{@code record}/{@code enum}
 * keyword, and any other tree at its first character.
 */
final class CompiledSnippet {
  /** The lines every snippet made by {@link #compile} starts with. */
  static final List<String> HEADER = List.of(
      "package demo;",
      "import io.jasyncio.Coroutine;",
      "import io.jasyncio.annotations.Async;",
      "import java.util.*;",
      "import java.util.function.*;",
      "import static io.jasyncio.Asyncio.*;");

  /** The {@link #HEADER}, then {@code body}: a whole source file of package {@code demo}. */
  static List<String> withHeader(String... body) {
    List<String> all = new ArrayList<>(HEADER);
    all.addAll(List.of(body));
    return all;
  }

  private final List<String> lines;
  private final JavaFileObject file;
  private final Compilation compilation;

  private CompiledSnippet(List<String> lines, JavaFileObject file, Compilation compilation) {
    this.lines = lines;
    this.file = file;
    this.compilation = compilation;
  }

  /** Compiles {@code demo.<className>}: the {@link #HEADER}, then {@code body}. */
  static CompiledSnippet compile(String className, String... body) {
    List<String> all = new ArrayList<>(HEADER);
    all.addAll(List.of(body));
    return compileFile(className, all.toArray(String[]::new));
  }

  /** Compiles {@code demo.<className>} whose whole text is {@code lines}. */
  static CompiledSnippet compileFile(String className, String... lines) {
    JavaFileObject file = Snippets.source("demo." + className, lines);
    return new CompiledSnippet(List.of(lines), file, Snippets.compile(file));
  }

  /** Wraps a compilation made some other way (another class path, say). */
  static CompiledSnippet of(List<String> lines, JavaFileObject file, Compilation compilation) {
    return new CompiledSnippet(List.copyOf(lines), file, compilation);
  }

  Compilation compilation() {
    return compilation;
  }

  JavaFileObject file() {
    return file;
  }

  /**
   * The only error is {@code [jasyncio/<tag>]}, on the line containing {@code lineText}, at the
   * first character of {@code columnText} on that line; nothing was generated.
   */
  void assertOnlyError(String tag, String lineText, String columnText) {
    assertError(tag, lineText, columnOf(lineText, columnText));
  }

  /**
   * The only error is {@code [jasyncio/<tag>]}, on the call {@code callText} (for example
   * {@code "await(sleep"}) on the line containing {@code lineText}; javac places a call at its
   * opening parenthesis. Nothing was generated.
   */
  void assertOnlyErrorAtCall(String tag, String lineText, String callText) {
    int paren = callText.indexOf('(');
    assertThat(paren).as("a call text has a parenthesis: %s", callText).isPositive();
    assertError(tag, lineText, columnOf(lineText, callText) + paren);
  }

  /**
   * The only error is {@code [jasyncio/<tag>]} on the line containing {@code lineText}, column
   * unchecked; nothing was generated. For bugs whose fix may choose the exact tree.
   */
  void assertOnlyErrorOnLine(String tag, String lineText) {
    assertOnlyErrorContainingOnLine("[jasyncio/" + tag + "]", lineText);
  }

  /**
   * The only error is some {@code [jasyncio/...]} error on the line containing {@code lineText};
   * nothing was generated. For bugs whose fix may choose the tag.
   */
  void assertOnlyProcessorErrorOnLine(String lineText) {
    assertOnlyErrorContainingOnLine("[jasyncio/", lineText);
  }

  private void assertOnlyErrorContainingOnLine(String text, String lineText) {
    assertThat(compilation).hadErrorContaining(text)
        .inFile(file)
        .onLineContaining(lineText);
    assertThat(compilation).hadErrorCount(1);
    assertNothingGenerated();
  }

  private void assertError(String tag, String lineText, long column) {
    assertThat(compilation).hadErrorContaining("[jasyncio/" + tag + "]")
        .inFile(file)
        .onLine(lineOf(lineText))
        .atColumn(column);
    assertThat(compilation).hadErrorCount(1);
    assertNothingGenerated();
  }

  /**
   * The error names {@code term}: the construct it is about, or a name from the user's code,
   * where a tag has several texts and the test is about which one. Not the wording around it.
   */
  void assertErrorMentions(String term) {
    assertThat(compilation).hadErrorContaining(term);
  }

  /** The compilation succeeded without warnings and generated {@code generatedClass}. */
  void assertGenerated(String generatedClass) {
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile(generatedClass);
  }

  /** The processor wrote no source file at all. */
  void assertNothingGenerated() {
    assertThat(generatedSources(compilation))
        .as("sources generated despite %s", compilation.errors())
        .isEmpty();
  }

  /** The 1-based number of the one line of the snippet containing {@code lineText}. */
  long lineOf(String lineText) {
    List<String> all = List.of(String.join("\n", lines).split("\n", -1));
    List<Integer> hits = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).contains(lineText)) {
        hits.add(i + 1);
      }
    }
    assertThat(hits).as("lines containing %s", lineText).hasSize(1);
    return hits.get(0);
  }

  /** The 1-based column where {@code text} starts on the one line containing {@code lineText}. */
  long columnOf(String lineText, String text) {
    String line = String.join("\n", lines).split("\n", -1)[(int) lineOf(lineText) - 1];
    int at = line.indexOf(text);
    assertThat(at).as("%s on line %s", text, line).isNotNegative();
    assertThat(line.indexOf(text, at + 1)).as("%s once on line %s", text, line).isNegative();
    return at + 1;
  }

  /**
   * The names of the source files the processor wrote. {@link Compilation#generatedSourceFiles()}
   * refuses to answer for a failed compilation, which is exactly where "nothing was generated"
   * must be checked, so this reads the list behind it (compile-testing 0.23.0 keeps every
   * generated file in the field {@code generatedFiles}, whatever the status).
   */
  static List<String> generatedSources(Compilation compilation) {
    List<?> files;
    if (compilation.status() == Compilation.Status.SUCCESS) {
      files = compilation.generatedSourceFiles();
    } else {
      try {
        Field field = Compilation.class.getDeclaredField("generatedFiles");
        field.setAccessible(true);
        files = (List<?>) field.get(compilation);
      } catch (ReflectiveOperationException e) {
        throw new AssertionError("compile-testing changed: cannot list generated files", e);
      }
    }
    return files.stream()
        .map(JavaFileObject.class::cast)
        .filter(f -> f.getKind() == JavaFileObject.Kind.SOURCE)
        .map(JavaFileObject::getName)
        .collect(Collectors.toList());
  }
}
