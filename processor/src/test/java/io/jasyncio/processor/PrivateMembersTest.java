package io.jasyncio.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code @Async} bodies using the private fields, methods and constructors of their class, as
 * Java lets any method of the class: each body is compiled twice into one class, once as an
 * {@code @Async} method (its awaits real suspensions) and once as a plain method (each await
 * replaced by its value), and both must leave the same trace.
 */
class PrivateMembersTest {

  /** The class, with {@code body} as an {@code @Async} method and as its plain twin. */
  private static Compilation compile(String... body) {
    String awaiting = String.join("\n", body).replaceAll("AWAIT\\(([^()]*)\\)", "await(slow($1))");
    String plain = String.join("\n", body).replaceAll("AWAIT\\(([^()]*)\\)", "($1)");
    Compilation c = Snippets.compile(Snippets.source("demo.Account", String.join("\n",
        "package demo;",
        "import io.jasyncio.*;",
        "import io.jasyncio.annotations.Async;",
        "import java.util.*;",
        "import java.util.function.*;",
        "import static io.jasyncio.Asyncio.*;",
        // small += 300 narrows on purpose (JDK 21 and later warn of it)
        "@SuppressWarnings(\"lossy-conversions\")",
        "public class Account {",
        "  private int balance;",
        "  private static int opened;",
        "  private byte small;",
        "  private char letter = 'a';",
        "  private long total;",
        "  private Integer boxed = 7;",
        "  private String log = \"\";",
        "  private final List<String> entries = new ArrayList<>();",
        "  private Account() { opened++; }",
        "  private Account(int balance) { this(); this.balance = balance; }",
        "  Account(String ignored) { this(); }",
        "  private int fee(int x) { return x / 10; }",
        "  private long fee(long x) { return x / 100; }",
        "  private static String audit(String s) { return \"audit:\" + s; }",
        "  private <T> T id(T t) { return t; }",
        "  private void check(int x) throws java.io.IOException {",
        "    if (x < 0) throw new java.io.IOException(\"negative \" + x);",
        "  }",
        "  private static int twice(int x) { return 2 * x; }",
        "  private int fee2() { return balance / 3; }",
        "  private String auditOf(String s) { return audit(s) + balance; }",
        "  Account self() { return this; }",
        "  Supplier<Account> supplier() { return () -> this; }",
        "  @Async static Coroutine<Integer> slow(int v) { await(sleep(1)); return done(v); }",
        "  @Async Coroutine<String> run(List<String> t) throws Exception {",
        awaiting,
        "  }",
        "  String plain(List<String> t) throws Exception {",
        plain.replace("return done(", "return (").replace("return done()", "return null"),
        "  }",
        "}")));
    assertThat(c).succeededWithoutWarnings();
    return c;
  }

  private static void assertSameAsPlainJava(Compilation c) throws Throwable {
    List<String> async = new java.util.ArrayList<>();
    Object result = LoopRun.instanceCall(c, "demo.AsyncAccount", new Object[] {"x"}, "run", async)
        .result();
    async.add("result " + result);
    ClassLoader loader = Snippets.load(c);
    Class<?> account = loader.loadClass("demo.Account");
    java.lang.reflect.Constructor<?> make = account.getDeclaredConstructor(String.class);
    make.setAccessible(true);
    Object plainTarget = make.newInstance("x");
    java.lang.reflect.Method plain = account.getDeclaredMethod("plain", List.class);
    plain.setAccessible(true);
    List<String> expected = new java.util.ArrayList<>();
    expected.add("result " + plain.invoke(plainTarget, expected));
    // The plain twin's result was added first; move it last, as the async trace has it.
    expected.add(expected.remove(expected.size() - 1));
    assertThat(async).isEqualTo(expected);
  }

  @Test
  void readsWritesAndUpdatesPrivateFieldsAcrossAwaits() throws Throwable {
    assertSameAsPlainJava(compile(
        "    balance = AWAIT(100);",
        "    t.add(\"balance \" + balance);",
        "    balance += AWAIT(5) * 2;",
        "    this.balance -= 1;",
        "    t.add(\"after \" + this.balance + \" \" + balance++ + \" \" + ++balance);",
        "    small += AWAIT(300);",
        "    small = 5;",
        "    letter = 'b';",
        "    letter++;",
        "    letter += 1;",
        "    total = AWAIT(7) + balance;",
        "    total *= AWAIT(3);",
        "    boxed++;",
        "    boxed += AWAIT(2);",
        "    log += \"x\" + AWAIT(1);",
        "    entries.add(\"e\" + AWAIT(4));",
        "    opened += 10;",
        "    Account.opened++;",
        "    t.add(small + \" \" + letter + \" \" + total + \" \" + boxed + \" \" + log + \" \"",
        "        + entries + \" \" + (opened - Account.opened));",
        "    return done(\"b\" + balance);"));
  }

  @Test
  void callsPrivateMethodsAndConstructorsWithAwaitedArguments() throws Throwable {
    assertSameAsPlainJava(compile(
        "    int a = fee(AWAIT(250));",
        "    long b = fee(AWAIT(250) * 10L);",
        "    String s = audit(\"v\" + AWAIT(3));",
        "    String same = id(s);",
        "    t.add(a + \" \" + b + \" \" + s + \" \" + id(AWAIT(9)) + \" \" + twice(AWAIT(4)));",
        "    Account other = new Account(AWAIT(40));",
        "    other.balance += fee(AWAIT(1000));",
        "    other.balance++;",
        "    t.add(\"other \" + other.balance + \" \" + other.fee(other.balance));",
        "    try {",
        "      check(-AWAIT(2));",
        "    } catch (java.io.IOException e) {",
        "      t.add(\"caught \" + e.getMessage());",
        "    }",
        "    return done(same);"));
  }

  /**
   * Private members of values whose class the scan reads off their expression: a call of a
   * method of the class, a {@code new}, a cast, a {@code var} local of a nested block.
   */
  @Test
  void reachesPrivateMembersOfValuesOfComputedClass() throws Throwable {
    assertSameAsPlainJava(compile(
        "    balance = AWAIT(70);",
        "    t.add(\"self \" + self().balance + \" \" + self().fee(500) + \" \" + AWAIT(2));",
        "    t.add(\"args \" + twice(self().balance) + \" \" + self().fee2() * AWAIT(3));",
        "    t.add(\"new \" + new Account(20).balance + \" \" + new Account(3).fee2());",
        "    Object o = this;",
        "    t.add(\"cast \" + ((Account) o).balance + \" \" + ((Account) o).fee(90));",
        "    Supplier<Account> maker = this::self;",
        "    Map<String, Account> byName = Map.of(\"me\", this);",
        "    t.add(\"generic \" + maker.get().balance + \" \" + byName.get(\"me\").fee(700)",
        "        + \" \" + supplier().get().fee2());",
        "    if (balance > 0) {",
        "      var mine = self();",
        "      mine.balance += AWAIT(1);",
        "      t.add(\"var \" + mine.balance + \" \" + mine.self().self().auditOf(\"z\"));",
        "    }",
        "    return done(\"b\" + balance);"));
  }

  @Test
  void referencesAndLambdasReachPrivateMembers() throws Throwable {
    assertSameAsPlainJava(compile(
        "    balance = AWAIT(30);",
        "    IntUnaryOperator f = Account::twice;",
        "    Function<Account, Integer> g = Account::fee2;",
        "    IntSupplier h = () -> balance + fee(balance);",
        "    Supplier<Account> make = Account::new;",
        "    Function<String, String> au = this::auditOf;",
        "    Account made = make.get();",
        "    t.add(f.applyAsInt(AWAIT(5)) + \" \" + g.apply(this) + \" \" + h.getAsInt()",
        "        + \" \" + made.balance + \" \" + au.apply(\"q\"));",
        "    entries.forEach(x -> balance += x.length());",
        "    return done(\"b\" + balance);"));
  }
}
