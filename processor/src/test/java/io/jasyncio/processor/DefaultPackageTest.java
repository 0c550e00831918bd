package io.jasyncio.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * A class in the unnamed package: the generated class cannot import its member types (no import
 * names a class of the unnamed package), so the copied code names them through their outer
 * class. They did not compile ({@code cannot find symbol class ParseError}).
 */
class DefaultPackageTest {

  @Test
  void memberTypesOfTheClassAndItsSuperclassAreFoundInEveryPosition() throws Throwable {
    Compilation c = Snippets.compile(
        Snippets.source("Base",
            "public class Base {",
            "  static class Inherited { static int twice(int x) { return 2 * x; } }",
            "}"),
        Snippets.source("Parser",
            "import io.jasyncio.Coroutine;",
            "import io.jasyncio.annotations.Async;",
            "import java.util.*;",
            "import static io.jasyncio.Asyncio.*;",
            "public class Parser extends Base {",
            "  @SuppressWarnings(\"serial\")",
            "  static class ParseError extends RuntimeException {",
            "    ParseError(String m) { super(m); }",
            "  }",
            "  enum Kind { WORD, NUMBER }",
            "  @Async static Coroutine<String> parse(String s) {",
            "    await(sleep(1));",
            "    List<Kind> kinds = new ArrayList<>();",
            "    try {",
            "      if (s.isEmpty()) throw new ParseError(\"empty\");",
            "      Kind k = Character.isDigit(s.charAt(0)) ? Kind.NUMBER : Kind.WORD;",
            "      kinds.add(k);",
            "      await(sleep(1));",
            "      Object o = k;",
            "      int n = o instanceof Kind kind ? Inherited.twice(kind.ordinal()) : -1;",
            "      return done(kinds + \" \" + n + \" \" + ParseError.class.getSimpleName());",
            "    } catch (ParseError e) {",
            "      await(sleep(1));",
            "      return done(\"error \" + e.getMessage());",
            "    }",
            "  }",
            "}"));
    assertThat(c).succeededWithoutWarnings();
    assertThat(LoopRun.staticCall(c, "AsyncParser", "parse", "7").result())
        .isEqualTo("[NUMBER] 2 ParseError");
    assertThat(LoopRun.staticCall(c, "AsyncParser", "parse", "").result())
        .isEqualTo("error empty");
  }
}
