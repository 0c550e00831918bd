package io.jasyncio.processor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Assignments whose value awaits, to an array element or another object's field, in Java's
 * order (JLS 15.26.1, 15.26.2): the array and the index, or the object, first; for a compound
 * assignment the null and bounds checks, the read of the target and the unboxing of a boxed
 * target before the right side runs, for a simple one after it. Against the same body run as
 * plain Java.
 */
class AssignmentTargetAwaitTest {

  private static final TwinSnippet SNIPPET = TwinSnippet.compile(
      TwinSnippet.TRACERS,
      "  static final class Box {",
      "    int value;",
      "    Integer boxed;",
      "    String text = \"t\";",
      "    Box(int value) { this.value = value; }",
      "  }",
      "  static Box shared = new Box(100);",
      "  static int[] numbers = {1, 2, 3};",
      "  @Async static Coroutine<String> compound(List<String> log) {",
      "    int[] arr = {10, 20, 30};",
      "    arr[t(log, \"i\", 1)] += await(got(log, \"f\", 5));",
      "    Box other = new Box(7);",
      "    t(log, \"other\", other).value *= await(got(log, \"g\", 3));",
      "    int[][] grid = {{1, 2}, {3, 4}};",
      "    t(log, \"grid\", grid)[t(log, \"a\", 1)][t(log, \"b\", 0)] -= await(got(log, \"h\", 10));",
      "    t(log, \"box\", shared).value -= await(got(log, \"x\", 1));",
      "    numbers[arr[0] / 10] <<= await(got(log, \"shift\", 2));",
      "    arr[await(got(log, \"index\", 2))] += t(log, \"one\", 1) + await(got(log, \"y\", 1));",
      "    other.text += await(got(log, \"s\", 5)) + \"!\";",
      "    return done(Arrays.toString(arr) + \" \" + other.value + \" \" + Arrays.deepToString(grid)",
      "        + \" \" + shared.value + \" \" + Arrays.toString(numbers) + \" \" + other.text);",
      "  }",
      "  @Async static Coroutine<String> narrowing(List<String> log) {",
      "    byte[] small = {120};",
      "    small[0] += await(got(log, \"b\", 10));",
      "    char[] letters = {'a'};",
      "    letters[0] += await(got(log, \"c\", 2));",
      "    short[] s = {1};",
      "    s[0] *= await(got(log, \"d\", 2.5));",
      "    Integer[] boxes = {4};",
      "    boxes[0] += await(got(log, \"e\", 1));",
      "    String[] texts = {null};",
      "    texts[0] += await(got(log, \"n\", \"x\"));",
      "    return done(small[0] + \" \" + letters[0] + \" \" + s[0] + \" \" + boxes[0] + \" \" + texts[0]);",
      "  }",
      "  @Async static Coroutine<String> nullArrayCompound(List<String> log) {",
      "    int[] none = null;",
      "    none[t(log, \"i\", 0)] += await(got(log, \"v\", 1));",
      "    return done(\"no\");",
      "  }",
      "  @Async static Coroutine<String> nullArraySimple(List<String> log) {",
      "    int[] none = null;",
      "    none[t(log, \"i\", 0)] = await(got(log, \"v\", 1));",
      "    return done(\"no\");",
      "  }",
      "  @Async static Coroutine<String> outOfRangeCompound(List<String> log) {",
      "    int[] arr = {1};",
      "    arr[t(log, \"i\", 3)] += await(got(log, \"v\", 1));",
      "    return done(\"no\");",
      "  }",
      "  @Async static Coroutine<String> outOfRangeSimple(List<String> log) {",
      "    int[] arr = {1};",
      "    arr[t(log, \"i\", 3)] = await(got(log, \"v\", 1));",
      "    return done(\"no\");",
      "  }",
      "  @Async static Coroutine<String> nullIndex(List<String> log) {",
      "    int[] arr = {1};",
      "    Integer index = null;",
      "    arr[t(log, \"i\", index)] = await(got(log, \"v\", 1));",
      "    return done(\"no\");",
      "  }",
      "  @Async static Coroutine<String> nullLocalIndex(List<String> log) {",
      "    int[] arr = {1};",
      "    Integer index = null;",
      "    arr[index] = await(got(log, \"v\", 1));",
      "    return done(\"no\");",
      "  }",
      "  @Async static Coroutine<String> nullAwaitedIndex(List<String> log) {",
      "    int[] arr = {1};",
      "    arr[await(got(log, \"i\", (Integer) null))] = await(got(log, \"v\", 1));",
      "    return done(\"no\");",
      "  }",
      "  @Async static Coroutine<String> nullBoxedElement(List<String> log) {",
      "    Integer[] boxes = {null};",
      "    boxes[t(log, \"i\", 0)] += await(got(log, \"v\", 1));",
      "    return done(\"no\");",
      "  }",
      "  @Async static Coroutine<String> nullBoxedLocal(List<String> log) {",
      "    Integer total = null;",
      "    total += await(got(log, \"v\", 1));",
      "    return done(\"no \" + total);",
      "  }",
      "  @Async static Coroutine<String> nullBoxedField(List<String> log) {",
      "    Box b = new Box(1);",
      "    t(log, \"b\", b).boxed += await(got(log, \"v\", 1));",
      "    return done(\"no\");",
      "  }",
      "  @Async static Coroutine<String> nullObjectCompound(List<String> log) {",
      "    Box b = null;",
      "    t(log, \"b\", b).value += await(got(log, \"v\", 1));",
      "    return done(\"no\");",
      "  }",
      "  @Async static Coroutine<String> nullObjectSimple(List<String> log) {",
      "    Box b = null;",
      "    t(log, \"b\", b).value = await(got(log, \"v\", 1));",
      "    return done(\"no\");",
      "  }",
      "  @Async static Coroutine<String> storeCheck(List<String> log) {",
      "    Object[] objects = new String[1];",
      "    objects[t(log, \"i\", 0)] = await(got(log, \"v\", (Object) 1));",
      "    return done(\"no\");",
      "  }");

  @Test
  void compoundAssignmentsToElementsAndFieldsKeepJavasOrder() throws Throwable {
    assertThat(SNIPPET.run("compound")).containsExactly("i", "f", "other", "g", "grid", "a",
        "b", "h", "box", "x", "shift", "index", "one", "y", "s",
        "result [10, 25, 32] 21 [[1, 2], [-7, 4]] 99 [1, 8, 3] t5!");
  }

  @Test
  void compoundAssignmentsNarrowAndUnboxAsJavaDoes() throws Throwable {
    assertThat(SNIPPET.run("narrowing")).containsExactly("b", "c", "d", "e", "n",
        "result -126 c 2 5 nullx");
  }

  @Test
  void aNullArrayThrowsBeforeTheAwaitForCompoundAndAfterItForSimpleAssignment()
      throws Throwable {
    assertThat(SNIPPET.run("nullArrayCompound")).containsExactly("i",
        "threw java.lang.NullPointerException");
    assertThat(SNIPPET.run("nullArraySimple")).containsExactly("i", "v",
        "threw java.lang.NullPointerException");
  }

  @Test
  void anIndexOutOfRangeThrowsBeforeTheAwaitForCompoundAndAfterItForSimpleAssignment()
      throws Throwable {
    assertThat(SNIPPET.run("outOfRangeCompound")).containsExactly("i",
        "threw java.lang.ArrayIndexOutOfBoundsException: Index 3 out of bounds for length 1");
    assertThat(SNIPPET.run("outOfRangeSimple")).containsExactly("i", "v",
        "threw java.lang.ArrayIndexOutOfBoundsException: Index 3 out of bounds for length 1");
  }

  @Test
  void aNullIndexIsUnboxedBeforeTheAwait() throws Throwable {
    assertThat(SNIPPET.run("nullIndex")).containsExactly("i",
        "threw java.lang.NullPointerException");
    assertThat(SNIPPET.run("nullAwaitedIndex")).containsExactly("i",
        "threw java.lang.NullPointerException");
    assertThat(SNIPPET.run("nullLocalIndex")).containsExactly(
        "threw java.lang.NullPointerException");
  }

  @Test
  void aNullBoxedTargetIsUnboxedBeforeTheAwait() throws Throwable {
    assertThat(SNIPPET.run("nullBoxedElement")).containsExactly("i",
        "threw java.lang.NullPointerException");
    assertThat(SNIPPET.run("nullBoxedLocal")).containsExactly(
        "threw java.lang.NullPointerException");
    assertThat(SNIPPET.run("nullBoxedField")).containsExactly("b",
        "threw java.lang.NullPointerException");
  }

  @Test
  void aNullObjectThrowsBeforeTheAwaitForCompoundAndAfterItForSimpleAssignment()
      throws Throwable {
    assertThat(SNIPPET.run("nullObjectCompound")).containsExactly("b",
        "threw java.lang.NullPointerException");
    assertThat(SNIPPET.run("nullObjectSimple")).containsExactly("b", "v",
        "threw java.lang.NullPointerException");
  }

  @Test
  void aStoreOfTheWrongTypeThrowsAfterTheAwait() throws Throwable {
    assertThat(SNIPPET.run("storeCheck")).containsExactly("i", "v",
        "threw java.lang.ArrayStoreException: java.lang.Integer");
  }
}
