package io.jasyncio.processor.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jasyncio.processor.model.Step;
import io.jasyncio.processor.scan.MethodKind;
import javax.lang.model.type.TypeKind;
import org.junit.jupiter.api.Test;

/** The writer spells each typed step of a state as the runtime's protocol wants it. */
class ProtocolTest {
  private final Protocol coroutine = new Protocol(MethodKind.COROUTINE, "dispatch");

  @Test
  void suspendingReturnsUnlessTheAwaitableIsDone() {
    assertEquals("if (suspendOn(self.twice(x), 2)) {\n  return; // Kitchen.java:23 suspends\n}",
        coroutine.code(new Step.Suspend(new Step.Text("self.twice(x)"), 2, "Kitchen.java:23",
            23)));
  }

  @Test
  void resumingReadsTheAwaitedValueAsItsTargetTakesIt() {
    assertEquals("int y = awaitedInt();", coroutine.code(new Step.Assign("int y",
        new Step.Resumed(Step.Source.AWAIT, TypeKind.INT), 23)));
    assertEquals("awaited();", coroutine.code(new Step.Assign(null,
        new Step.Resumed(Step.Source.AWAIT, TypeKind.NONE), 23)));
    assertEquals("String s = received();", coroutine.code(new Step.Assign("String s",
        new Step.Resumed(Step.Source.SEND, TypeKind.DECLARED), 5)));
  }

  @Test
  void aLoopReadsItsNextElementFromItsIteratorField() {
    assertEquals("xsIterator = iterate(xs);", coroutine.code(new Step.Assign("xsIterator",
        new Step.Iterate(new Step.Text("xs")), 22)));
    assertEquals("int x = nextInt(xsIterator);", coroutine.code(new Step.Assign("int x",
        new Step.Next("xsIterator", TypeKind.INT), 22)));
    assertEquals("String x = nextElement(xsIterator);", coroutine.code(new Step.Assign(
        "String x", new Step.Next("xsIterator", TypeKind.DECLARED), 22)));
  }

  @Test
  void jumpsContinueTheDispatchLoop() {
    assertEquals("state = 3;\ncontinue dispatch;", coroutine.code(new Step.Jump(3, 0)));
    assertEquals("if (!(x > 0)) {\n  state = 3;\n  continue dispatch;\n}",
        coroutine.code(new Step.JumpIf(new Step.Text("x > 0"), false, 3, 0)));
    assertEquals("if (exhausted()) {\n  state = 4;\n  continue dispatch;\n}",
        coroutine.code(new Step.JumpIf(new Step.Exhausted(), true, 4, 0)));
    assertEquals("state = 5;", coroutine.code(new Step.Enter(5, 0)));
  }

  @Test
  void completingReturns() {
    assertEquals("complete(total);\nreturn;",
        coroutine.code(new Step.Complete(new Step.Text("total"), 26)));
    assertEquals("finish();\nreturn;", new Protocol(MethodKind.ASYNC_GENERATOR, "dispatch")
        .code(new Step.Complete(new Step.Text("null"), 26)));
  }

  @Test
  void aGeneratorProducesItsValueAndReturns() {
    assertEquals("produce(i, 2);\nreturn; // Gen.java:7 yields",
        coroutine.code(new Step.Yield(new Step.Text("i"), 2, "Gen.java:7", 7)));
  }

  @Test
  void aFinallyBlockTakesThePendingExit() {
    assertEquals("exit1 = EXIT_JUMP;\ntarget1 = 7;\nstate = 4;\ncontinue dispatch;",
        coroutine.code(new Step.Leave("exit1", Step.Exit.JUMP, "target1", new Step.StateOf(7), 4,
            0)));
    assertEquals("if (exit1 == EXIT_RETURN) {\n  complete(returned);\n  return;\n}",
        coroutine.code(new Step.When(new Step.IsExit("exit1", Step.Exit.RETURN),
            java.util.List.of(new Step.Complete(new Step.Text("returned"), 0)), 0)));
    assertEquals("state = target1;\ncontinue dispatch;",
        coroutine.code(new Step.JumpToStateIn("target1", 0)));
    assertEquals("thrown1 = thrown;", coroutine.code(new Step.Assign("thrown1",
        new Step.Thrown(), 0)));
    assertEquals("throw thrown1;", coroutine.code(new Step.Rethrow("thrown1", 0)));
    assertEquals("throw (Throwable) awaited();", coroutine.code(new Step.Throw(
        new Step.Resumed(Step.Source.AWAIT, javax.lang.model.type.TypeKind.NONE), 0)));
    assertEquals("if (target1 == 3 || target1 == 8) {\n  state = target1;\n  continue dispatch;\n}",
        coroutine.code(new Step.When(new Step.StateIn("target1", java.util.List.of(3, 8)),
            java.util.List.of(new Step.JumpToStateIn("target1", 0)), 0)));
  }

  @Test
  void aCatchClauseTakesTheCaughtExceptionAsItsType() {
    assertEquals("IOException e = (IOException) caught;\ncaught = null;",
        coroutine.code(new Step.Catch("caught", "IOException", null, "e", 0)));
    assertEquals("e1 = (IOException) caught;\ncaught = null;",
        coroutine.code(new Step.Catch("caught", "IOException", "e1", "e", 0)));
  }

  @Test
  void localsAreDeclaredWithTheirTypeOrVar() {
    assertEquals("final int n = 3;", coroutine.code(new Step.Declare("final int", "n",
        new io.jasyncio.processor.model.Expr.Code("3"), 0)));
    assertEquals("var held1 = f(x);", coroutine.code(new Step.Declare(null, "held1",
        new io.jasyncio.processor.model.Expr.Code("f(x)"), 0)));
    assertEquals("String s;", coroutine.code(new Step.Declare("String", "s", null, 0)));
  }

  @Test
  void aStatementJavacMayCountAsNotCompletingStaysReachable() {
    assertEquals("if (true) {\n  while (go()) {}\n}", coroutine.code(new Step.KeepReachable(
        new Step.Code("while (go()) {}", 3), 3)));
  }

  @Test
  void loopAndResourceTestsReadTheirFields() {
    assertEquals("if (!(it1.hasNext())) {\n  state = 9;\n  continue dispatch;\n}",
        coroutine.code(new Step.JumpIf(new Step.HasNext("it1"), false, 9, 0)));
    assertEquals("if (r == null) {\n  state = 9;\n  continue dispatch;\n}",
        coroutine.code(new Step.JumpIf(new Step.IsNull(new Step.Text("r")), true, 9, 0)));
  }

  @Test
  void anAsyncCloseIsAwaitedWithTheExceptionLeavingTheBlock() {
    assertEquals("if (suspendOn(closeAsync(r, exit1 == EXIT_THROW ? thrown1 : null), 3)) {\n"
        + "  return; // Flow.java:9 suspends\n}",
        coroutine.code(new Step.Suspend(new Step.CloseAsync("r", "exit1", "thrown1"), 3,
            "Flow.java:9", 9)));
  }

  @Test
  void aJumpPatchedIntoCopiedCodeIsWrittenAtItsStatementsColumn() {
    Step.Code inBlock = new Step.Code("if (i == 1) {\n  " + Step.Code.placeholder(0) + "\n}", 19,
        java.util.List.of(new Step.Block(java.util.List.of(new Step.Jump(6, 19)), false, 19)));
    assertEquals("if (i == 1) {\n  state = 6;\n  continue dispatch;\n}", coroutine.code(inBlock));
    Step.Code alone = new Step.Code("if (i == 1) " + Step.Code.placeholder(0), 19,
        java.util.List.of(new Step.Block(java.util.List.of(new Step.Jump(6, 19)), true, 19)));
    assertEquals("if (i == 1) {\n  state = 6;\n  continue dispatch;\n}", coroutine.code(alone));
    assertEquals("if (i == 1) [[jump to 6]]", alone.toString());
  }

  @Test
  void aSplitSwitchJumpsToTheStateOfItsCase() {
    assertEquals("switch (k) {\n  case 1, 2:\n    state = 3;\n    continue dispatch;\n"
        + "  default:\n    throw new IncompatibleClassChangeError();\n}",
        coroutine.code(new Step.Dispatch(new Step.Text("k"), java.util.List.of(
            new Step.Arm(java.util.List.of("1", "2"), 3),
            new Step.Arm(java.util.List.of(), Step.Arm.UNKNOWN)), 0)));
    assertEquals("state = cases1.applyAsInt(awaited());\ncontinue dispatch;",
        coroutine.code(new Step.JumpToCase("cases1", 0)));
  }
}
