package io.jasyncio.processor.diagnostics;

import org.junit.jupiter.api.Test;

/**
 * {@code [jasyncio/PrivateMember]}: the generated {@code AsyncFoo} is another class, so the
 * {@code @Async} body cannot use private members of {@code Foo} or of its enclosing classes;
 * reported on the name.
 */
class PrivateMemberTest {

  @Test
  void privateStaticField() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  private static int count;",
        "  @Async static Coroutine<Integer> boil() {",
        "    await(sleep(1));",
        "    return done(count + 1);",
        "  }",
        "}");
    s.assertOnlyError("PrivateMember", "return done(count", "count");
  }

  @Test
  void privateInstanceField() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  private int total;",
        "  @Async Coroutine<Void> boil() {",
        "    total += 1;",
        "    return done();",
        "  }",
        "}");
    s.assertOnlyError("PrivateMember", "total += 1", "total");
  }

  @Test
  void privateMethod() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  private static double seconds() { return 1; }",
        "  @Async static Coroutine<Void> boil() {",
        "    await(sleep(seconds()));",
        "    return done();",
        "  }",
        "}");
    s.assertOnlyError("PrivateMember", "await(sleep(seconds()))", "seconds");
  }

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
  void privateFieldOfAnEnclosingClass() {
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
    s.assertOnlyError("PrivateMember", "int s = secret", "secret");
  }

  @Test
  void privateFieldInsideALambda() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  private static int count;",
        "  @Async static Coroutine<Integer> boil() {",
        "    Supplier<Integer> read = () -> count;",
        "    await(sleep(1));",
        "    return done(read.get());",
        "  }",
        "}");
    s.assertOnlyError("PrivateMember", "() -> count", "count");
  }

  // ---- not private, or not this class's member

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
  void privateFieldThroughThis() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  private int total;",
        "  @Async Coroutine<Void> boil() {",
        "    this.total += 1;",
        "    await(sleep(1));",
        "    return done();",
        "  }",
        "}");
    s.assertOnlyErrorOnLine("PrivateMember", "this.total += 1");
  }

  @Test
  void privateStaticFieldThroughTheClassName() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  private static int hidden;",
        "  @Async static Coroutine<Void> boil() {",
        "    Kitchen.hidden = 2;",
        "    await(sleep(1));",
        "    return done();",
        "  }",
        "}");
    s.assertOnlyErrorOnLine("PrivateMember", "Kitchen.hidden = 2");
  }

  @Test
  void privateMethodThroughTheClassName() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  private static double seconds() { return 1; }",
        "  @Async static Coroutine<Void> boil() {",
        "    double s = Kitchen.seconds();",
        "    await(sleep(s));",
        "    return done();",
        "  }",
        "}");
    s.assertOnlyErrorOnLine("PrivateMember", "Kitchen.seconds()");
  }

  @Test
  void privateFieldOfANestedClassThroughALocal() {
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
    s.assertOnlyErrorOnLine("PrivateMember", "pot.secret = 2");
  }

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

  @Test
  void privateConstructor() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  private Kitchen() { }",
        "  @Async static Coroutine<Object> boil() {",
        "    Object k = new Kitchen();",
        "    await(sleep(1));",
        "    return done(k);",
        "  }",
        "}");
    s.assertOnlyErrorOnLine("PrivateMember", "new Kitchen()");
  }

  @Test
  void methodReferenceToAPrivateMethod() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  private static int twice(int x) { return 2 * x; }",
        "  @Async static Coroutine<Integer> boil() {",
        "    Function<Integer, Integer> f = Kitchen::twice;",
        "    await(sleep(1));",
        "    return done(f.apply(2));",
        "  }",
        "}");
    s.assertOnlyErrorOnLine("PrivateMember", "Kitchen::twice");
  }
}
