package io.jasyncio.processor.diagnostics;

import org.junit.jupiter.api.Test;

/**
 * {@code [jasyncio/PrivateMember]}: the generated {@code AsyncFoo} is another class, which
 * reaches the private fields, methods and constructors of {@code Foo} (and of the classes nested
 * with it) through handles; a private member type, which no other class can name, and the few
 * uses a handle cannot serve are reported on the name.
 */
class PrivateMemberTest {

  @Test
  void privateNestedClassAsADeclaredType() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  private static class Pot { }",
        "  static Pot pot() { return new Pot(); }",
        "  @Async static Coroutine<Void> boil() {",
        "    Pot mine = pot();",
        "    return done();",
        "  }",
        "}");
    s.assertOnlyError("PrivateMember", "Pot mine", "Pot");
  }

  @Test
  void privateNestedClassInstantiated() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  private static class Pot { }",
        "  @Async static Coroutine<Object> boil() {",
        "    Object mine = new Pot();",
        "    return done(mine);",
        "  }",
        "}");
    s.assertOnlyError("PrivateMember", "new Pot()", "Pot");
  }

  @Test
  void localShadowingAPrivateFieldIsNotReported() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  private static int count;",
        "  private int total;",
        "  @Async Coroutine<Integer> boil(int total) {",
        "    int count = 1;",
        "    count++;",
        "    await(sleep(1));",
        "    return done(count + total);",
        "  }",
        "}");
    s.assertGenerated("demo.AsyncKitchen");
  }

  @Test
  void memberOfALocalsClassNamedLikeAPrivateMemberIsNotReported() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  private int value;",
        "  private int size() { return value; }",
        "  static class Box { int value; }",
        "  @Async Coroutine<Integer> boil(List<Integer> xs) {",
        "    Box box = new Box();",
        "    box.value = 3;",
        "    int n = xs.size();",
        "    await(sleep(1));",
        "    return done(box.value + n + xs.size());",
        "  }",
        "}");
    s.assertGenerated("demo.AsyncKitchen");
  }

  @Test
  void packagePrivateAndProtectedMembersAreAccepted() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  int count;",
        "  protected static int shared;",
        "  static class Pot { }",
        "  double seconds() { return 1; }",
        "  @Async Coroutine<Integer> boil() {",
        "    Pot pot = new Pot();",
        "    await(sleep(seconds()));",
        "    return done(count + shared + pot.hashCode());",
        "  }",
        "}");
    s.assertGenerated("demo.AsyncKitchen");
  }

  // ---- bugs: private members reached through a qualifier are not reported

  @Test
  void privateNestedClassThroughTheClassName() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  private static class Pot { }",
        "  static Object pot() { return null; }",
        "  @Async static Coroutine<Void> boil() {",
        "    Object mine = (Kitchen.Pot) pot();",
        "    await(sleep(1));",
        "    return done();",
        "  }",
        "}");
    s.assertOnlyErrorOnLine("PrivateMember", "(Kitchen.Pot) pot()");
  }

  // ---- reached through handles: these compile

  @Test
  void privateStaticFieldIsReachedThroughAHandle() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  private static int count;",
        "  @Async static Coroutine<Integer> boil() {",
        "    await(sleep(1));",
        "    return done(count + 1);",
        "  }",
        "}");
    s.assertGenerated("demo.AsyncKitchen");
  }

  @Test
  void privateInstanceFieldIsReachedThroughAHandle() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  private int total;",
        "  @Async Coroutine<Void> boil() {",
        "    total += 1;",
        "    return done();",
        "  }",
        "}");
    s.assertGenerated("demo.AsyncKitchen");
  }

  @Test
  void privateMethodIsReachedThroughAHandle() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  private static double seconds() { return 1; }",
        "  @Async static Coroutine<Void> boil() {",
        "    await(sleep(seconds()));",
        "    return done();",
        "  }",
        "}");
    s.assertGenerated("demo.AsyncKitchen");
  }

  @Test
  void privateFieldOfAnEnclosingClassIsReachedThroughAHandle() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  private static int secret = 7;",
        "  static class Cook {",
        "    @Async static Coroutine<Integer> boil() {",
        "      int s = secret;",
        "      return done(s);",
        "    }",
        "  }",
        "}");
    s.assertGenerated("demo.AsyncKitchen_Cook");
  }

  @Test
  void privateFieldInsideALambdaIsReachedThroughAHandle() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  private static int count;",
        "  @Async static Coroutine<Integer> boil() {",
        "    Supplier<Integer> read = () -> count;",
        "    await(sleep(1));",
        "    return done(read.get());",
        "  }",
        "}");
    s.assertGenerated("demo.AsyncKitchen");
  }

  // ---- not private, or not this class's member

  @Test
  void privateFieldThroughThisIsReachedThroughAHandle() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  private int total;",
        "  @Async Coroutine<Void> boil() {",
        "    this.total += 1;",
        "    await(sleep(1));",
        "    return done();",
        "  }",
        "}");
    s.assertGenerated("demo.AsyncKitchen");
  }

  @Test
  void privateStaticFieldThroughTheClassNameIsReachedThroughAHandle() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  private static int hidden;",
        "  @Async static Coroutine<Void> boil() {",
        "    Kitchen.hidden = 2;",
        "    await(sleep(1));",
        "    return done();",
        "  }",
        "}");
    s.assertGenerated("demo.AsyncKitchen");
  }

  @Test
  void privateMethodThroughTheClassNameIsReachedThroughAHandle() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  private static double seconds() { return 1; }",
        "  @Async static Coroutine<Void> boil() {",
        "    double s = Kitchen.seconds();",
        "    await(sleep(s));",
        "    return done();",
        "  }",
        "}");
    s.assertGenerated("demo.AsyncKitchen");
  }

  @Test
  void privateFieldOfANestedClassThroughALocalIsReachedThroughAHandle() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  static class Pot { private int secret; }",
        "  @Async static Coroutine<Void> boil() {",
        "    Pot pot = new Pot();",
        "    pot.secret = 2;",
        "    await(sleep(1));",
        "    return done();",
        "  }",
        "}");
    s.assertGenerated("demo.AsyncKitchen");
  }

  @Test
  void privateConstructorIsReachedThroughAHandle() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  private Kitchen() { }",
        "  @Async static Coroutine<Object> boil() {",
        "    Object k = new Kitchen();",
        "    await(sleep(1));",
        "    return done(k);",
        "  }",
        "}");
    s.assertGenerated("demo.AsyncKitchen");
  }

  @Test
  void methodReferenceToAPrivateMethodIsReachedThroughAHandle() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  private static int twice(int x) { return 2 * x; }",
        "  @Async static Coroutine<Integer> boil() {",
        "    Function<Integer, Integer> f = Kitchen::twice;",
        "    await(sleep(1));",
        "    return done(f.apply(2));",
        "  }",
        "}");
    s.assertGenerated("demo.AsyncKitchen");
  }

  // ---- uses a handle cannot serve

  @Test
  void privateFieldOfAnAwaitedValue() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  private int total;",
        "  @Async static Coroutine<Kitchen> make() { return done(new Kitchen()); }",
        "  @Async static Coroutine<Integer> boil() {",
        "    return done(await(make()).total);",
        "  }",
        "}");
    s.assertOnlyErrorOnLine("PrivateMember", "await(make()).total");
  }

  @Test
  void privateFieldOfAnotherObjectUpdated() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  private int total;",
        "  static Kitchen other() { return new Kitchen(); }",
        "  @Async static Coroutine<Void> boil() {",
        "    other().total += 2;",
        "    await(sleep(1));",
        "    return done();",
        "  }",
        "}");
    s.assertOnlyErrorOnLine("PrivateMember", "other().total += 2");
  }

  @Test
  void privateMethodOfAComputedValueWithArgumentsThatAwait() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  private int fee(int x) { return x / 10; }",
        "  Kitchen self() { return this; }",
        "  @Async static Coroutine<Integer> f() { return done(1); }",
        "  @Async Coroutine<Integer> boil() {",
        "    return done(self().fee(await(f())));",
        "  }",
        "}");
    s.assertOnlyErrorOnLine("PrivateMember", "self().fee(await(f()))");
    s.assertErrorMentions("put the value in a local first");
  }

  @Test
  void privateFieldAssignedInsideALargerExpressionThatAwaits() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  private int total;",
        "  @Async static Coroutine<Integer> f() { return done(1); }",
        "  @Async Coroutine<Void> boil(List<Integer> out) {",
        "    out.add(total = await(f()));",
        "    return done();",
        "  }",
        "}");
    s.assertErrorMentions("private field total whose value awaits must be a statement");
  }

  @Test
  void privateFieldOfAValueOfUnknownClass() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  private int total;",
        "  static <T> T id(T t) { return t; }",
        "  @Async static Coroutine<Integer> boil() {",
        "    await(sleep(1));",
        "    return done(id(new Kitchen()).total);",
        "  }",
        "}");
    s.assertOnlyErrorOnLine("PrivateMember", "id(new Kitchen()).total");
  }

  @Test
  void privateMethodWithExplicitTypeArguments() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  private static <T> T id(T t) { return t; }",
        "  @Async static Coroutine<String> boil() {",
        "    await(sleep(1));",
        "    return done(Kitchen.<String>id(\"x\"));",
        "  }",
        "}");
    s.assertOnlyErrorOnLine("PrivateMember", "Kitchen.<String>id");
  }

  @Test
  void anonymousSubclassThroughAPrivateConstructor() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  private Kitchen() { }",
        "  @Async static Coroutine<Object> boil() {",
        "    await(sleep(1));",
        "    return done(new Kitchen() { });",
        "  }",
        "}");
    s.assertOnlyErrorOnLine("PrivateMember", "new Kitchen() { }");
  }

  @Test
  void boundReferenceToAPrivateMethodOfAnotherObject() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  private int twice(int x) { return 2 * x; }",
        "  @Async static Coroutine<Integer> boil(Kitchen k) {",
        "    IntUnaryOperator f = k::twice;",
        "    await(sleep(1));",
        "    return done(f.applyAsInt(2));",
        "  }",
        "}");
    s.assertOnlyErrorOnLine("PrivateMember", "k::twice");
  }
}
