package io.jasyncio.processor.diagnostics;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code [jasyncio/AwaitPosition]}: an {@code await} may stand in the statement forms and, nested
 * in an expression, inside an expression statement, a local's initializer,
 * {@code return done(...)}, a condition, a {@code throw}, an {@code assert}, a switch's selector
 * or arm, a synchronized block's lock. What this version cannot continue after an await (a
 * switch expression as a branch of {@code ?:}) is reported on the {@code await} call, and the
 * legal forms compile.
 */
class AwaitPositionTest {

  /** A class around {@code body}, the statements of {@code cook(flag, n)}. */
  private static CompiledSnippet kitchen(String... body) {
    List<String> lines = new ArrayList<>(List.of(
        "public class Kitchen {",
        "  int field;",
        "  static int shared;",
        "  static class Box { int value; }",
        "  @Async static Coroutine<Integer> twice(int x) { return done(2 * x); }",
        "  @Async static Coroutine<Boolean> ready() { return done(true); }",
        "  @Async static Coroutine<String> name() { return done(\" soup \"); }",
        "  @Async static Coroutine<java.io.StringReader> reader() {",
        "    return done(new java.io.StringReader(\"soup\"));",
        "  }",
        "  @Async static Coroutine<Coroutine<Integer>> later() { return done(twice(1)); }",
        "  @Async Coroutine<Integer> cook(boolean flag, int n) {"));
    for (String line : body) {
      lines.add("    " + line);
    }
    lines.add("  }");
    lines.add("}");
    return CompiledSnippet.compile("Kitchen", lines.toArray(String[]::new));
  }

  static Stream<Arguments> unsupportedPositions() {
    return Stream.of(
        Arguments.of("a switch expression as a branch of ?:", new String[] {
            "int y = flag ? 1 : switch (n) {",
            "  case 1 -> await(twice(n)); // here",
            "  default -> 0;",
            "};",
            "return done(y);"}));
  }

  /** Positions the control-flow lowering splits into states: they compile and generate. */
  static Stream<Arguments> splitPositions() {
    return Stream.of(
        Arguments.of("an argument", new String[] {
            "System.out.println(await(twice(1))); // here",
            "return done(n);"}),
        Arguments.of("a binary operand", new String[] {
            "int y = 1 + await(twice(1)); // here",
            "return done(y);"}),
        Arguments.of("a conditional operand", new String[] {
            "int y = flag ? await(twice(1)) : 0; // here",
            "return done(y);"}),
        Arguments.of("a cast", new String[] {
            "long w = (long) await(twice(1)); // here",
            "return done((int) w);"}),
        Arguments.of("a method receiver", new String[] {
            "String s = await(name()).trim(); // here",
            "return done(s.length());"}),
        Arguments.of("parentheses", new String[] {
            "int y = (await(twice(1))); // here",
            "return done(y);"}),
        Arguments.of("a compound assignment", new String[] {
            "n += await(twice(1)); // here",
            "return done(n);"}),
        Arguments.of("an array initializer", new String[] {
            "int[] a = {await(twice(1))}; // here",
            "return done(a[0]);"}),
        Arguments.of("the argument of done with an operator", new String[] {
            "return done(1 + await(twice(1))); // here"}),
        Arguments.of("a for condition", new String[] {
            "for (int i = 0; i < await(twice(2)); i++) { // here",
            "  n++;",
            "}",
            "return done(n);"}),
        Arguments.of("a try-with-resources resource", new String[] {
            "try (java.io.StringReader r = await(reader())) { // here",
            "  n += r.hashCode();",
            "}",
            "return done(n);"}),
        Arguments.of("a try body with finally", new String[] {
            "try {",
            "  await(sleep(1)); // here",
            "} finally {",
            "  n++;",
            "}",
            "return done(n);"}),
        Arguments.of("a finally block", new String[] {
            "try {",
            "  n++;",
            "} finally {",
            "  await(sleep(1)); // here",
            "}",
            "return done(n);"}),
        Arguments.of("a catch block", new String[] {
            "try {",
            "  n++;",
            "} catch (RuntimeException e) {",
            "  await(sleep(1)); // here",
            "}",
            "return done(n);"}),
        Arguments.of("a try body with catch", new String[] {
            "try {",
            "  await(sleep(1)); // here",
            "} catch (RuntimeException e) {",
            "  n++;",
            "}",
            "return done(n);"}),
        Arguments.of("a switch case", new String[] {
            "switch (n) {",
            "  case 1:",
            "    await(sleep(1)); // here",
            "    break;",
            "  default:",
            "    break;",
            "}",
            "return done(n);"}),
        Arguments.of("a switch selector", new String[] {
            "switch (await(twice(n))) { // here",
            "  default:",
            "    break;",
            "}",
            "return done(n);"}),
        Arguments.of("a switch expression arm", new String[] {
            "int y = switch (n) {",
            "  case 1 -> await(twice(n)); // here",
            "  default -> 0;",
            "};",
            "return done(y);"}),
        Arguments.of("a switch expression's yield", new String[] {
            "n = switch (n) {",
            "  case 1 -> {",
            "    yield await(twice(n)); // here",
            "  }",
            "  default -> 0;",
            "};",
            "return done(n);"}),
        Arguments.of("a switch expression's selector", new String[] {
            "return done(switch (await(twice(n))) { // here",
            "  case 2 -> 1;",
            "  default -> 0;",
            "});"}),
        Arguments.of("a for-each body", new String[] {
            "for (int x : List.of(1, 2)) {",
            "  await(sleep(x)); // here",
            "}",
            "return done(n);"}),
        Arguments.of("an if condition", new String[] {
            "if (await(ready())) { // here",
            "  n++;",
            "}",
            "return done(n);"}),
        Arguments.of("an if body", new String[] {
            "if (flag) {",
            "  await(sleep(1)); // here",
            "}",
            "return done(n);"}),
        Arguments.of("an else body", new String[] {
            "if (flag) {",
            "  n++;",
            "} else {",
            "  n = await(twice(n)); // here",
            "}",
            "return done(n);"}),
        Arguments.of("an if body without braces", new String[] {
            "if (flag) await(sleep(1)); // here",
            "return done(n);"}),
        Arguments.of("return done(await(...)) inside an if", new String[] {
            "if (flag) {",
            "  return done(await(twice(n))); // here",
            "}",
            "return done(n);"}),
        Arguments.of("a while condition", new String[] {
            "while (await(ready())) { // here",
            "  n++;",
            "  break;",
            "}",
            "return done(n);"}),
        Arguments.of("a while body", new String[] {
            "while (flag) {",
            "  await(sleep(1)); // here",
            "  flag = false;",
            "}",
            "return done(n);"}),
        Arguments.of("a do-while body", new String[] {
            "do {",
            "  await(sleep(1)); // here",
            "} while (flag);",
            "return done(n);"}),
        Arguments.of("a for body", new String[] {
            "for (int i = 0; i < 3; i++) {",
            "  await(sleep(i)); // here",
            "}",
            "return done(n);"}),
        Arguments.of("a nested block", new String[] {
            "{",
            "  await(sleep(1)); // here",
            "}",
            "return done(n);"}),
        Arguments.of("an enhanced for's iterable", new String[] {
            "for (char c : await(name()).trim().toCharArray()) { // here",
            "  n += c;",
            "}",
            "return done(n);"}),
        Arguments.of("a chained assignment", new String[] {
            "int a;",
            "int b;",
            "a = b = await(twice(1)); // here",
            "return done(a + b);"}),
        Arguments.of("an assignment inside an expression", new String[] {
            "int a;",
            "System.out.println(a = await(twice(1))); // here",
            "return done(a);"}),
        Arguments.of("an assert", new String[] {
            "assert await(ready()) : await(name()); // here",
            "return done(n);"}),
        Arguments.of("a switch selector with an operator", new String[] {
            "switch (1 + await(twice(n))) { // here",
            "  default:",
            "    break;",
            "}",
            "return done(n);"}),
        Arguments.of("a switch arm with an operator", new String[] {
            "int y = switch (n) {",
            "  case 1 -> 1 + await(twice(n)); // here",
            "  default -> 0;",
            "};",
            "return done(y);"}),
        Arguments.of("a yield with an operator", new String[] {
            "int y = switch (n) {",
            "  case 1 -> {",
            "    yield 1 + await(twice(n)); // here",
            "  }",
            "  default -> 0;",
            "};",
            "return done(y);"}),
        Arguments.of("a switch expression as an argument", new String[] {
            "System.out.println(Objects.toString(switch (n) {",
            "  case 1 -> await(twice(n)); // here",
            "  default -> 0;",
            "}));",
            "return done(n);"}),
        Arguments.of("a switch expression as an operand, its selector awaiting", new String[] {
            "int y = 1 + switch (await(twice(n))) { // here",
            "  case 2 -> 1;",
            "  default -> 0;",
            "};",
            "return done(y);"}),
        Arguments.of("an increment's operand", new String[] {
            "int[] counts = new int[3];",
            "counts[await(twice(n))]++; // here",
            "return done(counts[0]);"}),
        Arguments.of("a synchronized block's lock", new String[] {
            "synchronized (await(name())) { // here",
            "  n++;",
            "}",
            "return done(n);"}),
        Arguments.of("a throw", new String[] {
            "System.out.println(java.util.Objects.hash(n, await(twice(n)) + 1));",
            "throw new IllegalStateException(\"x\" + await(name())); // here"}),
        Arguments.of("a labeled statement", new String[] {
            "boil: await(sleep(1)); // here",
            "return done(n);"})
    );
  }

  @ParameterizedTest(name = "await in {0} is split into states")
  @MethodSource("splitPositions")
  void splitPositionIsRewritten(String what, String[] body) {
    kitchen(body).assertGenerated("demo.AsyncKitchen");
  }

  @ParameterizedTest(name = "await in {0}")
  @MethodSource("unsupportedPositions")
  void unsupportedPositionIsReportedOnTheAwait(String where, String[] body) {
    kitchen(body).assertOnlyErrorAtCall("AwaitPosition", "// here", "await(");
  }

  @Test
  void switchExpressionOperandWhoseBlockArmAwaitsIsReportedOnTheAwait() {
    CompiledSnippet s = kitchen(
        "System.out.println(switch (n) {",
        "  case 1 -> {",
        "    yield await(twice(n)); // here",
        "  }",
        "  default -> 0;",
        "});",
        "return done(n);");
    s.assertOnlyErrorAtCall("AwaitPosition", "// here", "await(");
    s.assertErrorMentions("switch expression");
  }

  @Test
  void switchExpressionOperandWithOldStyleCasesIsReportedOnTheAwait() {
    CompiledSnippet s = kitchen(
        "System.out.println(switch (await(twice(n))) { // here",
        "  case 1:",
        "    yield 1;",
        "  default:",
        "    yield 0;",
        "});",
        "return done(n);");
    s.assertOnlyErrorAtCall("AwaitPosition", "// here", "await(");
    s.assertErrorMentions("switch expression");
  }

  @Test
  void tailAwaitInsideSynchronizedIsRewritten() {
    kitchen(
        "synchronized (this) {",
        "  return twice(n);",
        "}")
        .assertGenerated("demo.AsyncKitchen");
  }

  @Test
  void localAssignedInAnAwaitingExpressionAndReadByALambdaInItIsReportedOnTheAssignment() {
    CompiledSnippet s = kitchen(
        "int z;",
        "int y = await(twice(n)) + Math.max(z = n, 0) // here",
        "    + ((java.util.function.IntSupplier) () -> z).getAsInt();",
        "return done(y + z);");
    s.assertOnlyError("AwaitPosition", "// here", "z = n");
  }

  @Test
  void localAssignedInAnAwaitingExpressionAndReadByALambdaInALaterStatementIsRewritten() {
    kitchen(
        "int z;",
        "int y = await(twice(n)) + Math.max(z = n, 0);",
        "java.util.function.IntSupplier s = () -> z + y;",
        "return done(s.getAsInt() + await(twice(z)));")
        .assertGenerated("demo.AsyncKitchen");
  }

  @Test
  void nestedAwaitIsAccepted() {
    kitchen(
        "int v = await(await(later()));",
        "return done(v);")
        .assertGenerated("demo.AsyncKitchen");
  }

  @Test
  void tailAwaitInsideAnIfIsRewritten() {
    kitchen(
        "if (flag) {",
        "  return twice(n);",
        "}",
        "return done(n);")
        .assertGenerated("demo.AsyncKitchen");
  }

  @Test
  void tailAwaitInsideALoopIsRewritten() {
    kitchen(
        "for (int i = 0; i < n; i++) {",
        "  return twice(i);",
        "}",
        "return done(n);")
        .assertGenerated("demo.AsyncKitchen");
  }

  @Test
  void tailAwaitInsideATryWithFinallyIsRewritten() {
    kitchen(
        "try {",
        "  return twice(n);",
        "} finally {",
        "  n++;",
        "}")
        .assertGenerated("demo.AsyncKitchen");
  }

  @Test
  void awaitInATryWithResourcesBodyIsRewritten() {
    kitchen(
        "try (java.io.StringReader r = new java.io.StringReader(\"x\")) {",
        "  await(sleep(1));",
        "  n += r.read();",
        "} catch (java.io.IOException e) {",
        "  n = -1;",
        "}",
        "return done(n);")
        .assertGenerated("demo.AsyncKitchen");
  }

  @Test
  void assignmentToAnArrayElementIsAccepted() {
    kitchen(
        "int[] slots = new int[1];",
        "slots[0] = await(twice(n));",
        "return done(slots[0]);")
        .assertGenerated("demo.AsyncKitchen");
  }

  @Test
  void assignmentToAFieldOfAnotherObjectIsAccepted() {
    kitchen(
        "Box box = new Box();",
        "box.value = await(twice(n));",
        "return done(box.value);")
        .assertGenerated("demo.AsyncKitchen");
  }

  @Test
  void compoundAssignmentToAnArrayElementOrAnotherObjectsFieldIsAccepted() {
    kitchen(
        "int[] slots = new int[1];",
        "slots[0] += await(twice(n));",
        "Box box = new Box();",
        "box.value -= await(twice(n));",
        "return done(slots[0] + box.value);")
        .assertGenerated("demo.AsyncKitchen");
  }

  // ---- legal positions

  @Test
  void awaitAsAStatementIsAccepted() {
    kitchen(
        "await(sleep(1));",
        "await(twice(n));",
        "return done(n);")
        .assertGenerated("demo.AsyncKitchen");
  }

  @Test
  void awaitInitializingATypedLocalIsAccepted() {
    kitchen(
        "int y = await(twice(n));",
        "long w = await(twice(y));",
        "Integer boxed = await(twice(1));",
        "return done(y + (int) w + boxed);")
        .assertGenerated("demo.AsyncKitchen");
  }

  @Test
  void awaitInitializingAVarLocalIsAccepted() {
    kitchen(
        "var v = await(twice(n));",
        "var s = await(name());",
        "return done(v + s.length());")
        .assertGenerated("demo.AsyncKitchen");
  }

  @Test
  void awaitAssignedToALocalIsAccepted() {
    kitchen(
        "int x;",
        "x = await(twice(n));",
        "n = await(twice(x));",
        "return done(x + n);")
        .assertGenerated("demo.AsyncKitchen");
  }

  @Test
  void awaitAssignedToAFieldIsAccepted() {
    kitchen(
        "field = await(twice(n));",
        "shared = await(twice(field));",
        "return done(field + shared);")
        .assertGenerated("demo.AsyncKitchen");
  }

  @Test
  void awaitAssignedToAFieldOfAStaticMethodIsAccepted() {
    CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  static int shared;",
        "  @Async static Coroutine<Integer> twice(int x) { return done(2 * x); }",
        "  @Async static Coroutine<Integer> cook() {",
        "    shared = await(twice(1));",
        "    return done(shared);",
        "  }",
        "}")
        .assertGenerated("demo.AsyncKitchen");
  }

  @Test
  void awaitAssignedToThisFieldIsAccepted() {
    kitchen(
        "this.field = await(twice(n));",
        "return done(this.field);")
        .assertGenerated("demo.AsyncKitchen");
  }

  @Test
  void returnDoneOfAnAwaitIsAccepted() {
    kitchen(
        "return done(await(twice(n)));")
        .assertGenerated("demo.AsyncKitchen");
  }

  @Test
  void tailAwaitAtTheTopLevelIsAccepted() {
    kitchen(
        "if (flag) {",
        "  return done(0);",
        "}",
        "return twice(n);")
        .assertGenerated("demo.AsyncKitchen");
  }

  @Test
  void returnDoneInsideCompoundStatementsIsAccepted() {
    kitchen(
        "int y = await(twice(n));",
        "for (int i = 0; i < y; i++) {",
        "  if (i == 3) {",
        "    return done(i);",
        "  }",
        "}",
        "return done(y);")
        .assertGenerated("demo.AsyncKitchen");
  }
}
