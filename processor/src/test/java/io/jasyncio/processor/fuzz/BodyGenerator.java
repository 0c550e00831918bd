package io.jasyncio.processor.fuzz;

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
import io.jasyncio.processor.fuzz.Ast.DoWhile;
import io.jasyncio.processor.fuzz.Ast.Either;
import io.jasyncio.processor.fuzz.Ast.Expr;
import io.jasyncio.processor.fuzz.Ast.For;
import io.jasyncio.processor.fuzz.Ast.If;
import io.jasyncio.processor.fuzz.Ast.Labeled;
import io.jasyncio.processor.fuzz.Ast.Lit;
import io.jasyncio.processor.fuzz.Ast.Log;
import io.jasyncio.processor.fuzz.Ast.ModEq;
import io.jasyncio.processor.fuzz.Ast.Not;
import io.jasyncio.processor.fuzz.Ast.Return;
import io.jasyncio.processor.fuzz.Ast.ReturnAwait;
import io.jasyncio.processor.fuzz.Ast.ReturnTail;
import io.jasyncio.processor.fuzz.Ast.Sleep;
import io.jasyncio.processor.fuzz.Ast.Stmt;
import io.jasyncio.processor.fuzz.Ast.Switch;
import io.jasyncio.processor.fuzz.Ast.Throw;
import io.jasyncio.processor.fuzz.Ast.Try;
import io.jasyncio.processor.fuzz.Ast.Var;
import io.jasyncio.processor.fuzz.Ast.While;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Generates a random, well-typed body from one seed. Only the forms this version of the processor
 * accepts: awaits as whole statements, initializers, assignments, returns and whole conditions,
 * at any depth of blocks, {@code if}s, loops and labeled statements; switches and trys only
 * without awaits. Every loop runs at most three times (a fresh counter bumped before any
 * {@code continue} can skip it), and nothing follows a jump in its block.
 */
final class BodyGenerator {
  private static final int MAX_DEPTH = 4;
  private static final String[] REUSED_NAMES = {"x", "y", "z"};
  private static final String[] CATCHABLE =
      {"IllegalStateException", "ArithmeticException", "RuntimeException"};

  private final Random random;
  private int budget;
  private int names;
  private int tags;

  private BodyGenerator(long seed) {
    this.random = new Random(seed);
  }

  /** The body for {@code seed}; the same seed always gives the same body. */
  static Body generate(long seed) {
    BodyGenerator g = new BodyGenerator(seed);
    g.budget = 4 + g.random.nextInt(g.random.nextInt(4) == 0 ? 50 : 25);
    Scope top = new Scope(true);
    top.readable.addAll(List.of("a", "b", "c"));
    top.assignable.addAll(List.of("a", "b", "c"));
    top.names.addAll(List.of("a", "b", "c", "log"));
    List<Stmt> stmts = new ArrayList<>();
    while (g.budget > 0) {
      if (!g.addStatement(top, stmts)) {
        break;
      }
    }
    return new Body(seed, g.random.nextInt(7), g.random.nextInt(7), g.random.nextInt(7),
        Flow.normalize(new Block(stmts)));
  }

  /** A break or continue target around the statement being generated. */
  private record Target(String label, boolean loop, boolean breakable) {}

  /** The locals in scope, the jump targets around, and whether awaits may be written here. */
  private static final class Scope {
    final List<String> readable = new ArrayList<>();
    final List<String> assignable = new ArrayList<>();
    final Set<String> names = new HashSet<>();
    final List<Target> targets = new ArrayList<>();
    final boolean awaits;
    int depth;

    Scope(boolean awaits) {
      this.awaits = awaits;
    }

    Scope nested(boolean awaits, Target target) {
      Scope s = new Scope(this.awaits && awaits);
      s.readable.addAll(readable);
      s.assignable.addAll(assignable);
      s.names.addAll(names);
      s.targets.addAll(targets);
      if (target != null) {
        s.targets.add(target);
      }
      s.depth = depth + 1;
      return s;
    }
  }

  private int percent() {
    return random.nextInt(100);
  }

  private <T> T pick(List<T> xs) {
    return xs.get(random.nextInt(xs.size()));
  }

  /** Adds a statement (and maybe a log line after it); false once the block cannot go on. */
  private boolean addStatement(Scope scope, List<Stmt> stmts) {
    Stmt s = statement(scope);
    stmts.add(s);
    if (!Flow.completesNormally(Flow.normalize(s))) {
      return false;
    }
    if (!(s instanceof Log) && percent() < 55) {
      stmts.add(log(scope));
    }
    return true;
  }

  private Block block(Scope scope, int max) {
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
    } else if (roll < 85 && nest) {
      return tryStatement(scope);
    } else if (roll < 87 && nest) {
      return block(scope.nested(true, null), 3);
    } else if (roll < 95) {
      return guardedExit(scope);
    }
    return log(scope);
  }

  private Stmt awaitStatement(Scope scope) {
    int roll = percent();
    String helper = random.nextBoolean() ? "slow" : "now";
    if (roll < 20) {
      return new Sleep(random.nextInt(4) == 0 ? 1 : 0);
    } else if (roll < 55) {
      String name = newName(scope);
      Stmt s = new AwaitDecl(name, helper, expr(scope, 2));
      declare(scope, name);
      return s;
    } else if (roll < 90) {
      return new AwaitAssign(pick(scope.assignable), helper, expr(scope, 2));
    }
    return guardedExit(scope);
  }

  private Stmt declaration(Scope scope) {
    String name = newName(scope);
    Stmt s = new Decl(name, expr(scope, 2));
    declare(scope, name);
    return s;
  }

  private Stmt assignment(Scope scope) {
    String op = pick(List.of("=", "+=", "-=", "*=", "+="));
    return new Assign(pick(scope.assignable), op, expr(scope, 2));
  }

  private String newName(Scope scope) {
    if (random.nextBoolean()) {
      String name = REUSED_NAMES[random.nextInt(REUSED_NAMES.length)];
      if (!scope.names.contains(name)) {
        return name;
      }
    }
    return "v" + ++names;
  }

  private void declare(Scope scope, String name) {
    scope.names.add(name);
    scope.readable.add(name);
    scope.assignable.add(name);
  }

  private If ifStatement(Scope scope) {
    Cond cond = cond(scope, 2);
    boolean await = scope.awaits && percent() < 35;
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
    if (percent() < 25) {
      int roll = percent();
      if (roll < 30) {
        Stmt jump = jump(scope);
        if (jump != null) {
          return jump;
        }
      }
      if (scope.awaits && roll < 50) {
        return random.nextBoolean() ? new Sleep(random.nextInt(2))
            : new AwaitAssign(pick(scope.assignable), random.nextBoolean() ? "slow" : "now",
                expr(scope, 2));
      }
      return roll < 75 ? assignment(scope) : log(scope);
    }
    return block(scope.nested(true, null), 4);
  }

  private Stmt loop(Scope scope) {
    String counter = "k" + ++names;
    String label = percent() < 30 ? "L" + ++names : null;
    scope.names.add(counter);
    Scope inner = scope.nested(true, new Target(label, true, true));
    inner.readable.add(counter);
    inner.names.add(counter);
    Cond extra = percent() < 25 ? cond(inner, 1) : null;
    boolean await = scope.awaits && percent() < 30;
    Stmt loop;
    int kind = random.nextInt(3);
    if (kind == 0) {
      loop = new While(counter, random.nextBoolean(), extra, await, block(inner, 5));
    } else if (kind == 1) {
      loop = new DoWhile(counter, extra, await, block(inner, 5));
    } else {
      boolean awaitInit = scope.awaits && percent() < 25;
      boolean awaitUpdate = scope.awaits && percent() < 25;
      loop = new For(counter, awaitInit, await, awaitUpdate, extra, block(inner, 5));
    }
    return label == null ? loop : new Labeled(label, loop);
  }

  private Stmt labeledBlock(Scope scope) {
    String label = "L" + ++names;
    return new Labeled(label, block(scope.nested(true, new Target(label, false, false)), 4));
  }

  private Stmt switchStatement(Scope scope) {
    Scope inner = scope.nested(false, new Target(null, false, true));
    List<Integer> free = new ArrayList<>(List.of(0, 1, 2, 3, 4));
    List<Case> cases = new ArrayList<>();
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n && budget > 0; i++) {
      List<Integer> labels = new ArrayList<>();
      int count = 1 + (percent() < 25 ? 1 : 0);
      for (int j = 0; j < count; j++) {
        labels.add(free.remove(random.nextInt(free.size())));
      }
      labels.sort(null);
      cases.add(new Case(labels, block(inner.nested(false, null), 3), random.nextBoolean()));
    }
    if (percent() < 40) {
      cases.add(new Case(List.of(), block(inner.nested(false, null), 2), random.nextBoolean()));
    }
    Expr selector = random.nextBoolean() ? expr(scope, 1) : new Bin("%", expr(scope, 1), new Lit(5));
    return new Switch(selector, random.nextBoolean(), cases);
  }

  private Stmt tryStatement(Scope scope) {
    Scope inner = scope.nested(false, null);
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
        Scope handler = scope.nested(false, null);
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
    if (catches.isEmpty() || percent() < 30) {
      // Only statements that complete normally, so javac has no [finally] warning to give.
      fin = new Block(List.of(assignment(scope), log(scope)));
    }
    return new Try(body, catches, fin);
  }

  /** {@code if (cond) <exit>}: a throw, a return, a break or a continue. */
  private Stmt guardedExit(Scope scope) {
    Cond cond = cond(scope, 2);
    boolean await = scope.awaits && percent() < 25;
    Stmt exit = percent() < 30 ? guardedThrowBody(scope) : jump(scope);
    if (exit == null) {
      exit = guardedThrowBody(scope);
    }
    Stmt then = percent() < 50 ? exit : new Block(List.of(log(scope), exit));
    return new If(cond, await, then, null);
  }

  private Stmt guardedThrow(Scope scope) {
    return new If(cond(scope, 2), false, guardedThrowBody(scope), null);
  }

  private Stmt guardedThrowBody(Scope scope) {
    return new Throw("t" + ++tags, expr(scope, 1));
  }

  /** A statement that cannot complete normally and fits here, or null. */
  private Stmt jump(Scope scope) {
    List<Stmt> options = new ArrayList<>();
    boolean breakable = scope.targets.stream().anyMatch(Target::breakable);
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
      if (scope.awaits && random.nextBoolean()) {
        return random.nextBoolean() ? new ReturnAwait(expr(scope, 1))
            : new ReturnTail(random.nextBoolean() ? "slow" : "now", expr(scope, 1));
      }
      return new Return(expr(scope, 1));
    }
    if (roll < 25 || options.isEmpty()) {
      return guardedThrowBody(scope);
    }
    return pick(options);
  }

  private Log log(Scope scope) {
    return new Log("t" + ++tags, someVars(scope), null);
  }

  private List<String> someVars(Scope scope) {
    List<String> vars = new ArrayList<>();
    int n = random.nextInt(4);
    for (int i = 0; i < n; i++) {
      String v = pick(scope.readable);
      if (!vars.contains(v)) {
        vars.add(v);
      }
    }
    return vars;
  }

  private Expr expr(Scope scope, int depth) {
    int roll = percent();
    if (depth == 0 || roll < 40) {
      return random.nextInt(10) < 6 ? new Var(pick(scope.readable)) : new Lit(random.nextInt(10));
    }
    String op = pick(List.of("+", "-", "*", "+", "%"));
    if (op.equals("%")) {
      // A variable divisor may be zero (an ArithmeticException in both versions); a literal one
      // never is, so javac has no [divzero] warning to give.
      Expr divisor = percent() < 15 ? new Var(pick(scope.readable)) : new Lit(2 + random.nextInt(4));
      return new Bin(op, expr(scope, depth - 1), divisor);
    }
    return new Bin(op, expr(scope, depth - 1), expr(scope, depth - 1));
  }

  private Cond cond(Scope scope, int depth) {
    int roll = percent();
    if (depth == 0 || roll < 45) {
      String op = pick(List.of("==", "!=", "<", "<=", ">", ">="));
      return new Cmp(op, expr(scope, 1), expr(scope, 1));
    } else if (roll < 75) {
      int m = 2 + random.nextInt(3);
      return new ModEq(expr(scope, 1), m, random.nextInt(m));
    } else if (roll < 85) {
      return new Both(cond(scope, depth - 1), cond(scope, depth - 1));
    } else if (roll < 95) {
      return new Either(cond(scope, depth - 1), cond(scope, depth - 1));
    }
    return new Not(cond(scope, depth - 1));
  }
}
