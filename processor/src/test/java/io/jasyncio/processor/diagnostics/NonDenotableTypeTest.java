package io.jasyncio.processor.diagnostics;

import org.junit.jupiter.api.Test;

/**
 * {@code [jasyncio/NonDenotableType]}: a local live across an {@code await} becomes a field, so
 * its type must be writable; reported on the local's name.
 */
class NonDenotableTypeTest {

  @Test
  void varHoldingAnAnonymousClassInstance() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async static Coroutine<Integer> boil() {",
        "    var pot = new Object() { int litres = 2; };",
        "    await(sleep(1));",
        "    return done(pot.litres);",
        "  }",
        "}");
    s.assertOnlyError("NonDenotableType", "var pot", "pot");
  }

  @Test
  void varHoldingAnIntersectionTypeAssignedAgain() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async static Coroutine<Integer> boil(boolean hot) {",
        "    var mixed = hot ? Integer.valueOf(1) : \"one\";",
        "    await(sleep(1));",
        "    mixed = hot ? \"two\" : Integer.valueOf(2);",
        "    return done(mixed.hashCode());",
        "  }",
        "}");
    s.assertOnlyError("NonDenotableType", "var mixed", "mixed");
  }

  @Test
  void varHoldingAnIntersectionTypeAssignedOnceIsAccepted() {
    CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async static Coroutine<Integer> boil(boolean hot) {",
        "    var mixed = hot ? Integer.valueOf(1) : \"one\";",
        "    await(sleep(1));",
        "    return done(mixed.hashCode());",
        "  }",
        "}")
        .assertGenerated("demo.AsyncKitchen");
  }

  @Test
  void localOfALocalClassType() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async static Coroutine<Integer> boil() {",
        "    class Pot { int litres = 2; }",
        "    Pot pot = new Pot();",
        "    await(sleep(1));",
        "    return done(pot.litres);",
        "  }",
        "}");
    s.assertOnlyError("NonDenotableType", "Pot pot", "pot");
  }

  @Test
  void nonDenotableLocalsNotLiveAcrossAnAwaitAreAccepted() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async static Coroutine<Integer> boil(boolean hot) {",
        "    var pot = new Object() { int litres = 2; };",
        "    var mixed = hot ? Integer.valueOf(1) : \"one\";",
        "    int n = pot.litres + mixed.hashCode();",
        "    await(sleep(1));",
        "    return done(n);",
        "  }",
        "}");
    s.assertGenerated("demo.AsyncKitchen");
  }

  @Test
  void denotableTypesLiveAcrossAnAwaitAreAccepted() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async static Coroutine<Integer> boil() {",
        "    Runnable stir = new Runnable() { public void run() { } };",
        "    var names = new ArrayList<String>();",
        "    var count = 2;",
        "    await(sleep(1));",
        "    stir.run();",
        "    names.add(\"soup\");",
        "    return done(count + names.size());",
        "  }",
        "}");
    s.assertGenerated("demo.AsyncKitchen");
  }

  @Test
  void localClassInANestedBlockUsedAfterAnAwaitThere() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async static Coroutine<Integer> boil(boolean hot) {",
        "    if (hot) {",
        "      class Pot { int litres = 2; }",
        "      await(sleep(1));",
        "      Object pot = new Pot();",
        "      return done(pot.hashCode());",
        "    }",
        "    return done(0);",
        "  }",
        "}");
    s.assertOnlyError("LocalClassAcrossAwait", "Object pot = new Pot();", "Pot()");
  }

  @Test
  void localClassUsedOnlyInItsOwnStateIsFine() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async static Coroutine<Integer> boil(boolean hot) {",
        "    if (hot) {",
        "      await(sleep(1));",
        "      record Pot(int litres) {}",
        "      return done(new Pot(2).litres());",
        "    }",
        "    return done(0);",
        "  }",
        "}");
    s.assertGenerated("demo.AsyncKitchen");
  }

  @Test
  void localClassDeclaredBeforeAnAwaitAndUsedAfterIt() {
    CompiledSnippet s = CompiledSnippet.compile("Kitchen",
        "public class Kitchen {",
        "  @Async static Coroutine<Integer> boil() {",
        "    class Pot { int litres = 2; }",
        "    await(sleep(1));",
        "    Object pot = new Pot();",
        "    return done(pot.hashCode());",
        "  }",
        "}");
    // Reported where the class is used after the await: that use is what cannot see it.
    s.assertOnlyError("LocalClassAcrossAwait", "Object pot = new Pot();", "Pot()");
  }
}
