package io.jasyncio.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * A method reference to a static {@code @Async} method inside an {@code @Async} body means the
 * generated method, as a call does ({@code Kitchen::price} becomes {@code AsyncKitchen::price});
 * it ran the template and failed at run time. (Outside a body it is a {@code TemplateCall}
 * error, in {@code TemplateCallTest}.)
 */
class MethodReferenceTest {

  @Test
  void aReferenceToAStaticTemplateInABodyCallsTheGeneratedMethod() throws Throwable {
    Compilation c = Snippets.compile(Snippets.source("demo.Kitchen",
        "package demo;",
        "import io.jasyncio.Coroutine;",
        "import io.jasyncio.annotations.Async;",
        "import java.util.*;",
        "import java.util.function.*;",
        "import static io.jasyncio.Asyncio.*;",
        "public class Kitchen {",
        "  @Async static Coroutine<Integer> price(String item) {",
        "    await(sleep(1));",
        "    return done(item.length());",
        "  }",
        "  @Async static Coroutine<Integer> total(List<String> items) {",
        "    Function<String, Coroutine<Integer>> pricing = Kitchen::price;",
        "    List<Coroutine<Integer>> prices = items.stream().map(Kitchen::price).toList();",
        "    int sum = await(pricing.apply(\"tea\"));",
        "    for (Coroutine<Integer> p : prices) {",
        "      sum += await(p);",
        "    }",
        "    return done(sum);",
        "  }",
        "}"));
    assertThat(c).succeededWithoutWarnings();
    LoopRun run = LoopRun.staticCall(c, "demo.AsyncKitchen", "total",
        java.util.List.of("soup", "bread"));
    assertThat(run.result()).isEqualTo(12);
    assertThat(run.time()).isEqualTo(3.0);
  }
}
