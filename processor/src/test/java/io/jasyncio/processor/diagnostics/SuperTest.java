package io.jasyncio.processor.diagnostics;

import org.junit.jupiter.api.Test;

/**
 * {@code [jasyncio/Super]}: {@code super} in an {@code @Async} body would mean the template
 * itself once {@code AsyncFoo} overrides the method; reported on {@code super}.
 */
class SuperTest {

  @Test
  void superMethodCall() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async Coroutine<String> describe() {",
        "    String s = super.toString();",
        "    return done(s);",
        "  }",
        "}");
    s.assertOnlyError("Super", "super.toString()", "super");
  }

  @Test
  void superFieldAccess() {
    CompiledSnippet s = CompiledSnippet.compileFile("Kitchen",
        "package demo;",
        "import io.jasyncio.Coroutine;",
        "import io.jasyncio.annotations.Async;",
        "import static io.jasyncio.Asyncio.*;",
        "class Room { String label = \"room\"; }",
        "public class Kitchen extends Room {",
        "  String label = \"kitchen\";",
        "  @Async Coroutine<String> describe() {",
        "    await(sleep(1));",
        "    return done(super.label);",
        "  }",
        "}");
    s.assertOnlyError("Super", "super.label", "super");
  }

  @Test
  void interfaceQualifiedSuperCall() {
    CompiledSnippet s = CompiledSnippet.compileFile("Kitchen",
        "package demo;",
        "import io.jasyncio.Coroutine;",
        "import io.jasyncio.annotations.Async;",
        "import static io.jasyncio.Asyncio.*;",
        "interface Chef { default String cook() { return \"soup\"; } }",
        "public class Kitchen implements Chef {",
        "  @Async Coroutine<String> describe() {",
        "    String s = Chef.super.cook();",
        "    return done(s);",
        "  }",
        "}");
    s.assertOnlyErrorOnLine("Super", "Chef.super.cook()");
  }

  @Test
  void thisAndSuperOfAnAnonymousClassAreAccepted() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async Coroutine<String> describe() {",
        "    String me = this.toString();",
        "    Object inner = new Object() {",
        "      @Override public String toString() { return \"inner \" + super.toString(); }",
        "    };",
        "    await(sleep(1));",
        "    return done(me + inner);",
        "  }",
        "}");
    s.assertGenerated("demo.AsyncKitchen");
  }
}
