package io.jasyncio.processor.fuzz;

import io.jasyncio.processor.fuzz.Ast.ArrSet;
import io.jasyncio.processor.fuzz.Ast.AwaitAssign;
import io.jasyncio.processor.fuzz.Ast.AwaitDecl;
import io.jasyncio.processor.fuzz.Ast.Assign;
import io.jasyncio.processor.fuzz.Ast.Bin;
import io.jasyncio.processor.fuzz.Ast.Block;
import io.jasyncio.processor.fuzz.Ast.Body;
import io.jasyncio.processor.fuzz.Ast.Both;
import io.jasyncio.processor.fuzz.Ast.Break;
import io.jasyncio.processor.fuzz.Ast.Case;
import io.jasyncio.processor.fuzz.Ast.Catch;
import io.jasyncio.processor.fuzz.Ast.Cmp;
import io.jasyncio.processor.fuzz.Ast.Cond;
import io.jasyncio.processor.fuzz.Ast.Continue;
import io.jasyncio.processor.fuzz.Ast.Decl;
import io.jasyncio.processor.fuzz.Ast.Decls;
import io.jasyncio.processor.fuzz.Ast.DoWhile;
import io.jasyncio.processor.fuzz.Ast.Either;
import io.jasyncio.processor.fuzz.Ast.Expr;
import io.jasyncio.processor.fuzz.Ast.For;
import io.jasyncio.processor.fuzz.Ast.ForEach;
import io.jasyncio.processor.fuzz.Ast.If;
import io.jasyncio.processor.fuzz.Ast.Labeled;
import io.jasyncio.processor.fuzz.Ast.Lit;
import io.jasyncio.processor.fuzz.Ast.Log;
import io.jasyncio.processor.fuzz.Ast.ModEq;
import io.jasyncio.processor.fuzz.Ast.Not;
import io.jasyncio.processor.fuzz.Ast.Resource;
import io.jasyncio.processor.fuzz.Ast.Return;
import io.jasyncio.processor.fuzz.Ast.ReturnAwait;
import io.jasyncio.processor.fuzz.Ast.ReturnTail;
import io.jasyncio.processor.fuzz.Ast.Sleep;
import io.jasyncio.processor.fuzz.Ast.Stmt;
import io.jasyncio.processor.fuzz.Ast.Switch;
import io.jasyncio.processor.fuzz.Ast.Throw;
import io.jasyncio.processor.fuzz.Ast.Try;
import io.jasyncio.processor.fuzz.Ast.Use;
import io.jasyncio.processor.fuzz.Ast.Var;
import io.jasyncio.processor.fuzz.Ast.While;
import io.jasyncio.processor.fuzz.Ast.Await;
import io.jasyncio.processor.fuzz.Ast.AwaitCheck;
import io.jasyncio.processor.fuzz.Ast.Call;
import io.jasyncio.processor.fuzz.Ast.Recv;
import io.jasyncio.processor.fuzz.Ast.Operand;
import io.jasyncio.processor.fuzz.Ast.Show;
import io.jasyncio.processor.fuzz.Ast.Typed;
import io.jasyncio.processor.fuzz.Ast.Ternary;
import io.jasyncio.processor.fuzz.Ast.Traced;
import io.jasyncio.processor.fuzz.Ast.TracedCond;
import io.jasyncio.processor.fuzz.Ast.Yield;
import io.jasyncio.processor.fuzz.Ast.YieldDecl;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Generates a random, well-typed body from one seed, in the subset of Java the processor splits
 * into states: awaits as whole statements, local initializers, assignments, {@code return
 * done(await(...))}, tail returns ({@code return slow(x);}) and whole conditions of
 * {@code if}/{@code while}/{@code do}/{@code for} (and a {@code for}'s init and update), nested
 * in expressions ({@link #NESTED_AWAITS}), the
 * iterated expression of an enhanced {@code for} (over a list, an {@code int[]} or a
 * {@code long[]}) and resource initializers of try-with-resources, at any depth of blocks,
 * {@code if}s, loops, switch statements (over int, String and an enum, old-style with
 * fall-through or with arrows), try statements (with catch, finally or resources that log
 * their closing and may fail to close) and labeled statements, with {@code break} and
 * {@code continue}, plain and labeled, out of any depth. Switch and try statements hold no
 * await if {@link #AWAITS_IN_TRY_AND_SWITCH} is off; no switch selector, thrown value, tail
 * return's argument, resource's argument or element of an iterated array awaits, and there are
 * no switch expressions (the processor rejects awaits in most of these places). Besides int
 * expressions, log lines show conditionals whose operands mix boxed, primitive and null values
 * ({@link Typed}), where Java's typing of {@code ?:} shows in what is logged. Beyond int locals
 * in a static method, {@link ShapeGenerator} adds instance bodies and fields, overloads, a
 * nested class, method references, pattern bindings and array initializers, and
 * {@link TypedOperands} operands of other types, each as often as {@link ShapeOptions} says.
 *
 * <p>What javac would reject or warn about is never written: every loop runs at most three
 * times (a fresh counter, bumped where no {@code continue} can skip it, so no condition is
 * constant); nothing follows a statement that cannot complete normally ({@link Flow}); no
 * divisor is a literal 0; no old-style case falls through; a finally block can complete
 * normally. Names are reused in sibling scopes, including names the machine uses itself.
 *
 * <p>A share of the bodies ({@link #GENERATORS}) are generator bodies: the same statements with
 * {@code Generator.yield(v);} (or {@code Integer x = Generator.yield(v);}) where the others
 * await, no await anywhere, {@code return null;} for a return, and a last yield of
 * {@code a + b + c}. No catch clause catches an {@code Error}, so {@code GeneratorExit} from
 * {@code close()} reaches the finally blocks as the plain twin's stand-in does.
 */
final class BodyGenerator {
  private static final int MAX_DEPTH = 4;
  /**
   * Names a body may declare again in sibling blocks; some are also names the generated machine
   * uses for its own members and labels, or would give a renamed local ({@code x2}, {@code x_}).
   */
  private static final String[] REUSED_NAMES = {"x", "y", "z", "x", "y", "z", "x2", "y2", "x_",
      "state", "state2", "dispatch", "self", "result", "caught", "returned", "exit0", "thrown",
      "closing", "now", "sleep", "check", "awaited"};
  private static final String[] CATCHABLE =
      {"IllegalStateException", "ArithmeticException", "RuntimeException"};

  /**
   * The shapes of the bugs in {@link KnownBugsTest} that bodies may hold: by default all but
   * those of {@link #OPEN_BUGS}; {@code all}; or some of {@code dispatchLabel},
   * {@code redeclaredAfterAwait}, {@code multiDeclarator}, {@code breakInLabeled} and
   * {@code resourceReference} (all fixed), {@code forEachSplit}, {@code multiDeclaratorAwait},
   * {@code callBeforeLaterAwait} and {@code boxedArrayElement} (open), comma-separated
   * ({@code -Djasyncio.fuzz.knownBugs=}, empty, for none). While a bug is open, leaving its
   * shape out lets the fuzzer find new bugs, and CI stay green, until it is fixed.
   */
  private static final String KNOWN_BUGS = System.getProperty("jasyncio.fuzz.knownBugs");

  /**
   * The shapes of the bugs still open (disabled tests in {@link KnownBugsTest}), left out
   * unless {@code -Djasyncio.fuzz.knownBugs} asks for them: {@code forEachSplit} (in a generator
   * body, an enhanced {@code for} the machine splits: one holding a yield or a try statement) and
   * {@code multiDeclaratorAwait} (an await in an initializer of a declaration of several
   * locals), {@code callBeforeLaterAwait} ({@link Shapes#callBeforeLaterAwait}) and
   * {@code boxedArrayElement} (an {@code Integer} loop variable over an {@code int[]} compared
   * with {@code ==} or {@code !=}).
   */
  private static final List<String> OPEN_BUGS = List.of();

  private static boolean allowed(String bug) {
    if (KNOWN_BUGS == null) {
      return !OPEN_BUGS.contains(bug);
    }
    return KNOWN_BUGS.equals("all") || List.of(KNOWN_BUGS.split(",")).contains(bug);
  }

  private static final boolean DISPATCH_LABEL = allowed("dispatchLabel");
  private static final boolean REDECLARED_AFTER_AWAIT = allowed("redeclaredAfterAwait");
  private static final boolean MULTI_DECLARATOR = allowed("multiDeclarator");
  private static final boolean BREAK_IN_LABELED = allowed("breakInLabeled");
  private static final boolean RESOURCE_REFERENCE = allowed("resourceReference");
  private static final boolean FOR_EACH_SPLIT = allowed("forEachSplit");
  private static final boolean MULTI_DECLARATOR_AWAIT = allowed("multiDeclaratorAwait");
  private static final boolean CALL_BEFORE_LATER_AWAIT = allowed("callBeforeLaterAwait");
  private static final boolean BOXED_ARRAY_ELEMENT = allowed("boxedArrayElement");

  /**
   * Whether switch statements and try statements (their blocks, catch and finally blocks, and
   * resource initializers) may hold awaits too, which the processor supports since it learned
   * to split them; on by default ({@code -Djasyncio.fuzz.awaitsInTryAndSwitch=false} for bodies
   * that await only outside them).
   */
  static final boolean AWAITS_IN_TRY_AND_SWITCH = Boolean.parseBoolean(
      System.getProperty("jasyncio.fuzz.awaitsInTryAndSwitch", "true"));

  /**
   * Whether a group of an old-style switch may fall through into the next (with
   * {@link #AWAITS_IN_TRY_AND_SWITCH}); the methods then carry
   * {@code @SuppressWarnings("fallthrough")}.
   */
  static final boolean FALL_THROUGH = AWAITS_IN_TRY_AND_SWITCH;

  /**
   * How many bodies in a hundred are generator bodies ({@code Generator<Integer>}, yielding
   * where the others await; {@code -Djasyncio.fuzz.generators=0} for none).
   */
  static final int GENERATORS = Integer.getInteger("jasyncio.fuzz.generators", 25);

  /**
   * Whether awaits may be nested in expressions ({@link Await}, {@link AwaitCheck}): in local
   * initializers, assignments (compound ones too), array element stores, string
   * concatenations, {@code return done(...)}, the arguments of awaited calls and conditions,
   * as operands, call arguments and receivers' arguments, on either side of {@code &&},
   * {@code ||} and {@code ?:} (on by default; {@code -Djasyncio.fuzz.nestedAwaits=false} for
   * whole-statement awaits only).
   */
  static final boolean NESTED_AWAITS = Boolean.parseBoolean(
      System.getProperty("jasyncio.fuzz.nestedAwaits", "true"));

  private final Random random;
  /** The shapes beyond the int language, and operands of other types than int. */
  private final ShapeGenerator shapes = new ShapeGenerator(this);
  private final TypedOperands typedOperands = new TypedOperands(this);
  /** Whether this is a generator body: yields instead of awaits, and no awaits at all. */
  private boolean generator;
  /** Whether the body so far (in source order) awaits somewhere. */
  private boolean awaited;
  /** Names declared after the first await, which the body does not declare again. */
  private final Set<String> declaredAfterAwait = new HashSet<>();
  private int budget;
  private int names;
  private int tags;

  private BodyGenerator(long seed) {
    this.random = new Random(seed);
  }

  /** The body for {@code seed}; the same seed always gives the same body. */
  static Body generate(long seed) {
    BodyGenerator g = new BodyGenerator(seed);
    g.generator = g.random.nextInt(100) < GENERATORS;
    int closeAfter = g.generator && g.random.nextInt(100) < 35 ? 1 + g.random.nextInt(4) : 0;
    g.budget = 6 + g.random.nextInt(g.random.nextInt(4) == 0 ? 50 : 30);
    Scope top = new Scope(true);
    top.readable.addAll(List.of("a", "b", "c"));
    top.assignable.addAll(List.of("a", "b", "c"));
    top.names.addAll(List.of("a", "b", "c", "log", "other"));
    top.instance = g.random.nextInt(100) < ShapeOptions.INSTANCE;
    g.shapes.addFields(top);
    List<Stmt> stmts = new ArrayList<>();
    while (g.budget > 0) {
      if (!g.addStatement(top, stmts)) {
        break;
      }
    }
    return new Body(seed, g.random.nextInt(7), g.random.nextInt(7), g.random.nextInt(7),
        MULTI_DECLARATOR, Flow.normalize(new Block(stmts)), g.generator, closeAfter,
        top.instance);
  }

  /** A break or continue target around the statement being generated. */
  private record Target(String label, boolean loop, boolean breakable) {}

  /** The locals in scope, the jump targets around, and whether awaits may be written here. */
  static final class Scope {
    final List<String> readable = new ArrayList<>();
    /**
     * Int fields and array elements, read and written as ints are ({@code this.fi},
     * {@code Bodies.sf}, {@code arr3[1]}), but less often than locals.
     */
    final List<String> fields = new ArrayList<>();
    /** Locals and fields of other types than int, and their types ({@link TypedOperands}). */
    final Map<String, String> typed = new LinkedHashMap<>();
    /** Whether the body is an instance method, with {@code this} and {@code other}. */
    boolean instance;
    final List<String> assignable = new ArrayList<>();
    /** Locals that may be logged but are not ints (long loop variables). */
    final List<String> loggable = new ArrayList<>();
    /** Arrays an enhanced {@code for} around iterates, and their lengths. */
    final Map<String, Integer> arrays = new LinkedHashMap<>();
    /**
     * Integer loop variables over int arrays (boxed by the machine otherwise than by javac),
     * which are not compared with {@code ==} or {@code !=} unless {@code boxedArrayElement} may
     * show.
     */
    final Set<String> boxed = new HashSet<>();
    /** Resources of the try-with-resources statements around. */
    final List<String> resources = new ArrayList<>();
    final Set<String> names = new HashSet<>();
    final List<Target> targets = new ArrayList<>();
    final boolean awaits;
    /** Whether try statements may be written here. */
    boolean tries = true;
    int depth;

    Scope(boolean awaits) {
      this.awaits = awaits;
    }

    Scope nested(boolean awaits, Target target) {
      Scope s = new Scope(this.awaits && awaits);
      s.readable.addAll(readable);
      s.fields.addAll(fields);
      s.typed.putAll(typed);
      s.instance = instance;
      s.assignable.addAll(assignable);
      s.loggable.addAll(loggable);
      s.arrays.putAll(arrays);
      s.boxed.addAll(boxed);
      s.resources.addAll(resources);
      s.names.addAll(names);
      s.targets.addAll(targets);
      s.tries = tries;
      if (target != null) {
        s.targets.add(target);
      }
      s.depth = depth + 1;
      return s;
    }
  }

  int percent() {
    return random.nextInt(100);
  }

  <T> T pick(List<T> xs) {
    return xs.get(random.nextInt(xs.size()));
  }

  /** Whether this is a generator body. */
  boolean generator() {
    return generator;
  }

  /** Notes that the body awaits here. */
  void awaitedHere() {
    awaited = true;
  }

  /** A fresh tag for a log line. */
  String tag(String prefix) {
    return prefix + ++tags;
  }

  /** Adds a statement (and maybe a log line after it); false once the block cannot go on. */
  private boolean addStatement(Scope scope, List<Stmt> stmts) {
    List<Stmt> several = shapes.statements(scope);
    if (several.isEmpty()) {
      several = List.of(statement(scope));
    } else {
      budget--;
    }
    stmts.addAll(several);
    Stmt s = several.get(several.size() - 1);
    if (!Flow.completesNormally(Flow.normalize(s))) {
      return false;
    }
    if (!(s instanceof Log) && percent() < 55) {
      stmts.add(log(scope));
    }
    return true;
  }

  Block block(Scope scope, int max) {
    List<Stmt> stmts = new ArrayList<>();
    int n = 1 + random.nextInt(max);
    boolean open = true;
    for (int i = 0; i < n && budget > 0 && open; i++) {
      open = addStatement(scope, stmts);
    }
    if (open && percent() < 15) {
      Stmt jump = jump(scope);
      if (jump != null) {
        stmts.add(jump);
      }
    }
    return new Block(stmts);
  }

  private Stmt statement(Scope scope) {
    budget--;
    boolean nest = scope.depth < MAX_DEPTH && budget > 1;
    if (percent() < ShapeOptions.TYPED) {
      return typedOperands.statement(scope);
    }
    int roll = percent();
    if (scope.awaits && roll < 26) {
      return awaitStatement(scope);
    } else if (roll < 36) {
      return declaration(scope);
    } else if (roll < 44) {
      return assignment(scope);
    } else if (roll < 56 && nest) {
      return ifStatement(scope);
    } else if (roll < 72 && nest) {
      return loop(scope);
    } else if (roll < 75 && nest) {
      return labeledBlock(scope);
    } else if (roll < 80 && nest) {
      return switchStatement(scope);
    } else if (roll < 85 && nest && scope.tries) {
      return tryStatement(scope);
    } else if (roll < 87 && nest) {
      return block(scope.nested(true, null), 3);
    } else if (roll < 95) {
      return guardedExit(scope);
    } else if (!scope.resources.isEmpty() && percent() < 40) {
      return new Use(pick(scope.resources));
    }
    return logOrShow(scope);
  }

  private Stmt awaitStatement(Scope scope) {
    awaited = true;
    int roll = percent();
    if (generator) {
      if (roll < 60) {
        return new Yield(expr(scope, 2));
      } else if (roll < 80) {
        // Its value is null (the caller only calls next()): a name to log, not an int.
        String name = newName(scope);
        Stmt s = new YieldDecl(name, expr(scope, 2));
        declare(scope, name);
        scope.readable.remove(name);
        scope.assignable.remove(name);
        scope.loggable.add(name);
        return s;
      }
      return guardedExit(scope);
    }
    String helper = helper();
    if (roll < 20) {
      return new Sleep(random.nextInt(4) == 0 ? 1 : 0);
    } else if (roll < 55) {
      String name = newName(scope);
      Stmt s = new AwaitDecl(name, helper, awExpr(scope, 2));
      declare(scope, name);
      return s;
    } else if (roll < 90) {
      return new AwaitAssign(pick(scope.assignable), helper, awExpr(scope, 2));
    }
    return guardedExit(scope);
  }

  /**
   * Whether to await here, {@code percent} times in a hundred where awaits may go (never in a
   * generator body).
   */
  boolean awaitHere(Scope scope, int percent) {
    boolean yes = scope.awaits && percent() < percent && !generator;
    awaited |= yes;
    return yes;
  }

  /** Which coroutine an await form awaits: {@code slow}, {@code now} or, rarely, {@code risky}. */
  String helper() {
    int roll = percent();
    return roll < 45 ? "slow" : roll < 92 ? "now" : "risky";
  }

  private Stmt declaration(Scope scope) {
    if (MULTI_DECLARATOR && percent() < 25) {
      List<Decl> parts = new ArrayList<>();
      for (int i = 0, n = 2 + random.nextInt(2); i < n; i++) {
        String name = newName(scope);
        parts.add(new Decl(name, expr(scope, 2, MULTI_DECLARATOR_AWAIT)));
        declare(scope, name); // a later declarator may read an earlier one
      }
      return new Decls(parts);
    }
    String name = newName(scope);
    Stmt s = new Decl(name, awExpr(scope, 2));
    declare(scope, name);
    return s;
  }

  private Stmt assignment(Scope scope) {
    if (!scope.fields.isEmpty() && percent() < ShapeOptions.FIELDS * 2) {
      return shapes.fieldAssignment(scope);
    }
    if (!scope.arrays.isEmpty() && percent() < 25) {
      String array = pick(List.copyOf(scope.arrays.keySet()));
      int length = scope.arrays.get(array);
      // Now and then an index past the end: an ArrayIndexOutOfBoundsException in both versions.
      int index = percent() < 5 || length == 0 ? random.nextInt(3) : random.nextInt(length);
      return new ArrSet(array, index, awExpr(scope, 2));
    }
    String op = pick(List.of("=", "+=", "-=", "*=", "+="));
    return new Assign(pick(scope.assignable), op, awExpr(scope, 2));
  }

  String newName(Scope scope) {
    if (random.nextBoolean()) {
      String name = REUSED_NAMES[random.nextInt(REUSED_NAMES.length)];
      boolean avoided = !REDECLARED_AFTER_AWAIT && declaredAfterAwait.contains(name);
      if (!scope.names.contains(name) && !avoided) {
        return name;
      }
    }
    return "v" + ++names;
  }

  void declare(Scope scope, String name) {
    declareOnly(scope, name);
    scope.readable.add(name);
    scope.assignable.add(name);
  }

  /** Declares {@code name} in {@code scope}, as a name that is not an int local. */
  void declareOnly(Scope scope, String name) {
    if (awaited) {
      declaredAfterAwait.add(name);
    }
    scope.names.add(name);
  }

  private If ifStatement(Scope scope) {
    Cond cond = awCond(scope, 2);
    boolean await = awaitHere(scope, 35);
    Stmt then = branch(scope);
    Stmt otherwise = null;
    int roll = percent();
    if (roll < 30) {
      otherwise = branch(scope);
    } else if (roll < 45 && budget > 1) {
      budget--;
      otherwise = ifStatement(scope);
    }
    return new If(cond, await, then, otherwise);
  }

  /** A branch of an {@code if}: usually a block, sometimes one unbraced simple statement. */
  private Stmt branch(Scope scope) {
    return percent() < 25 ? oneLiner(scope) : block(scope.nested(true, null), 4);
  }

  /** A statement that may stand unbraced as a branch or a loop body (not a declaration). */
  private Stmt oneLiner(Scope scope) {
    budget--;
    int roll = percent();
    if (roll < 30) {
      Stmt jump = jump(scope);
      if (jump != null) {
        return jump;
      }
    }
    if (scope.awaits && roll < 50) {
      awaited = true;
      if (generator) {
        return new Yield(expr(scope, 2));
      }
      return random.nextBoolean() ? new Sleep(random.nextInt(2))
          : new AwaitAssign(pick(scope.assignable), helper(), awExpr(scope, 2));
    }
    return roll < 75 ? assignment(scope) : logOrShow(scope);
  }

  private Stmt loop(Scope scope) {
    if (percent() < 30) {
      String label = percent() < 30 ? label(scope) : null;
      boolean split = !generator || FOR_EACH_SPLIT;
      Scope inner = scope.nested(split, new Target(label, true, true));
      inner.tries &= split;
      return forEach(scope, inner, label);
    }
    String counter = "k" + ++names;
    String label = percent() < 30 ? label(scope) : null;
    scope.names.add(counter);
    Scope inner = scope.nested(true, new Target(label, true, true));
    inner.readable.add(counter);
    inner.names.add(counter);
    Cond extra = percent() < 25 ? awCond(inner, 1) : null;
    int kind = random.nextInt(3);
    boolean await = awaitHere(scope, 30);
    boolean awaitInit = kind == 2 && awaitHere(scope, 25);
    boolean awaitUpdate = kind == 2 && awaitHere(scope, 25);
    // Sometimes a body of one simple statement, which Printer may write without braces.
    Block body = percent() < 20 ? new Block(List.of(oneLiner(inner))) : block(inner, 5);
    Stmt loop;
    if (kind == 0) {
      loop = new While(counter, random.nextBoolean(), extra, await, body);
    } else if (kind == 1) {
      loop = new DoWhile(counter, extra, await, body);
    } else {
      loop = new For(counter, awaitInit, await, awaitUpdate, extra, body);
    }
    return label == null ? loop : new Labeled(label, loop);
  }

  /**
   * An enhanced {@code for} over a list, an {@code int[]} or a {@code long[]} of up to three
   * elements (so it runs at most three times), maybe awaited; its variable may be read and
   * assigned in the body when it is an int or an Integer, and is only logged when a long.
   */
  private Stmt forEach(Scope scope, Scope inner, String label) {
    String source = pick(List.of("list", "list", "ints", "ints", "longs"));
    List<Expr> elems = new ArrayList<>();
    // An await in the iterated expression only with POSITIONS (or in an array's initializer).
    boolean awaitsIn = ShapeOptions.POSITIONS && percent() < 25;
    for (int i = 0, n = random.nextInt(4); i < n; i++) {
      elems.add(awaitsIn ? awExpr(scope, 1) : expr(scope, 1));
    }
    String helper = awaitHere(scope, 35) ? (random.nextBoolean() ? "slow" : "now") : null;
    String varType = switch (source) {
      case "list" -> pick(List.of("int", "int", "Integer", "var", "long"));
      case "ints" -> pick(List.of("int", "int", "var", "long", "Integer"));
      default -> pick(List.of("long", "var"));
    };
    String var = newName(scope);
    if (awaited) {
      declaredAfterAwait.add(var);
    }
    inner.names.add(var);
    String array = !source.equals("list") && percent() < 50 ? "arr" + ++names : null;
    if (array != null) {
      scope.names.add(array);
      inner.names.add(array);
      inner.arrays.put(array, elems.size());
    }
    ForEach probe =
        new ForEach(var, varType, source, elems, array, helper, new Block(List.of()));
    if (varType.equals("Integer") && !source.equals("list")) {
      inner.boxed.add(var);
    }
    if (probe.intVar()) {
      inner.readable.add(var);
      inner.assignable.add(var);
    } else {
      inner.loggable.add(var);
    }
    Block body = percent() < 20 ? new Block(List.of(oneLiner(inner))) : block(inner, 5);
    Stmt loop = probe.withBody(body);
    return label == null ? loop : new Labeled(label, loop);
  }

  /** A fresh label, or one the generated machine may use itself if no enclosing label has it. */
  private String label(Scope scope) {
    String name = percent() < 15
        ? pick(List.of(DISPATCH_LABEL ? "dispatch" : "resume", "dispatch2", "outer"))
        : null;
    if (name != null && scope.targets.stream().noneMatch(t -> name.equals(t.label()))) {
      return name;
    }
    return "L" + ++names;
  }

  /** A labeled block, or now and then a labeled {@code if} or switch, to leave with a break. */
  private Stmt labeledBlock(Scope scope) {
    String label = label(scope);
    Scope inner = scope.nested(true, new Target(label, false, false));
    int roll = percent();
    Stmt body = roll < 20 ? ifStatement(inner)
        : roll < 30 ? switchStatement(inner)
        : roll < 40 && inner.tries ? tryStatement(inner)
        : block(inner, 4);
    return new Labeled(label, body);
  }

  private Stmt switchStatement(Scope scope) {
    Scope inner = scope.nested(AWAITS_IN_TRY_AND_SWITCH, new Target(null, false, true));
    List<Integer> free = new ArrayList<>(List.of(0, 1, 2, 3, 4));
    List<Case> cases = new ArrayList<>();
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n && budget > 0; i++) {
      List<Integer> labels = new ArrayList<>();
      int count = free.size() > n - i ? 1 + (percent() < 25 ? 1 : 0) : 1;
      for (int j = 0; j < count; j++) {
        labels.add(free.remove(random.nextInt(free.size())));
      }
      labels.sort(null);
      cases.add(new Case(labels, block(inner.nested(true, null), 3), random.nextBoolean()));
    }
    if (percent() < 40) {
      cases.add(new Case(List.of(), block(inner.nested(true, null), 2), random.nextBoolean()));
    }
    Expr selector = random.nextBoolean()
        ? expr(scope, 1)
        : new Bin("%", expr(scope, 1), new Lit(5));
    String kind = pick(List.of("int", "int", "string", "enum"));
    return new Switch(selector, kind, random.nextBoolean(), cases);
  }

  private Stmt tryStatement(Scope scope) {
    Scope inner = scope.nested(AWAITS_IN_TRY_AND_SWITCH, null);
    List<Resource> resources = new ArrayList<>();
    if (percent() < 35) {
      for (int i = 0, n = percent() < 35 ? 2 : 1; i < n; i++) {
        // A resource declared before the try statement has a name of its own, as the try may
        // be labeled and printed in a block whose scope the generator does not see here.
        boolean outside = percent() < 20 && (RESOURCE_REFERENCE || i == n - 1);
        String name = outside ? "res" + ++names : newName(inner);
        // Awaits in a resource declared outside are awaits in the enclosing block.
        Scope where = outside ? scope : inner;
        String helper = awaitHere(where, 40) ? pick(List.of("slow", "now", "now", "risky")) : null;
        resources.add(new Resource(name, "r" + ++tags, expr(scope, 1), helper,
            percent() < 30, percent() < 25, outside));
        if (awaited) {
          declaredAfterAwait.add(name);
        }
        inner.names.add(name);
        inner.resources.add(name);
      }
    }
    Block body = block(inner, 4);
    if (percent() < 50) {
      List<Stmt> stmts = new ArrayList<>(body.stmts());
      stmts.add(guardedThrow(inner));
      body = new Block(stmts);
    }
    List<Catch> catches = new ArrayList<>();
    for (String type : CATCHABLE) {
      if (percent() < 40) {
        String name = "e" + ++names;
        Scope handler = scope.nested(AWAITS_IN_TRY_AND_SWITCH, null);
        handler.names.add(name);
        List<Stmt> stmts = new ArrayList<>();
        stmts.add(new Log("t" + ++tags, someVars(handler), name));
        if (percent() < 50) {
          stmts.addAll(block(handler, 2).stmts());
        }
        catches.add(new Catch(type, name, new Block(stmts)));
      }
    }
    Block fin = null;
    if (catches.isEmpty() && resources.isEmpty() || percent() < 25) {
      // Only statements that can complete normally, so javac has no [finally] warning to give;
      // a guarded throw replaces a return or jump already under way.
      // Awaits nested in its expressions only where a finally block may await.
      Scope finScope = scope.nested(AWAITS_IN_TRY_AND_SWITCH, null);
      List<Stmt> stmts = new ArrayList<>(List.of(assignment(finScope), log(scope)));
      if (AWAITS_IN_TRY_AND_SWITCH && generator && scope.awaits && percent() < 30) {
        // A yield in a finally block: while the generator closes, close() throws.
        awaited = true;
        stmts.add(1, new Yield(expr(scope, 2)));
      } else if (AWAITS_IN_TRY_AND_SWITCH && awaitHere(scope, 50)) {
        stmts.add(1, random.nextBoolean() ? new Sleep(random.nextInt(2))
            : new AwaitAssign(pick(scope.assignable), helper(), awExpr(scope, 2)));
      }
      if (percent() < 25) {
        stmts.add(guardedThrow(finScope));
      }
      fin = new Block(stmts);
    }
    return new Try(resources, body, catches, fin);
  }

  /** {@code if (cond) <exit>}: a throw, a return, a break or a continue. */
  private Stmt guardedExit(Scope scope) {
    Cond cond = awRareCond(scope);
    boolean await = awaitHere(scope, 25);
    Stmt exit = percent() < 30 ? guardedThrowBody(scope) : jump(scope);
    if (exit == null) {
      exit = guardedThrowBody(scope);
    }
    Stmt then = percent() < 50 ? exit : new Block(List.of(log(scope), exit));
    return new If(cond, await, then, null);
  }

  private Stmt guardedThrow(Scope scope) {
    return new If(awRareCond(scope), false, guardedThrowBody(scope), null);
  }

  /** A condition that holds about a quarter of the time, so most bodies run on past a guard. */
  private Cond rareCond(Scope scope, boolean aw) {
    if (random.nextBoolean()) {
      Var left = new Var(pick(scope.readable));
      Expr right = expr(scope, 1, aw);
      if (!identity(scope, "==", left, right)) {
        return new Cmp("==", left, right);
      }
    }
    int m = 3 + random.nextInt(3);
    return new ModEq(expr(scope, 2, aw), m, random.nextInt(m));
  }

  /**
   * Whether {@code left op right} would compare an Integer loop variable over an int array by
   * identity while {@code boxedArrayElement} may not show: {@code op} is {@code ==} or
   * {@code !=} and a side is such a variable (the other side may be an Integer too).
   */
  private static boolean identity(Scope scope, String op, Expr left, Expr right) {
    if (BOXED_ARRAY_ELEMENT || !op.equals("==") && !op.equals("!=")) {
      return false;
    }
    return boxedSide(scope, left) || boxedSide(scope, right);
  }

  private static boolean boxedSide(Scope scope, Expr e) {
    if (e instanceof Var v) {
      return scope.boxed.contains(v.name());
    } else if (e instanceof Ternary t) {
      return boxedSide(scope, t.then()) || boxedSide(scope, t.otherwise());
    }
    return false;
  }

  private Stmt guardedThrowBody(Scope scope) {
    if (ShapeOptions.POSITIONS && nestedAwaits(scope, true) && percent() < 20) {
      return shapes.throwAwait(scope);
    }
    return new Throw("t" + ++tags, expr(scope, 1));
  }

  /** A statement that cannot complete normally and fits here, or null. */
  Stmt jump(Scope scope) {
    List<Stmt> options = new ArrayList<>();
    boolean breakable = false;
    for (int i = scope.targets.size() - 1; i >= 0; i--) {
      Target t = scope.targets.get(i);
      if (t.breakable() || t.label() != null && !BREAK_IN_LABELED) {
        // The innermost breakable target takes a plain break; but it must not leave a labeled
        // block or if around it unless that bug may show.
        breakable = t.breakable();
        break;
      }
    }
    boolean loop = scope.targets.stream().anyMatch(Target::loop);
    if (breakable) {
      options.add(new Break(null));
      options.add(new Break(null));
    }
    if (loop) {
      options.add(new Continue(null));
      options.add(new Continue(null));
    }
    for (Target t : scope.targets) {
      if (t.label() != null) {
        options.add(new Break(t.label()));
        if (t.loop()) {
          options.add(new Continue(t.label()));
        }
      }
    }
    int roll = percent();
    if (roll < 15 || options.isEmpty() && roll < 60) {
      if (scope.awaits && !generator && random.nextBoolean()) {
        awaited = true;
        return random.nextBoolean() ? new ReturnAwait(awExpr(scope, 1))
            : new ReturnTail(helper(), expr(scope, 1));
      }
      return new Return(awExpr(scope, 1));
    }
    if (roll < 25 || options.isEmpty()) {
      return guardedThrowBody(scope);
    }
    return pick(options);
  }

  Log log(Scope scope) {
    return new Log("t" + ++tags, someVars(scope), null);
  }

  private List<String> someVars(Scope scope) {
    List<String> vars = new ArrayList<>();
    int n = random.nextInt(4);
    for (int i = 0; i < n; i++) {
      String v = !scope.loggable.isEmpty() && percent() < 30 ? pick(scope.loggable)
          : pick(scope.readable);
      if (!vars.contains(v)) {
        vars.add(v);
      }
    }
    return vars;
  }

  Expr expr(Scope scope, int depth) {
    return expr(scope, depth, false);
  }

  /** Whether awaits may be nested in an expression here ({@code aw}: where Java allows). */
  boolean nestedAwaits(Scope scope, boolean aw) {
    return aw && NESTED_AWAITS && scope.awaits && !generator;
  }

  /** An int expression; with {@code aw}, awaits may be nested in it (see NESTED_AWAITS). */
  Expr expr(Scope scope, int depth, boolean aw) {
    boolean awaits = nestedAwaits(scope, aw);
    if (awaits && percent() < 15) {
      awaited = true;
      Expr arg = depth == 0 || random.nextBoolean() ? leaf(scope) : expr(scope, depth - 1, true);
      return new Await(helper(), arg);
    }
    if (depth > 0 && percent() < (awaits ? 18 : 6)) {
      return richExpr(scope, depth, aw);
    }
    int roll = percent();
    if (depth == 0 || roll < 40) {
      return leaf(scope);
    }
    String op = pick(List.of("+", "-", "*", "+", "%"));
    if (op.equals("%")) {
      // A variable divisor may be zero (an ArithmeticException in both versions); a literal one
      // never is, so javac has no [divzero] warning to give.
      Expr divisor = percent() < 8 ? new Var(pick(scope.readable)) : new Lit(2 + random.nextInt(4));
      return new Bin(op, expr(scope, depth - 1, aw), divisor);
    }
    return new Bin(op, expr(scope, depth - 1, aw), expr(scope, depth - 1, aw));
  }

  /**
   * An expression where awaits may be nested (see {@link #NESTED_AWAITS}), without the shape of
   * {@code callBeforeLaterAwait} unless that bug may show.
   */
  Expr awExpr(Scope scope, int depth) {
    for (int i = 0; i < 3; i++) {
      Expr e = expr(scope, depth, true);
      if (CALL_BEFORE_LATER_AWAIT || !Shapes.callBeforeLaterAwait(e)) {
        return e;
      }
    }
    return expr(scope, depth, false);
  }

  /** A condition where awaits may be nested, as {@link #awExpr}. */
  private Cond awCond(Scope scope, int depth) {
    for (int i = 0; i < 3; i++) {
      Cond c = cond(scope, depth, true);
      if (CALL_BEFORE_LATER_AWAIT || !Shapes.callBeforeLaterAwait(c)) {
        return c;
      }
    }
    return cond(scope, depth, false);
  }

  /** A rare condition where awaits may be nested, as {@link #awExpr}. */
  private Cond awRareCond(Scope scope) {
    for (int i = 0; i < 3; i++) {
      Cond c = rareCond(scope, true);
      if (CALL_BEFORE_LATER_AWAIT || !Shapes.callBeforeLaterAwait(c)) {
        return c;
      }
    }
    return rareCond(scope, false);
  }

  Expr leaf(Scope scope) {
    if (!scope.fields.isEmpty() && percent() < ShapeOptions.FIELDS) {
      return new Var(pick(scope.fields));
    }
    return random.nextInt(10) < 6 ? new Var(pick(scope.readable)) : new Lit(random.nextInt(10));
  }

  /** A traced value, a conditional, a call or a call on a traced receiver. */
  private Expr richExpr(Scope scope, int depth, boolean aw) {
    if (percent() < ShapeOptions.CALLS) {
      return shapes.call(scope, depth, aw);
    } else if (percent() < ShapeOptions.TYPED * 3) {
      return typedOperands.intExpr(scope, depth, aw);
    }
    int roll = percent();
    if (roll < 30) {
      return new Traced("L" + ++tags, expr(scope, depth - 1, aw));
    } else if (roll < 55) {
      return new Ternary(cond(scope, depth - 1, aw), expr(scope, depth - 1, aw),
          expr(scope, depth - 1, aw));
    } else if (roll < 85) {
      String name = pick(List.of("p2", "p3", "pv"));
      int n = name.equals("p2") ? 2 : name.equals("p3") ? 3 : random.nextInt(4);
      List<Expr> args = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        args.add(expr(scope, depth - 1, aw));
      }
      return new Call(name, args);
    }
    return new Recv("B" + ++tags, expr(scope, depth - 1, aw));
  }

  /**
   * Mostly a log line of names, sometimes one of expressions ({@link Show}) or, where awaits may
   * nest, of a conditional of mixed operand types ({@link Typed}).
   */
  private Stmt logOrShow(Scope scope) {
    if (TYPED_CONDITIONALS && nestedAwaits(scope, true) && percent() < 40) {
      return typed(scope);
    }
    if (percent() < 30) {
      List<Expr> values = new ArrayList<>();
      for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
        values.add(expr(scope, 1 + random.nextInt(2), true));
      }
      if (!CALL_BEFORE_LATER_AWAIT && Shapes.operands(values)) {
        return log(scope);
      }
      return new Show("s" + ++tags, values);
    }
    return log(scope);
  }


  /**
   * Whether bodies may log conditionals of mixed operand types ({@link Typed}), on by default
   * ({@code -Djasyncio.fuzz.typedConditionals=false} for int expressions only).
   */
  static final boolean TYPED_CONDITIONALS = Boolean.parseBoolean(
      System.getProperty("jasyncio.fuzz.typedConditionals", "true"));

  private static final List<String> AWAITED_KINDS =
      List.of("Integer", "Long", "Double", "Character", "Boolean", "String", "null");
  private static final List<String> PLAIN_KINDS = List.of("int", "long", "double", "char",
      "boolean", "Integer", "Long", "Character", "String", "null");
  /** What converts to a long: not a null literal, but an awaited null, which throws. */
  private static final List<String> AWAITED_LONG_KINDS =
      List.of("Integer", "Long", "Character", "null");
  private static final List<String> PLAIN_LONG_KINDS =
      List.of("int", "long", "char", "Integer", "Long", "Character");

  /**
   * A conditional of mixed operand types, logged ({@link Typed}): one operand awaited, or both,
   * or only the condition.
   */
  private Typed typed(Scope scope) {
    awaited = true;
    String context = pick(List.of("concat", "object", "long"));
    boolean toLong = context.equals("long");
    Cond cond = cond(scope, 1, true);
    int roll = percent();
    if (roll < 20) {
      cond = new AwaitCheck(cond);
    }
    boolean thenAwaits = roll >= 20 && roll < 70 || roll >= 85;
    boolean otherwiseAwaits = roll >= 70;
    Operand then = operand(scope, thenAwaits, toLong);
    Operand otherwise = operand(scope, otherwiseAwaits, toLong);
    if (context.equals("concat") && isNullLiteral(then) && isNullLiteral(otherwise)) {
      // javac 17, the oracle, drops the condition's side effects from "s" + (c ? null : null)
      // (javac 25 keeps them, as JLS 15.25 says, and so does the processor).
      context = "object";
    }
    return new Typed("typed" + ++tags, context, cond, then, otherwise);
  }

  private static boolean isNullLiteral(Operand o) {
    return o.kind().equals("null") && !o.awaited();
  }

  private Operand operand(Scope scope, boolean awaits, boolean toLong) {
    List<String> kinds = awaits ? (toLong ? AWAITED_LONG_KINDS : AWAITED_KINDS)
        : (toLong ? PLAIN_LONG_KINDS : PLAIN_KINDS);
    return new Operand(pick(kinds), expr(scope, 1, percent() < 30), awaits);
  }

  Cond cond(Scope scope, int depth) {
    return cond(scope, depth, false);
  }

  /** A condition; with {@code aw}, awaits may be nested in it (see NESTED_AWAITS). */
  Cond cond(Scope scope, int depth, boolean aw) {
    boolean awaits = nestedAwaits(scope, aw);
    if (depth > 0 && awaits && percent() < 10) {
      awaited = true;
      return new AwaitCheck(cond(scope, depth - 1, aw));
    }
    if (depth > 0 && percent() < (awaits ? 12 : 4)) {
      return new TracedCond("C" + ++tags, cond(scope, depth - 1, aw));
    }
    int roll = percent();
    if (depth == 0 || roll < 45) {
      String op = pick(List.of("==", "!=", "<", "<=", ">", ">="));
      Expr left = awaits && percent() < 30 ? expr(scope, 1, aw) : new Var(pick(scope.readable));
      Expr right = expr(scope, 1, aw);
      return new Cmp(identity(scope, op, left, right) ? "<=" : op, left, right);
    } else if (roll < 75) {
      int m = 2 + random.nextInt(3);
      return new ModEq(expr(scope, 1, aw), m, random.nextInt(m));
    } else if (roll < 85) {
      return new Both(cond(scope, depth - 1, aw), cond(scope, depth - 1, aw));
    } else if (roll < 95) {
      return new Either(cond(scope, depth - 1, aw), cond(scope, depth - 1, aw));
    }
    return new Not(cond(scope, depth - 1, aw));
  }

}
