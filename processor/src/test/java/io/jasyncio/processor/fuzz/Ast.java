package io.jasyncio.processor.fuzz;

import java.util.List;

/**
 * The small language the differential fuzzer generates: int expressions, conditions and
 * statements, each of which {@link Printer} writes once as {@code @Async} code (with real awaits)
 * and once as plain Java (each await replaced by the value it would yield).
 */
final class Ast {
  private Ast() {}

  /**
   * A generated body with the initial values of the method-level locals {@code a, b, c},
   * declared {@code together} in one declaration or in three. An {@code instance} body is an
   * instance method of the generated class, with a parameter {@code other} (another instance)
   * besides {@code log}, and may read and write fields ({@link Var} names such as
   * {@code this.fi} or {@code other.fi}). A {@code generator} body is an
   * {@code @Async} method returning {@code Generator<Integer>}, which yields instead of awaiting
   * ({@link Yield}, {@link YieldDecl}); its caller takes every value, or with a
   * {@code closeAfter} above 0 only that many and then closes it.
   */
  record Body(long seed, int a, int b, int c, boolean together, Block block, boolean generator,
      int closeAfter, boolean instance) {
    Body with(boolean together, Block block) {
      return new Body(seed, a, b, c, together, block, generator, closeAfter, instance);
    }

    Body withCloseAfter(int closeAfter) {
      return new Body(seed, a, b, c, together, block, generator, closeAfter, instance);
    }
  }

  // Expressions: int-valued, printed fully parenthesised.

  sealed interface Expr permits Lit, Var, Bin, Await, Traced, Ternary, Call, Recv, Form {}

  /** A literal, never negative. */
  record Lit(int value) implements Expr {}

  /**
   * A local, or a field or array element as written ({@code this.fi}, {@code Bodies.sf},
   * {@code arr3[1]}): anything an int can be read from and, when assignable, written to.
   */
  record Var(String name) implements Expr {}

  /**
   * An int-valued expression of a shape beyond the int language ({@link ShapeGenerator},
   * {@link TypedOperands}), written as text with holes: {@code async.get(0)}, hole 0,
   * {@code async.get(1)}, ... in the {@code @Async} body and the same with {@code plain} in the
   * plain twin, where each await of the text is already its value. {@code shape} names it for
   * the counts a run prints; {@code awaits} and {@code visible} say whether the text itself
   * awaits and whether it logs or may throw (the holes say it for themselves); {@code reads}
   * are the locals the text names.
   */
  record Form(String shape, List<String> async, List<String> plain, List<Expr> holes,
      List<String> reads, boolean awaits, boolean visible) implements Expr {
    Form withHoles(List<Expr> holes) {
      return new Form(shape, async, plain, holes, reads, awaits, visible);
    }
  }

  /** {@code left op right} for op one of {@code + - * %}. */
  record Bin(String op, Expr left, Expr right) implements Expr {}

  /**
   * An await nested in an expression, {@code await(helper(arg))}; plainly {@code arg} (or
   * {@code riskyNow(arg)} for {@code risky}).
   */
  record Await(String helper, Expr arg) implements Expr {}

  /** {@code t(log, "label", value)}: logs {@code label value}, and is {@code value}. */
  record Traced(String label, Expr value) implements Expr {}

  /** {@code (cond ? then : otherwise)}. */
  record Ternary(Cond cond, Expr then, Expr otherwise) implements Expr {}

  /**
   * {@code name(log, args...)}: {@code p2} (two ints), {@code p3} (three) or {@code pv}
   * (varargs); each logs its name and arguments and returns a mix of them.
   */
  record Call(String name, List<Expr> args) implements Expr {}

  /**
   * {@code box(log, "label").plus(arg)}: the receiver logs {@code box label} when made, and
   * {@code plus} logs {@code label plus arg} and is {@code arg + 1}.
   */
  record Recv(String label, Expr arg) implements Expr {}

  // Conditions.

  sealed interface Cond permits Cmp, ModEq, Both, Either, Not, AwaitCheck, TracedCond,
      InstanceOf {}

  /** {@code left op right} for op one of {@code == != < <= > >=}. */
  record Cmp(String op, Expr left, Expr right) implements Cond {}

  /** {@code value % modulus == remainder}. */
  record ModEq(Expr value, int modulus, int remainder) implements Cond {}

  record Both(Cond left, Cond right) implements Cond {}

  record Either(Cond left, Cond right) implements Cond {}

  record Not(Cond inner) implements Cond {}

  /** {@code await(check(inner))}, nested in a condition; plainly {@code (inner)}. */
  record AwaitCheck(Cond inner) implements Cond {}

  /** {@code tb(log, "label", inner)}: logs {@code label true} or {@code label false}. */
  record TracedCond(String label, Cond inner) implements Cond {}

  /**
   * {@code object instanceof type binding}, or with {@code negated}
   * {@code !(object instanceof type binding)}, whose binding is in scope after an {@code if}
   * that cannot complete normally.
   */
  record InstanceOf(String object, String type, String binding, boolean negated)
      implements Cond {}

  // Statements. "helper" is "slow" (suspends for 1 s), "now" (finishes inline) or "risky"
  // (suspends once, then throws if its argument is a multiple of 7).

  sealed interface Stmt
      permits Block, Decl, Decls, AwaitDecl, Assign, AwaitAssign, Sleep, Log, Throw, Return,
          ReturnAwait, ReturnTail, Break, Continue, If, While, DoWhile, For, ForEach, Labeled, Switch,
          Try, ArrSet, Use, Yield, YieldDecl, Show, Typed, FormStmt {}

  record Block(List<Stmt> stmts) implements Stmt {}

  /** {@code int name = init;} */
  record Decl(String name, Expr init) implements Stmt {}

  /** {@code int x = E, y = F;}: one declaration of several locals, with no await. */
  record Decls(List<Decl> parts) implements Stmt {}

  /** {@code int name = await(helper(arg));}, synchronously {@code int name = arg;} */
  record AwaitDecl(String name, String helper, Expr arg) implements Stmt {}

  /** {@code name op value;} for op one of {@code = += -= *=}. */
  record Assign(String name, String op, Expr value) implements Stmt {}

  /** {@code name = await(helper(arg));}, synchronously {@code name = arg;} */
  record AwaitAssign(String name, String helper, Expr arg) implements Stmt {}

  /** {@code await(sleep(seconds));}, synchronously nothing. */
  record Sleep(int seconds) implements Stmt {}

  /** {@code log.add("tag a=" + a + ...)}; {@code exception}, if not null, adds its message. */
  record Log(String tag, List<String> vars, String exception) implements Stmt {}

  /** {@code throw new IllegalStateException("tag " + value);} */
  record Throw(String tag, Expr value) implements Stmt {}

  /** {@code return done(value);}, synchronously {@code return value;} */
  record Return(Expr value) implements Stmt {}

  /** {@code return done(await(now(value)));}, synchronously {@code return value;} */
  record ReturnAwait(Expr value) implements Stmt {}

  /** {@code return helper(value);} (a tail await), synchronously {@code return value;} */
  record ReturnTail(String helper, Expr value) implements Stmt {}

  record Break(String label) implements Stmt {}

  record Continue(String label) implements Stmt {}

  /**
   * {@code if (cond) then else otherwise}; a {@link Block} branch is printed in braces, any
   * other statement unbraced; {@code otherwise} is null, a block, a statement or an {@code If}
   * (printed as {@code else if}). With {@code awaitCond} the condition is
   * {@code await(check(cond))}.
   */
  record If(Cond cond, boolean awaitCond, Stmt then, Stmt otherwise) implements Stmt {}

  /**
   * {@code int counter = 0; while (counter < 3 && extra) { counter++; body }}, or with
   * {@code bumpInCondition} {@code while (counter++ < 3 && extra) { body }}.
   */
  record While(String counter, boolean bumpInCondition, Cond extra, boolean awaitCond, Block body)
      implements Stmt {}

  /** {@code int counter = 0; do { body } while (counter++ < 2 && extra);} */
  record DoWhile(String counter, Cond extra, boolean awaitCond, Block body) implements Stmt {}

  /**
   * {@code for (int counter = 0; counter < 3 && extra; counter++) { body }}, where the init may
   * be {@code await(now(0))} and the update {@code counter = await(slow(counter + 1))}.
   */
  record For(String counter, boolean awaitInit, boolean awaitCond, boolean awaitUpdate,
      Cond extra, Block body) implements Stmt {}

  /**
   * {@code for (varType var : source) body} over {@code List.of(elems)} ({@code source}
   * {@code "list"}), {@code new int[] {elems}} ({@code "ints"}) or {@code new long[] {elems}}
   * ({@code "longs"}); with a {@code helper} ({@code "slow"} or {@code "now"}) the iterated
   * expression is awaited, {@code await(slowList(List.of(...)))}, synchronously the list alone.
   * {@code varType} is {@code int}, {@code long}, {@code Integer} or {@code var}, as assignment
   * conversion allows for the element type. With an {@code array} name (arrays only), the
   * array is first declared as that local, {@code int[] array = {elems};}, and the loop
   * iterates the local, which its body may change ({@link ArrSet}).
   */
  record ForEach(String var, String varType, String source, List<Expr> elems, String array,
      String helper, Block body) implements Stmt {
    /** Whether the loop variable is an int or an Integer, usable in int expressions. */
    boolean intVar() {
      return varType.equals("int") || varType.equals("Integer")
          || varType.equals("var") && !source.equals("longs");
    }

    ForEach withVarType(String varType) {
      return new ForEach(var, varType, source, elems, array, helper, body);
    }

    ForEach withElems(List<Expr> elems) {
      return new ForEach(var, varType, source, elems, array, helper, body);
    }

    ForEach withHelper(String helper) {
      return new ForEach(var, varType, source, elems, array, helper, body);
    }

    ForEach withBody(Block body) {
      return new ForEach(var, varType, source, elems, array, helper, body);
    }
  }

  /** {@code array[index] = value;} */
  record ArrSet(String array, int index, Expr value) implements Stmt {}

  /**
   * In a generator body: {@code Generator.yield(value);}, in the plain twin
   * {@code out.add(value);}.
   */
  record Yield(Expr value) implements Stmt {}

  /**
   * In a generator body: {@code Integer name = Generator.yield(value);} (null, as the caller
   * only calls {@code next()}), in the plain twin {@code Integer name = put(out, value);}.
   */
  record YieldDecl(String name, Expr value) implements Stmt {}

  /** {@code log.add("tag " + v1 + " " + v2 ...);}: string concatenation of int expressions. */
  record Show(String tag, List<Expr> values) implements Stmt {}

  /**
   * {@code log.add("tag " + ...)} of a conditional whose operands have mixed types, one of them
   * awaited (or only the condition awaits), in a {@code context} where what is logged tells
   * Java's typing of it apart (JLS 15.25: an await is a generic call, never a numeric operand):
   * {@code "concat"}, {@code "tag " + (cond ? then : otherwise)}; {@code "object"},
   * {@code d(cond ? ...)} with an {@code Object} parameter, which logs the class too; or
   * {@code "long"}, {@code asLong(cond ? ...)} with a {@code long} parameter.
   */
  record Typed(String tag, String context, Cond cond, Operand then, Operand otherwise)
      implements Stmt {}

  /**
   * An operand of a {@link Typed} conditional, made from the int expression {@code value}: of
   * {@code kind} {@code int}, {@code long}, {@code double}, {@code char}, {@code boolean},
   * {@code Integer}, {@code Long}, {@code Character}, {@code String} or {@code null}, or with
   * {@code awaited} one of {@code Integer}, {@code Long}, {@code Double}, {@code Character},
   * {@code Boolean}, {@code String} or {@code null} (a null Integer), as
   * {@code await(slowI(value))} and the like; plainly {@code v(keepI(value))}, where {@code v}
   * is the generic identity {@code <T> T v(T x)}, typed as the await is.
   */
  record Operand(String kind, Expr value, boolean awaited) {
    Operand withValue(Expr value) {
      return new Operand(kind, value, awaited);
    }
  }

  /**
   * A simple statement of a shape beyond the int language, written as text with holes as
   * {@link Form} is ({@code awaits} whether the text itself awaits); it declares the local
   * {@code declares} (or null) and reads {@code reads}, and with {@code completes} false it
   * cannot complete normally ({@code throw await(...)}).
   */
  record FormStmt(String shape, List<String> async, List<String> plain, List<Expr> holes,
      String declares, List<String> reads, boolean awaits, boolean completes) implements Stmt {
    FormStmt withHoles(List<Expr> holes) {
      return new FormStmt(shape, async, plain, holes, declares, reads, awaits, completes);
    }
  }

  /** {@code resource.use();}, which logs its use. */
  record Use(String resource) implements Stmt {}

  /** {@code label: body} where body is a loop, a block, an {@code if} or a switch. */
  record Labeled(String label, Stmt body) implements Stmt {}

  /**
   * A switch statement, old-style ({@code case 1:}) or with arrows, over {@code kind}
   * {@code "int"} ({@code switch (selector)}, labels 0 to 4), {@code "string"}
   * ({@code switch ("s" + selector)}, labels {@code "s0"} to {@code "s4"}) or {@code "enum"}
   * ({@code switch (color(selector))}, labels {@code RED} to {@code BLACK} of seven constants).
   */
  record Switch(Expr selector, String kind, boolean arrows, List<Case> cases) implements Stmt {
    boolean hasDefault() {
      return cases.stream().anyMatch(c -> c.labels().isEmpty());
    }
  }

  /**
   * {@code case labels: { body } break;} (no labels: {@code default}); {@code breakAfter} only
   * for old-style switches.
   */
  record Case(List<Integer> labels, Block body, boolean breakAfter) {}

  /**
   * A try statement, with resources when {@code resources} is not empty; {@code fin} may be
   * null. The printed try block first uses each resource ({@code r.use();}), so that javac has
   * no [try] warning to give.
   */
  record Try(List<Resource> resources, Block body, List<Catch> catches, Block fin)
      implements Stmt {}

  /**
   * {@code Res name = new Res(log, "tag", value, failsOnClose)}, or with a {@code helper}
   * ({@code "slow"}, {@code "now"}, {@code "risky"}: fails to open if value is a multiple of 7)
   * {@code Res name = await(openSlow(log, "tag", value, failsOnClose))}. A {@code Res} logs
   * its opening, use and closing, and its close throws when {@code failsOnClose}. The type is
   * {@code var} rather than {@code Res} with {@code var}; with {@code outside} the resource is
   * declared just before the try statement, which names it alone: {@code try (name)}.
   */
  record Resource(String name, String tag, Expr value, String helper, boolean failsOnClose,
      boolean var, boolean outside) {
    Resource withValue(Expr value) {
      return new Resource(name, tag, value, helper, failsOnClose, var, outside);
    }

    Resource withHelper(String helper) {
      return new Resource(name, tag, value, helper, failsOnClose, var, outside);
    }

    Resource withFailsOnClose(boolean failsOnClose) {
      return new Resource(name, tag, value, helper, failsOnClose, var, outside);
    }

    Resource inside() {
      return new Resource(name, tag, value, helper, failsOnClose, false, false);
    }
  }

  record Catch(String type, String name, Block body) {}
}
