package io.jasyncio.processor.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Marking generated text with its source lines, and the line table made of the marks. */
class SourceLinesTest {
  @Test
  void eachLineOfCopiedCodeIsMarkedAfterItsIndentationBlankLinesNot() {
    String marked = SourceLines.mark("if (x) {\n\n  fail();\n}", List.of(7, 8, 9, 10));

    assertThat(marked).isEqualTo(
        "\u00017\u0001if (x) {\n\n  \u00019\u0001fail();\n\u000110\u0001}");
    assertThat(SourceLines.strip(marked)).isEqualTo("if (x) {\n\n  fail();\n}");
  }

  @Test
  void codeOfNoKnownLinesIsLeftAsItIs() {
    assertThat(SourceLines.mark("state = 3;\ncontinue dispatch;", List.of()))
        .isEqualTo("state = 3;\ncontinue dispatch;");
  }

  @Test
  void theTableTakesTheFirstMarkOfALineAndRunsOfLinesCopiedLineForLine() {
    String file = String.join("\n",
        "static final Origin ORIGIN = Origin.of(" + SourceLines.placeholder() + ");",
        "void resume() {",
        SourceLines.mark(SourceLines.mark("if (x) {\n  fail();\n}", List.of(7, 8, 9)), 7),
        "  state = 3;",
        SourceLines.mark("return;", 12) + SourceLines.mark("done;", 13),
        "}");

    String resolved = SourceLines.resolve(file);

    assertThat(resolved).isEqualTo(String.join("\n",
        "static final Origin ORIGIN = Origin.of(\"3:7-9 7:12\");",
        "void resume() {",
        "if (x) {",
        "  fail();",
        "}",
        "  state = 3;",
        "return;done;",
        "}"));
  }

  /**
   * A class file holds a constant string of at most 65,535 bytes: a longer table (a machine of
   * thousands of states) is written as pieces joined when the class loads, on the same line.
   */
  @Test
  void aTableTooLongForOneConstantIsJoinedFromPieces() {
    StringBuilder table = new StringBuilder();
    for (int g = 1; table.length() <= 2 * SourceLines.MAX_LITERAL; g++) {
      table.append(table.length() == 0 ? "" : " ").append(g).append(':').append(g + 100);
    }

    String literal = SourceLines.literal(table.toString());

    assertThat(literal).startsWith("java.lang.String.join(\" \", \"1:101 2:102 ").endsWith("\")")
        .doesNotContain("\n");
    List<String> pieces = List.of(literal.substring("java.lang.String.join(\" \", \"".length(),
        literal.length() - 2).split("\", \""));
    assertThat(pieces).hasSize(3).allSatisfy(p -> assertThat(p.length())
        .isLessThanOrEqualTo(SourceLines.MAX_LITERAL));
    assertThat(String.join(" ", pieces)).isEqualTo(table.toString());
    assertThat(SourceLines.literal("1:10-12 6:20")).isEqualTo("\"1:10-12 6:20\"");
  }

  @Test
  void aLineTableWritesAnEntryOnlyWhereTheSourceLineChanges() {
    LineTable table = new LineTable();
    table.add(1, 10);
    table.add(2, 11);
    table.add(3, 12);
    table.add(4, 0);
    table.add(5, 12);
    table.add(6, 20);
    table.add(7, 20);
    table.add(9, 21);
    table.add(10, 5);

    assertThat(table).hasToString("1:10-12 6:20 9:21 10:5");
  }
}
