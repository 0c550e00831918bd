package io.jasyncio.processor.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jasyncio.processor.model.Chain;
import io.jasyncio.processor.model.Expr;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The writer spells an expression's chain of continuations with the runtime's protocol. */
class ChainWriterTest {
  private static Expr code(String java) {
    return new Expr.Code(java);
  }

  @Test
  void anAwaitHandsItsValueToTheRestOnTheNextLine() {
    Chain chain = new Chain.AwaitThen(code("price(a)"), "awaited1",
        new Chain.Result(new Expr.Spliced(List.of(new Expr.Name("awaited1"), code(" + 1")))));
    assertEquals("awaitThen(price(a), awaited1 ->\n    resultOf(awaited1 + 1))",
        ChainWriter.awaitable(chain));
  }

  @Test
  void statementsBeforeTheRestMakeTheLambdaABlock() {
    Chain chain = new Chain.AwaitThen(code("a()"), "awaited1",
        new Chain.Let(null, "held1", code("f(awaited1)"),
            new Chain.Evaluate(new Expr.Assignment(new Expr.Name("x"), "+=", new Expr.Name("held1")),
                Chain.none())));
    assertEquals("awaitThen(a(), awaited1 ->\n    {\n      var held1 = f(awaited1);\n"
        + "      x += held1;\n      return resultOf(null);\n    })",
        ChainWriter.awaitable(chain));
  }

  @Test
  void eitherRunsOneBranchThenTheRestWithBoth() {
    Chain chain = new Chain.Either(new Expr.Name("c"),
        new Chain.AwaitThen(code("a()"), "awaited1", new Chain.Result(new Expr.Name("awaited1"))),
        new Chain.Result(new Expr.Kept(code("2.5"))), "taken1", "other1",
        new Chain.Result(new Expr.Conditional(new Expr.Name("c"), new Expr.ValueOf("taken1"),
            new Expr.KeptValue("other1"))));
    assertEquals("either(c,\n"
        + "    () -> awaitThen(a(), awaited1 ->\n        resultOf(awaited1)),\n"
        + "    () -> resultOf(io.jasyncio.internal.Step.kept(2.5)),\n"
        + "    (taken1, other1) -> resultOf((c ? io.jasyncio.internal.Step.value(taken1)"
        + " : other1.get())))", ChainWriter.awaitable(chain));
  }

  @Test
  void conditionalOperandsAreUnboxedAsTheOperatorsDo() {
    assertEquals("(left ? (boolean) taken1 : (boolean) other1)", ChainWriter.expression(
        new Expr.Conditional(new Expr.Name("left"), new Expr.Unboxed("taken1"),
            new Expr.Unboxed("other1"))));
    assertEquals("(ok && done())", ChainWriter.expression(
        new Expr.Binary(new Expr.Name("ok"), "&&", code("done()"))));
    assertEquals("resultOf(true)", ChainWriter.awaitable(new Chain.Result(new Expr.Bool(true))));
  }

  @Test
  void onlyANameIsASimpleName() {
    assertEquals("held1", new Expr.Spliced(List.of(code(""), new Expr.Name("held1"), code("")))
        .simpleName());
    assertEquals(null, new Expr.Spliced(List.of(code("f("), new Expr.Name("held1"), code(")")))
        .simpleName());
    assertEquals(null, new Expr.Parens(new Expr.Name("x")).simpleName());
  }
}
