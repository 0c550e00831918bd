package io.jasyncio.processor.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.internal.CoroutineMachine;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Lambdas, anonymous and local classes that read a parameter or a local living across an await:
 * as in the template, each captures the value the variable had when it was created, never the
 * state machine whose field holds the variable in the generated code.
 */
class CapturedLocalsTest {

  /** Helpers: a job sent through serialization, as to a process pool, then run. */
  private static final String SHIPPING = String.join("\n",
      "  static int square(int v) { return v * v; }",
      "  @Async static Coroutine<Integer> slow(int v) { await(sleep(1)); return done(v); }",
      "  @SuppressWarnings(\"unchecked\")",
      "  static <V> SerializableCallable<V> shipped(SerializableCallable<V> job) {",
      "    try {",
      "      var bytes = new java.io.ByteArrayOutputStream();",
      "      try (var out = new java.io.ObjectOutputStream(bytes)) { out.writeObject(job); }",
      "      try (var in = new java.io.ObjectInputStream(",
      "          new java.io.ByteArrayInputStream(bytes.toByteArray()))) {",
      "        return (SerializableCallable<V>) in.readObject();",
      "      }",
      "    } catch (java.io.IOException | ClassNotFoundException e) {",
      "      throw new IllegalStateException(\"cannot ship \" + job + \": \" + e, e);",
      "    }",
      "  }",
      "  static <V> V run(SerializableCallable<V> job) {",
      "    try {",
      "      return shipped(job).call();",
      "    } catch (Exception e) {",
      "      throw new IllegalStateException(e);",
      "    }",
      "  }");

  private static final Probe SHIP = Probe.compile("Ship",
      "public class Ship {",
      SHIPPING,
      "  @Async static Coroutine<String> everywhere(java.util.concurrent.Executor pool, int x) {",
      "    int y = await(slow(x + 1));",
      "    await(sleep(1));",
      "    // an await's operand",
      "    int squared = await(runInExecutor(pool, shipped(() -> square(y))));",
      "    // a copied statement",
      "    SerializableCallable<Integer> sum = () -> x + y;",
      "    int summed = run(sum);",
      "    // an expression lowered into continuations",
      "    int chained = await(slow(1)) + run(() -> y * 10) + await(slow(2));",
      "    // a condition that is split",
      "    if (run(() -> y > x)) {",
      "      await(sleep(1));",
      "    }",
      "    // a loop condition",
      "    int turns = 0;",
      "    while (run(() -> y + 0) > turns) {",
      "      turns++;",
      "      await(sleep(0));",
      "    }",
      "    // a switch selector, and the value of done",
      "    switch (run(() -> y)) {",
      "      case 4: await(sleep(1)); break;",
      "      default: break;",
      "    }",
      "    return done(squared + \" \" + summed + \" \" + chained + \" \" + turns + \" \"",
      "        + run(() -> \"y=\" + y + \" x=\" + x));",
      "  }",
      "  @Async static Coroutine<Integer> parameterOnly(int x) {",
      "    await(sleep(1));",
      "    return done(run(() -> x * 2));",
      "  }",
      "}");

  @Test
  void serializableLambdasCaptureValuesNotTheMachineWhereverTheyStand() throws Throwable {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Probe.Run run = SHIP.assertClean().runStatic("AsyncShip", "everywhere", pool, 3);
      assertThat(run.result()).isEqualTo("16 7 43 4 y=4 x=3");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aLambdaReadingOnlyAParameterIsSerializable() throws Throwable {
    assertThat(SHIP.assertClean().runStatic("AsyncShip", "parameterOnly", 21).result())
        .isEqualTo(42);
  }

  @Test
  void lambdasReadTheirValuesInArmsResourcesCatchFinallyAndLoopHeaders() throws Throwable {
    Probe p = Probe.compile("Places",
        "public class Places {",
        "  @Async static Coroutine<Integer> slow(int v) { await(sleep(1)); return done(v); }",
        "  static <T> T get(Supplier<T> s) { return s.get(); }",
        "  static class Res implements AutoCloseable {",
        "    final List<String> log;",
        "    final IntSupplier s;",
        "    Res(List<String> log, IntSupplier s) {",
        "      this.log = log;",
        "      this.s = s;",
        "      log.add(\"open \" + s.getAsInt());",
        "    }",
        "    int id() { return s.getAsInt(); }",
        "    @Override public void close() { log.add(\"close \" + s.getAsInt()); }",
        "  }",
        "  @Async static Coroutine<String> places(int k, List<String> log) {",
        "    int y = await(slow(k));",
        "    await(sleep(1));",
        "    int a = switch (k) {",
        "      case 1 -> await(slow(get(() -> y + 1)));",
        "      case 2 -> { int q = get(() -> y * 2); yield q; }",
        "      default -> get(() -> y);",
        "    };",
        "    try (Res r = new Res(log, () -> y)) {",
        "      await(sleep(1));",
        "      log.add(\"try \" + get(() -> y + r.id()));",
        "      throw new IllegalStateException(\"boom\");",
        "    } catch (IllegalStateException e) {",
        "      await(sleep(1));",
        "      log.add(get(() -> e.getMessage() + y));",
        "    } finally {",
        "      await(sleep(1));",
        "      log.add(\"finally \" + get(() -> y));",
        "    }",
        "    for (int q : List.of(get(() -> y), 5)) {",
        "      await(sleep(1));",
        "      log.add(\"q\" + get(() -> q + y));",
        "    }",
        "    int n = 0;",
        "    do {",
        "      n++;",
        "      await(sleep(1));",
        "    } while (get(() -> y) > n);",
        "    if (k > 100) return done(get(() -> \"big\" + y));",
        "    return done(a + \" \" + n);",
        "  }",
        "}");
    List<String> log = new ArrayList<>();
    assertThat(p.assertClean().runStatic("AsyncPlaces", "places", 2, log).result())
        .isEqualTo("4 2");
    assertThat(log).containsExactly("open 2", "try 4", "close 2", "boom2", "finally 2", "q4",
        "q7");
  }

  private static final Probe LOOPS = Probe.compile("Loops",
      "public class Loops {",
      "  @Async static Coroutine<Integer> slow(int v) { await(sleep(1)); return done(v); }",
      "  @Async static Coroutine<Void> eachLoop(List<Supplier<String>> made) {",
      "    for (String s : List.of(\"a\", \"b\", \"c\")) {",
      "      int n = await(slow(s.charAt(0) - 'a'));",
      "      await(sleep(1));",
      "      made.add(() -> s + n);",
      "    }",
      "    return done();",
      "  }",
      "  @Async static Coroutine<Void> whileLoop(List<Supplier<String>> made) {",
      "    int i = 0;",
      "    while (i < 3) {",
      "      int k = i * 10;",
      "      await(sleep(1));",
      "      made.add(() -> \"k\" + k);",
      "      i++;",
      "    }",
      "    return done();",
      "  }",
      "  @Async static Coroutine<Void> forLoop(List<Supplier<String>> made) {",
      "    for (int i = 0; i < 3; i++) {",
      "      final int j = i + 1;",
      "      String label = await(slow(j)) + \"!\";",
      "      Supplier<String> late = () -> label + j;",
      "      await(sleep(1));",
      "      made.add(() -> late.get() + label);",
      "    }",
      "    return done();",
      "  }",
      "  static int id(int v) { return v; }",
      "  @Async static Coroutine<String> text(String v) { await(sleep(1)); return done(v); }",
      "  static boolean keep(List<Supplier<String>> made, Supplier<String> s) {",
      "    return made.add(s);",
      "  }",
      "  @Async static Coroutine<Void> assignedWhereCaptured(List<Supplier<String>> made) {",
      "    for (int i = 0; i < 3; i++) {",
      "      int z;",
      "      if (id(z = i * 10) >= 0 && keep(made, () -> \"z\" + z)) {",
      "        await(sleep(1));",
      "      }",
      "      int w;",
      "      if (i >= 0) {",
      "        w = i + 100;",
      "        keep(made, () -> \"w\" + w);",
      "      } else {",
      "        w = 0;",
      "      }",
      "      await(sleep(z));",
      "      keep(made, () -> \"after\" + w);",
      "    }",
      "    return done();",
      "  }",
      "  @Async static Coroutine<Void> expressionsAndArms(List<Supplier<String>> made) {",
      "    for (int i = 0; i < 3; i++) {",
      "      int y = await(slow(i));",
      "      String s = switch (i) {",
      "        case 0 -> { keep(made, () -> \"arm\" + y); yield \"a\"; }",
      "        case 1 -> await(text(keep(made, () -> \"arm\" + y) ? \"b\" : \"\"));",
      "        default -> { await(sleep(1)); keep(made, () -> \"arm\" + y); yield \"c\"; }",
      "      };",
      "      int t = await(slow(i)) + (keep(made, () -> \"chain\" + y + s) ? 1 : 0)",
      "          + await(slow(1));",
      "      await(sleep(t));",
      "    }",
      "    return done();",
      "  }",
      "  @Async static Generator<IntSupplier> doubles(List<Integer> xs) {",
      "    for (int x : xs) {",
      "      int twice = x * 2;",
      "      Generator.yield((IntSupplier) () -> twice);",
      "      Generator.yield((IntSupplier) () -> x + twice);",
      "    }",
      "    return null;",
      "  }",
      "  @Async static Coroutine<Void> anonymous(List<IntSupplier> made) {",
      "    for (Integer v : List.of(1, 2, 3)) {",
      "      await(sleep(1));",
      "      made.add(new IntSupplier() {",
      "        @Override public int getAsInt() { return v * 100; }",
      "      });",
      "    }",
      "    return done();",
      "  }",
      "  @Async static Coroutine<Void> local(List<IntSupplier> made) {",
      "    for (Integer v : List.of(1, 2, 3)) {",
      "      await(sleep(1));",
      "      class Scaled implements IntSupplier {",
      "        @Override public int getAsInt() { return v * 1000; }",
      "      }",
      "      made.add(new Scaled());",
      "    }",
      "    return done();",
      "  }",
      "}");

  @Test
  void lambdasMadeInEachTurnOfALoopSeeTheirOwnTurnsValues() throws Throwable {
    List<Supplier<String>> made = new ArrayList<>();
    LOOPS.assertClean().runStatic("AsyncLoops", "eachLoop", made);
    LOOPS.runStatic("AsyncLoops", "whileLoop", made);
    LOOPS.runStatic("AsyncLoops", "forLoop", made);
    List<String> seen = new ArrayList<>();
    made.forEach(s -> seen.add(s.get()));
    assertThat(seen).containsExactly("a0", "b1", "c2", "k0", "k10", "k20",
        "1!11!", "2!22!", "3!33!");
    made.forEach(s -> assertThat(capturesMachine(s)).as("%s", s).isFalse());
  }

  @Test
  void aLocalAssignedInTheStatementThatCapturesItIsCopiedWhereItIsAssigned() throws Throwable {
    List<Supplier<String>> made = new ArrayList<>();
    LOOPS.assertClean().runStatic("AsyncLoops", "assignedWhereCaptured", made);
    List<String> seen = new ArrayList<>();
    made.forEach(s -> seen.add(s.get()));
    assertThat(seen).containsExactly("z0", "w100", "after100", "z10", "w101", "after101", "z20",
        "w102", "after102");
  }

  @Test
  void lambdasInSwitchArmsAndExpressionsThatAwaitSeeTheirOwnTurnsValues() throws Throwable {
    List<Supplier<String>> made = new ArrayList<>();
    LOOPS.assertClean().runStatic("AsyncLoops", "expressionsAndArms", made);
    List<String> seen = new ArrayList<>();
    made.forEach(s -> seen.add(s.get()));
    assertThat(seen).containsExactly("arm0", "chain0a", "arm1", "chain1b", "arm2", "chain2c");
    made.forEach(s -> assertThat(capturesMachine(s)).as("%s", s).isFalse());
  }

  @Test
  void lambdasAGeneratorYieldsSeeTheirOwnTurnsValues() throws Throwable {
    Object generator = LOOPS.assertClean().call("AsyncLoops", "doubles", List.of(1, 2, 3));
    List<IntSupplier> made = new ArrayList<>();
    ((Iterable<?>) generator).forEach(s -> made.add((IntSupplier) s));
    List<Integer> seen = new ArrayList<>();
    made.forEach(s -> seen.add(s.getAsInt()));
    assertThat(seen).containsExactly(2, 3, 4, 6, 6, 9);
    made.forEach(s -> assertThat(capturesMachine(s)).as("%s", s).isFalse());
  }

  @Test
  void anonymousAndLocalClassesMadeInEachTurnSeeTheirOwnTurnsValues() throws Throwable {
    List<IntSupplier> made = new ArrayList<>();
    LOOPS.assertClean().runStatic("AsyncLoops", "anonymous", made);
    LOOPS.runStatic("AsyncLoops", "local", made);
    List<Integer> seen = new ArrayList<>();
    made.forEach(s -> seen.add(s.getAsInt()));
    assertThat(seen).containsExactly(100, 200, 300, 1000, 2000, 3000);
  }

  private static final Probe INSTANCE = Probe.compile("Counter",
      "public class Counter implements java.io.Serializable {",
      "  private static final long serialVersionUID = 1L;",
      SHIPPING,
      "  int offset = 100;",
      "  int plus(int v) { return v + offset; }",
      "  @Async Coroutine<Integer> keep(List<IntSupplier> made, List<Object> selves) {",
      "    for (int i = 1; i <= 2; i++) {",
      "      int y = await(slow(i));",
      "      await(sleep(1));",
      "      made.add(() -> plus(y) + this.offset + offset);",
      "      selves.add(((Supplier<Object>) () -> this).get());",
      "    }",
      "    offset = 1000;",
      "    return done(run(() -> plus(1)));",
      "  }",
      "}");

  @Test
  void instanceLambdasSeeTheObjectAndTheHoistedLocalsValue() throws Throwable {
    Object counter = INSTANCE.assertClean().create("AsyncCounter");
    List<IntSupplier> made = new ArrayList<>();
    List<Object> selves = new ArrayList<>();
    Probe.Run run = INSTANCE.runOn(counter, "keep", made, selves);
    assertThat(run.result()).isEqualTo(1001);
    List<Integer> seen = new ArrayList<>();
    made.forEach(s -> seen.add(s.getAsInt()));
    // the object is captured, not its field: the lambdas see offset as it is now
    assertThat(seen).containsExactly(3001, 3002);
    assertThat(selves).containsExactly(counter, counter);
    made.forEach(s -> assertThat(capturesMachine(s)).as("%s", s).isFalse());
  }

  /** Whether {@code closure} holds a state machine in one of its fields. */
  private static boolean capturesMachine(Object closure) {
    for (Class<?> c = closure.getClass(); c != null; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (f.getType().isPrimitive()) {
          continue;
        }
        try {
          f.setAccessible(true);
          if (f.get(closure) instanceof CoroutineMachine<?>) {
            return true;
          }
        } catch (ReflectiveOperationException | RuntimeException e) {
          throw new AssertionError("cannot read " + f, e);
        }
      }
    }
    return false;
  }
}
