package io.jasyncio.processor.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Comments, odd layout and literals that look like code survive the copy into the machine. */
class FormattingTest {

  private static final Probe ODD = Probe.compile("Odd",
      "public class Odd {",
      "  @Async static Coroutine<Integer> twice(int x) { await(sleep(1)); return done(2 * x); }",
      "  @Async static Coroutine<String> odd(int x) {",
      "    String s = \"await(sleep(99)); return done(\\\"no\\\");\";",
      "    int   y   =   await(   // a comment after the parenthesis",
      "        twice(  x  )  /* inner */ )",
      "        ;",
      "    int /* between */ z /* tokens */ = /* here */ await /* odd */ ( twice ( y ) ) ;",
      "    String multi = s",
      "        + \"|\"   // a line comment inside the statement",
      "        + y",
      "  + \"|\" + z;   // a continuation line left of the statement",
      "    await",
      "      (",
      "        sleep(1)",
      "      )",
      "      ;  // a trailing comment",
      "    char quote = '\"';",
      "    String url = \"http://x//y /* not a comment */\";",
      "    String unicode = \"\\u0041\\t\";",
      "    /* a block comment",
      "       over two lines */",
      "    z = await(twice(z)) // trailing",
      "    ;",
      "    return done( /* c */ multi + quote + url + unicode + z /* d */ );",
      "  }",
      "  @Async static Coroutine<String> text() {",
      "    await(sleep(1));",
      "    String block = \"\"\"",
      "        await(this) and return done(that);",
      "          indented \"quotes\" and \\\"\"\"",
      "        \"\"\";",
      "    return done(block);",
      "  }",
      "  @Async static Coroutine<String> texts() {",
      "    String early = \"\"\"",
      "        before\"\"\";",
      "    await(sleep(1));",
      "    return done(early + \"\"\"",
      "         after",
      "        \"\"\");",
      "  }",
      "}");

  @Test
  void commentsLayoutAndCodeLikeStringsSurvive() throws Throwable {
    Probe.Run run = ODD.assertClean().runStatic("AsyncOdd", "odd", 3);
    assertThat(run.result()).isEqualTo(
        "await(sleep(99)); return done(\"no\");|6|12\"http://x//y /* not a comment */A\t24");
    assertThat(run.time()).isEqualTo(4.0);
  }

  @Test
  void textBlockContainingCodeSurvives() throws Throwable {
    Probe.Run run = ODD.assertClean().runStatic("AsyncOdd", "text");
    assertThat(run.result())
        .isEqualTo("await(this) and return done(that);\n  indented \"quotes\" and \"\"\"\n");
  }

  @Test
  void textBlocksHoistedAndInAReturnSurvive() throws Throwable {
    assertThat(ODD.assertClean().runStatic("AsyncOdd", "texts").result())
        .isEqualTo("before after\n");
  }

  @Test
  void textBlockWithLinesLeftOfTheStatementKeepsItsIndentation() throws Throwable {
    Probe p = Probe.compile("Sql",
        "public class Sql {",
        "  @Async static Coroutine<String> query() {",
        "    await(sleep(1));",
        "    String sql = \"\"\"",
        "SELECT *",
        "  FROM t",
        "\"\"\";",
        "    return done(sql);",
        "  }",
        "}");
    assertThat(p.assertClean().runStatic("AsyncSql", "query").result())
        .isEqualTo("SELECT *\n  FROM t\n");
  }
}
