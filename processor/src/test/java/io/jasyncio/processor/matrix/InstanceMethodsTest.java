package io.jasyncio.processor.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Instance {@code @Async} methods: {@code AsyncFoo extends Foo}, mirrors its constructors, and
 * the body sees the user's members and the {@code AsyncFoo} instance, never the machine's.
 */
class InstanceMethodsTest {

  private static final Probe SHOP = Probe.compile("Shop",
      "public class Shop {",
      "  final String how;",
      "  public Shop() { this(\"default\"); }",
      "  public Shop(String how) { this.how = how; }",
      "  protected Shop(int... counts) { this(\"varargs \" + counts.length); }",
      "  Shop(java.nio.file.Path p) throws java.io.IOException {",
      "    this(\"path \" + p);",
      "    if (p.toString().isEmpty()) throw new java.io.IOException(\"empty\");",
      "  }",
      "  <X extends Number> Shop(X x, List<X> xs) { this(\"generic \" + x + xs); }",
      "  private Shop(Object secret, String hidden) { this(\"private\"); }",
      "  @Async Coroutine<String> how() {",
      "    await(sleep(1));",
      "    return done(how + \"/\" + getClass().getSimpleName());",
      "  }",
      "}",
      "class Buyer {",
      "  static Shop fromPath(String p) {",
      "    try {",
      "      return new AsyncShop(java.nio.file.Path.of(p));",
      "    } catch (java.io.IOException e) {",
      "      return new AsyncShop(e.getMessage());",
      "    }",
      "  }",
      "  static Shop fromCounts() { return new AsyncShop(1, 2, 3); }",
      "}");

  @Test
  void everyNonPrivateConstructorIsMirrored() throws Throwable {
    SHOP.assertClean();
    assertThat(SHOP.runOn(SHOP.create("AsyncShop"), "how").result())
        .isEqualTo("default/AsyncShop");
    assertThat(SHOP.runOn(SHOP.create("AsyncShop", "named"), "how").result())
        .isEqualTo("named/AsyncShop");
    assertThat(SHOP.runOn(SHOP.create("AsyncShop", (Object) new int[] {4, 5}), "how").result())
        .isEqualTo("varargs 2/AsyncShop");
    assertThat(SHOP.runOn(SHOP.create("AsyncShop", 7, List.of(8)), "how").result())
        .isEqualTo("generic 7[8]/AsyncShop");
    Probe.Run run = SHOP.runOn(SHOP.create("AsyncShop", Path.of("p")), "how");
    assertThat(run.result()).isEqualTo("path p/AsyncShop");
    assertThat(run.time()).isEqualTo(1.0);
  }

  @Test
  void mirroredConstructorsKeepVarargsThrowsAndVisibility() throws Throwable {
    Constructor<?>[] constructors = SHOP.assertClean().type("AsyncShop").getDeclaredConstructors();
    assertThat(constructors).hasSize(5);
    Constructor<?> varargs = SHOP.type("AsyncShop").getDeclaredConstructor(int[].class);
    assertThat(varargs.isVarArgs()).isTrue();
    assertThat(Modifier.isProtected(varargs.getModifiers())).isTrue();
    assertThat(SHOP.type("AsyncShop").getDeclaredConstructor(Path.class).getExceptionTypes())
        .containsExactly(java.io.IOException.class);
    // Plain code in the same compilation calls them: varargs, and a catch of the checked one.
    Object shop = SHOP.call("Buyer", "fromPath", "");
    assertThat(SHOP.runOn(shop, "how").result()).isEqualTo("empty/AsyncShop");
    assertThat(SHOP.runOn(SHOP.call("Buyer", "fromCounts"), "how").result())
        .isEqualTo("varargs 3/AsyncShop");
  }

  @Test
  void protectedAndPackagePrivateMembersAreUsedThroughTheObject() throws Throwable {
    Probe p = Probe.compile("Ledger",
        "public class Ledger {",
        "  protected int balance = 10;",
        "  int deposits;",
        "  protected int bump(int by) { return balance += by; }",
        "  void note() { deposits++; }",
        "  static int fee() { return 1; }",
        "  protected static String currency = \"EUR\";",
        "  @Async Coroutine<String> deposit(int x) {",
        "    note();",
        "    await(sleep(1));",
        "    bump(x);",
        "    note();",
        "    balance -= fee();",
        "    this.deposits += 10;",
        "    return done(balance + \" \" + currency + \" \" + deposits);",
        "  }",
        "}");
    Object ledger = p.assertClean().create("AsyncLedger");
    assertThat(p.runOn(ledger, "deposit", 5).result()).isEqualTo("14 EUR 12");
    assertThat(p.runOn(ledger, "deposit", 5).result()).isEqualTo("18 EUR 24");
  }

  @Test
  void fieldsNamedLikeMachineInternalsAreTheUsersFields() throws Throwable {
    Probe p = Probe.compile("Internals",
        "public class Internals {",
        "  int state = 1;",
        "  String awaited = \"a\";",
        "  boolean complete = true;",
        "  String name = \"n\";",
        "  int status = 2;",
        "  String outcome = \"o\";",
        "  String task = \"t\";",
        "  String parent = \"p\";",
        "  String awaiting = \"w\";",
        "  String claimed = \"c\";",
        "  @Async Coroutine<String> read() {",
        "    await(sleep(0));",
        "    state++;",
        "    complete = !complete;",
        "    String s = state + awaited + complete + name + status + outcome + task + parent",
        "        + awaiting + claimed;",
        "    await(sleep(0));",
        "    return done(s + \" \" + this.state + \" \" + this.complete);",
        "  }",
        "}");
    Object target = p.assertClean().create("AsyncInternals");
    assertThat(p.runOn(target, "read").result()).isEqualTo("2afalsen2otpwc 2 false");
  }

  @Test
  void methodsNamedLikeMachineMethodsCallTheUsersMethods() throws Throwable {
    Probe p = Probe.compile("Named",
        "public class Named {",
        "  int completes, resumes;",
        "  String complete() { completes++; return \"C\"; }",
        "  void resume() { resumes++; }",
        "  String awaited() { return \"A\"; }",
        "  boolean suspendOn(Object o) { return o == null; }",
        "  String claim() { return \"claim\"; }",
        "  String runStep() { return \"step\"; }",
        "  @Override public String toString() { return \"Named!\"; }",
        "  @Override public int hashCode() { return 42; }",
        "  @Override public boolean equals(Object o) { return o == this; }",
        "  @Async Coroutine<String> call() {",
        "    resume();",
        "    await(sleep(0));",
        "    resume();",
        "    String s = complete() + awaited() + suspendOn(null) + claim() + runStep();",
        "    await(sleep(0));",
        "    return done(s + \" \" + toString() + \" \" + hashCode() + \" \" + equals(this)",
        "        + \" \" + completes + resumes);",
        "  }",
        "}");
    Object target = p.assertClean().create("AsyncNamed");
    assertThat(p.runOn(target, "call").result()).isEqualTo("CAtrueclaimstep Named! 42 true 12");
  }

  @Test
  void thisPassedOutOfTheBodyIsTheGeneratedInstance() throws Throwable {
    Probe p = Probe.compile("Node",
        "public class Node {",
        "  static final List<Object> SEEN = new ArrayList<>();",
        "  @Async Coroutine<Object> register() {",
        "    SEEN.add(this);",
        "    await(sleep(1));",
        "    SEEN.add(Node.this);",
        "    Runnable r = () -> SEEN.add(this);",
        "    r.run();",
        "    Supplier<Object> anon = new Supplier<>() {",
        "      @Override public Object get() { return Node.this; }",
        "    };",
        "    SEEN.add(anon.get());",
        "    Node self = this;",
        "    await(sleep(1));",
        "    SEEN.add(self);",
        "    return done(this);",
        "  }",
        "}");
    Object node = p.assertClean().create("AsyncNode");
    Probe.Run run = p.runOn(node, "register");
    assertThat(run.result()).isSameAs(node);
    assertThat((List<?>) p.staticField("Node", "SEEN")).hasSize(5)
        .allSatisfy(o -> assertThat(o).isSameAs(node));
  }

  @Test
  void abstractClassGetsAnAbstractGeneratedClassToSubclass() throws Throwable {
    Probe p = Probe.compile("Shape",
        "public abstract class Shape {",
        "  abstract int sides();",
        "  protected abstract String name();",
        "  @Async Coroutine<String> describe() {",
        "    await(sleep(1));",
        "    int n = sides();",
        "    await(sleep(1));",
        "    return done(name() + \" has \" + n);",
        "  }",
        "}",
        "class Square extends AsyncShape {",
        "  @Override int sides() { return 4; }",
        "  @Override protected String name() { return \"square\"; }",
        "}");
    assertThat(Modifier.isAbstract(p.assertClean().type("AsyncShape").getModifiers())).isTrue();
    Probe.Run run = p.runOn(p.create("Square"), "describe");
    assertThat(run.result()).isEqualTo("square has 4");
    assertThat(run.time()).isEqualTo(2.0);
  }

  @Test
  void genericClassMethodUsesTheClassTypeVariable() throws Throwable {
    Probe p = Probe.compile("Box",
        "public class Box<T extends Comparable<T>> {",
        "  T value;",
        "  public Box(T value) { this.value = value; }",
        "  @Async Coroutine<T> max(T other) {",
        "    T mine = value;",
        "    await(sleep(1));",
        "    List<T> both = new ArrayList<>(List.of(mine, other));",
        "    await(sleep(1));",
        "    return done(Collections.max(both));",
        "  }",
        "  @Async Coroutine<Box<T>> self() { await(sleep(0)); return done(this); }",
        "  @Async Coroutine<String> both(T other) {",
        "    T best = await(max(other));",
        "    Box<T> me = await(self());",
        "    return done(best + \" \" + (me == this));",
        "  }",
        "}");
    Object box = p.assertClean().create("AsyncBox", "pear");
    assertThat(p.runOn(box, "max", "apple").result()).isEqualTo("pear");
    assertThat(p.runOn(box, "max", "zebra").result()).isEqualTo("zebra");
    assertThat(p.runOn(box, "both", "kiwi").result()).isEqualTo("pear true");
    assertThat(p.type("AsyncBox").getTypeParameters()).hasSize(1);
  }

  @Test
  void awaitOnAnotherObjectDeclaredAsTheTemplateDispatchesToItsGeneratedMethod()
      throws Throwable {
    Probe p = Probe.compile("Peer",
        "public class Peer {",
        "  Peer other;",
        "  final String id;",
        "  public Peer(String id) { this.id = id; }",
        "  void link(Peer to) { other = to; }",
        "  @Async Coroutine<String> hello(int hops) {",
        "    await(sleep(1));",
        "    if (hops == 0) return done(id);",
        "    String rest = await(other.hello(hops - 1));",
        "    return done(id + \">\" + rest);",
        "  }",
        "}");
    Object a = p.assertClean().create("AsyncPeer", "a");
    Object b = p.create("AsyncPeer", "b");
    p.call(a, "link", b);
    p.call(b, "link", a);
    Probe.Run run = p.runOn(a, "hello", 3);
    assertThat(run.result()).isEqualTo("a>b>a>b");
    assertThat(run.time()).isEqualTo(4.0);
  }

  @Test
  void instanceMethodOfAStaticNestedClassSeesBothClassesMembers() throws Throwable {
    Probe p = Probe.compile("Home",
        "public class Home {",
        "  static int rooms() { return 3; }",
        "  static final String CITY = \"Oslo\";",
        "  public static class Room {",
        "    int size = 12;",
        "    public Room() {}",
        "    @Async Coroutine<String> describe() {",
        "      await(sleep(1));",
        "      return done(CITY + \" \" + rooms() + \" \" + size + \" \"",
        "          + (this instanceof Room));",
        "    }",
        "  }",
        "}");
    Object room = p.assertClean().create("AsyncHome_Room");
    assertThat(p.runOn(room, "describe").result()).isEqualTo("Oslo 3 12 true");
  }
}
