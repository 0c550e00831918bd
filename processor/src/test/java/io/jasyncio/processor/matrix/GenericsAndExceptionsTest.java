package io.jasyncio.processor.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.EventLoop;
import io.jasyncio.VirtualClock;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bounded generic methods, several checked exceptions, and exceptions crossing suspensions. */
class GenericsAndExceptionsTest {

  private static final Probe GENERIC = Probe.compile("Generic",
      "public class Generic {",
      "  static class Animal implements Comparable<Animal> {",
      "    final int size;",
      "    Animal(int size) { this.size = size; }",
      "    @Override public int compareTo(Animal o) { return Integer.compare(size, o.size); }",
      "  }",
      "  static class Dog extends Animal {",
      "    Dog(int size) { super(size); }",
      "    @Override public String toString() { return \"Dog\" + size; }",
      "  }",
      "  @Async static <T extends Comparable<? super T>> Coroutine<T> max(List<? extends T> xs) {",
      "    T best = null;",
      "    for (T x : xs) if (best == null || x.compareTo(best) > 0) best = x;",
      "    await(sleep(1));",
      "    T copy = best;",
      "    await(sleep(1));",
      "    return done(copy);",
      "  }",
      "  @Async static <T extends Number & Comparable<T>, R extends List<T>> Coroutine<String>",
      "      bounded(T a, R into) {",
      "    T held = a;",
      "    await(sleep(1));",
      "    into.add(held);",
      "    return done(held.intValue() + \" \" + into);",
      "  }",
      "  @Async static Coroutine<String> dogs() {",
      "    Dog big = await(max(List.of(new Dog(1), new Dog(3), new Dog(2))));",
      "    String s = await(bounded(4, new ArrayList<Integer>(List.of(1))));",
      "    return done(big + \" \" + s);",
      "  }",
      "}");

  @Test
  void typeVariableWithWildcardBoundIsInferredAtTheAwait() throws Throwable {
    Probe.Run run = GENERIC.assertClean().runStatic("AsyncGeneric", "dogs");
    assertThat(run.result()).isEqualTo("Dog3 4 [1, 4]");
    assertThat(run.time()).isEqualTo(3.0);
  }

  @Test
  void generatedGenericMethodKeepsItsBounds() throws Throwable {
    Method max = GENERIC.assertClean().type("AsyncGeneric")
        .getDeclaredMethod("max", List.class);
    assertThat(max.toGenericString()).contains("<T extends java.lang.Comparable<? super T>>");
    Method bounded = GENERIC.type("AsyncGeneric")
        .getDeclaredMethod("bounded", Number.class, List.class);
    assertThat(bounded.toGenericString())
        .contains("T extends java.lang.Number & java.lang.Comparable<T>");
  }

  private static final Probe RISKY = Probe.compile("Risky",
      "public class Risky {",
      "  static final java.io.IOException IO = new java.io.IOException(\"io\");",
      "  static final java.sql.SQLException SQL = new java.sql.SQLException(\"sql\");",
      "  static final IllegalStateException STATE = new IllegalStateException(\"state\");",
      "  @Async static Coroutine<String> risky(int which)",
      "      throws java.io.IOException, java.sql.SQLException {",
      "    await(sleep(1));",
      "    if (which == 1) throw IO;",
      "    await(sleep(1));",
      "    if (which == 2) throw SQL;",
      "    if (which == 3) throw STATE;",
      "    return done(\"ok\");",
      "  }",
      "  @Async static Coroutine<String> caller(int which) throws Exception {",
      "    String v = await(risky(which));",
      "    return done(\"caller \" + v);",
      "  }",
      "  @Async static Coroutine<String> inspect(int which) throws Exception {",
      "    Task<String> t = createTask(risky(which));",
      "    await(sleep(5));",
      "    Throwable e = t.exception();",
      "    String kind;",
      "    try {",
      "      if (e != null) throw e;",
      "      kind = \"none\";",
      "    } catch (java.io.IOException x) {",
      "      kind = \"io \" + (x == IO);",
      "    } catch (java.sql.SQLException x) {",
      "      kind = \"sql \" + (x == SQL);",
      "    } catch (Throwable x) {",
      "      kind = \"other \" + (x == STATE);",
      "    }",
      "    return done(kind);",
      "  }",
      "  static String plain(int which) {",
      "    EventLoop loop = EventLoop.create(new VirtualClock());",
      "    try {",
      "      return loop.runUntilComplete(AsyncRisky.risky(which));",
      "    } catch (java.io.IOException e) {",
      "      return \"io \" + (e == IO);",
      "    } catch (java.sql.SQLException e) {",
      "      return \"sql \" + (e == SQL);",
      "    } finally {",
      "      loop.close();",
      "    }",
      "  }",
      "}");

  @Test
  void generatedMethodRepeatsEveryCheckedException() throws Throwable {
    assertThat(RISKY.assertClean().type("AsyncRisky").getDeclaredMethod("risky", int.class)
        .getExceptionTypes())
        .containsExactly(java.io.IOException.class, java.sql.SQLException.class);
    // Plain code catches each checked exception the generated method declares.
    assertThat(RISKY.call("Risky", "plain", 1)).isEqualTo("io true");
    assertThat(RISKY.call("Risky", "plain", 2)).isEqualTo("sql true");
    assertThat(RISKY.call("Risky", "plain", 0)).isEqualTo("ok");
  }

  @Test
  void eachCheckedExceptionReachesTheAwaitingCallerAsTheSameObject() throws Throwable {
    RISKY.assertClean();
    Object io = RISKY.staticField("Risky", "IO");
    Object sql = RISKY.staticField("Risky", "SQL");
    Object state = RISKY.staticField("Risky", "STATE");
    assertThatThrownBy(() -> RISKY.runStatic("AsyncRisky", "caller", 1)).isSameAs(io);
    assertThatThrownBy(() -> RISKY.runStatic("AsyncRisky", "caller", 2)).isSameAs(sql);
    assertThatThrownBy(() -> RISKY.runStatic("AsyncRisky", "caller", 3)).isSameAs(state);
    assertThat(RISKY.runStatic("AsyncRisky", "caller", 0).result()).isEqualTo("caller ok");
  }

  @Test
  void catchClausesInTheBodySelectTheRightCheckedException() throws Throwable {
    RISKY.assertClean();
    assertThat(RISKY.runStatic("AsyncRisky", "inspect", 1).result()).isEqualTo("io true");
    assertThat(RISKY.runStatic("AsyncRisky", "inspect", 2).result()).isEqualTo("sql true");
    assertThat(RISKY.runStatic("AsyncRisky", "inspect", 3).result()).isEqualTo("other true");
    Probe.Run run = RISKY.runStatic("AsyncRisky", "inspect", 0);
    assertThat(run.result()).isEqualTo("none");
    assertThat(run.time()).isEqualTo(5.0);
  }

  @Test
  void exceptionThrownAfterARealSuspensionReachesRunUntilCompleteUnchanged() throws Throwable {
    RISKY.assertClean();
    Object io = RISKY.staticField("Risky", "IO");
    EventLoop loop = EventLoop.create(new VirtualClock());
    try {
      Object coroutine = RISKY.call("AsyncRisky", "risky", 1);
      assertThatThrownBy(() -> loop.runUntilComplete((io.jasyncio.Coroutine<?>) coroutine))
          .isSameAs(io);
      assertThat(loop.time()).isEqualTo(1.0);
    } finally {
      loop.close();
    }
  }
}
