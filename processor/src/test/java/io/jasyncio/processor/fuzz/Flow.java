package io.jasyncio.processor.fuzz;

import io.jasyncio.processor.fuzz.Ast.ArrSet;
import io.jasyncio.processor.fuzz.Ast.AwaitAssign;
import io.jasyncio.processor.fuzz.Ast.AwaitDecl;
import io.jasyncio.processor.fuzz.Ast.Assign;
import io.jasyncio.processor.fuzz.Ast.Bin;
import io.jasyncio.processor.fuzz.Ast.Block;
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
import io.jasyncio.processor.fuzz.Ast.Resource;
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
import io.jasyncio.processor.fuzz.Ast.Use;
import io.jasyncio.processor.fuzz.Ast.Var;
import io.jasyncio.processor.fuzz.Ast.While;
import io.jasyncio.processor.fuzz.Ast.Await;
import io.jasyncio.processor.fuzz.Ast.AwaitCheck;
import io.jasyncio.processor.fuzz.Ast.Call;
import io.jasyncio.processor.fuzz.Ast.Recv;
import io.jasyncio.processor.fuzz.Ast.Show;
import io.jasyncio.processor.fuzz.Ast.Typed;
import io.jasyncio.processor.fuzz.Ast.Ternary;
import io.jasyncio.processor.fuzz.Ast.Traced;
import io.jasyncio.processor.fuzz.Ast.TracedCond;
import io.jasyncio.processor.fuzz.Ast.Yield;
import io.jasyncio.processor.fuzz.Ast.YieldDecl;
import io.jasyncio.processor.fuzz.Ast.Form;
import io.jasyncio.processor.fuzz.Ast.FormStmt;
import io.jasyncio.processor.fuzz.Ast.InstanceOf;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Java's reachability rules (JLS 14.22) for the generated language, so that neither the generator
 * nor the shrinker ever writes a statement javac would reject as unreachable.
 */
final class Flow {
  private Flow() {}

  /**
   * The same statement with every unreachable statement dropped (whatever follows, in its block,
   * a statement that cannot complete normally), and old-style switch groups that can complete
   * normally ending in {@code break} unless they are last (or may fall through, with
   * {@link BodyGenerator#FALL_THROUGH}).
   */
  static Stmt normalize(Stmt s) {
    if (s instanceof Block b) {
      return normalize(b);
    } else if (s instanceof If i) {
      return new If(i.cond(), i.awaitCond(), normalize(i.then()),
          i.otherwise() == null ? null : normalize(i.otherwise()));
    } else if (s instanceof While w) {
      return new While(w.counter(), w.bumpInCondition(), w.extra(), w.awaitCond(),
          normalize(w.body()));
    } else if (s instanceof DoWhile d) {
      return new DoWhile(d.counter(), d.extra(), d.awaitCond(), normalize(d.body()));
    } else if (s instanceof For f) {
      return new For(f.counter(), f.awaitInit(), f.awaitCond(), f.awaitUpdate(), f.extra(),
          normalize(f.body()));
    } else if (s instanceof ForEach e) {
      return e.withBody(normalize(e.body()));
    } else if (s instanceof Labeled l) {
      return new Labeled(l.label(), normalize(l.body()));
    } else if (s instanceof Switch sw) {
      List<Case> cases = new ArrayList<>();
      for (int i = 0; i < sw.cases().size(); i++) {
        Case c = sw.cases().get(i);
        Block body = normalize(c.body());
        boolean last = i == sw.cases().size() - 1;
        boolean breakAfter = !sw.arrows() && completesNormally(body)
            && (c.breakAfter() || !last && !BodyGenerator.FALL_THROUGH);
        cases.add(new Case(c.labels(), body, breakAfter));
      }
      return new Switch(sw.selector(), sw.kind(), sw.arrows(), cases);
    } else if (s instanceof Try t) {
      List<Catch> catches = new ArrayList<>();
      for (Catch c : t.catches()) {
        catches.add(new Catch(c.type(), c.name(), normalize(c.body())));
      }
      return new Try(t.resources(), normalize(t.body()), catches,
          t.fin() == null ? null : normalize(t.fin()));
    }
    return s;
  }

  static Block normalize(Block b) {
    List<Stmt> out = new ArrayList<>();
    for (Stmt s : b.stmts()) {
      Stmt n = normalize(s);
      out.add(n);
      if (!completesNormally(n)) {
        break;
      }
    }
    return new Block(out);
  }

  /** JLS 14.22 "can complete normally", for a normalized statement. */
  static boolean completesNormally(Stmt s) {
    if (s instanceof Block b) {
      return b.stmts().stream().allMatch(Flow::completesNormally);
    } else if (s instanceof If i) {
      return i.otherwise() == null || completesNormally(i.then())
          || completesNormally(i.otherwise());
    } else if (s instanceof While || s instanceof For || s instanceof ForEach) {
      return true; // conditions are never constant
    } else if (s instanceof DoWhile d) {
      return doCompletesNormally(d, null);
    } else if (s instanceof Labeled l) {
      boolean inner = l.body() instanceof DoWhile d
          ? doCompletesNormally(d, l.label())
          : completesNormally(l.body());
      return inner || hasJump(l.body(), l.label(), true);
    } else if (s instanceof Switch sw) {
      if (!sw.hasDefault()) {
        return true;
      }
      for (Case c : sw.cases()) {
        if (c.breakAfter() || hasPlainBreak(c.body())
            || sw.arrows() && completesNormally(c.body())) {
          return true;
        }
      }
      return !sw.arrows() && completesNormally(sw.cases().get(sw.cases().size() - 1).body());
    } else if (s instanceof Try t) {
      boolean any = completesNormally(t.body())
          || t.catches().stream().anyMatch(c -> completesNormally(c.body()));
      return any && (t.fin() == null || completesNormally(t.fin()));
    } else {
      if (s instanceof FormStmt f) {
        return f.completes();
      }
      return !(s instanceof Break || s instanceof Continue || s instanceof Return
          || s instanceof ReturnAwait || s instanceof ReturnTail || s instanceof Throw);
    }
  }

  private static boolean doCompletesNormally(DoWhile d, String label) {
    return completesNormally(d.body()) || hasPlainContinue(d.body()) || hasPlainBreak(d.body())
        || label != null && hasJump(d.body(), label, false);
  }

  /** Whether {@code s} holds a plain {@code break} that leaves {@code s}. */
  static boolean hasPlainBreak(Stmt s) {
    if (s instanceof Break b) {
      return b.label() == null;
    }
    if (s instanceof While || s instanceof DoWhile || s instanceof For || s instanceof ForEach
        || s instanceof Switch) {
      return false;
    }
    return children(s).stream().anyMatch(Flow::hasPlainBreak);
  }

  /** Whether {@code s} holds a plain {@code continue} that leaves {@code s}. */
  static boolean hasPlainContinue(Stmt s) {
    if (s instanceof Continue c) {
      return c.label() == null;
    }
    if (s instanceof While || s instanceof DoWhile || s instanceof For || s instanceof ForEach) {
      return false;
    }
    return children(s).stream().anyMatch(Flow::hasPlainContinue);
  }

  /** Whether {@code s} holds {@code break label} (or {@code continue label}). */
  static boolean hasJump(Stmt s, String label, boolean isBreak) {
    if (isBreak && s instanceof Break b) {
      return label.equals(b.label());
    }
    if (!isBreak && s instanceof Continue c) {
      return label.equals(c.label());
    }
    return children(s).stream().anyMatch(child -> hasJump(child, label, isBreak));
  }

  /** The statements directly inside {@code s} (branches, bodies, case and catch blocks). */
  static List<Stmt> children(Stmt s) {
    List<Stmt> out = new ArrayList<>();
    if (s instanceof Block b) {
      out.addAll(b.stmts());
    } else if (s instanceof If i) {
      out.add(i.then());
      if (i.otherwise() != null) {
        out.add(i.otherwise());
      }
    } else if (s instanceof While w) {
      out.add(w.body());
    } else if (s instanceof DoWhile d) {
      out.add(d.body());
    } else if (s instanceof For f) {
      out.add(f.body());
    } else if (s instanceof ForEach e) {
      out.add(e.body());
    } else if (s instanceof Labeled l) {
      out.add(l.body());
    } else if (s instanceof Switch sw) {
      sw.cases().forEach(c -> out.add(c.body()));
    } else if (s instanceof Try t) {
      out.add(t.body());
      t.catches().forEach(c -> out.add(c.body()));
      if (t.fin() != null) {
        out.add(t.fin());
      }
    }
    return out;
  }

  /** Adds every local name {@code s} reads or writes. */
  static void uses(Stmt s, Set<String> out) {
    if (s instanceof Decl d) {
      uses(d.init(), out);
    } else if (s instanceof Decls ds) {
      ds.parts().forEach(d -> uses(d.init(), out));
    } else if (s instanceof AwaitDecl d) {
      uses(d.arg(), out);
    } else if (s instanceof Assign a) {
      out.add(base(a.name()));
      uses(a.value(), out);
    } else if (s instanceof AwaitAssign a) {
      out.add(base(a.name()));
      uses(a.arg(), out);
    } else if (s instanceof FormStmt f) {
      out.addAll(f.reads());
      f.holes().forEach(x -> uses(x, out));
    } else if (s instanceof Log l) {
      out.addAll(l.vars());
    } else if (s instanceof Throw t) {
      uses(t.value(), out);
    } else if (s instanceof Return r) {
      uses(r.value(), out);
    } else if (s instanceof ReturnAwait r) {
      uses(r.value(), out);
    } else if (s instanceof ReturnTail r) {
      uses(r.value(), out);
    } else if (s instanceof If i) {
      uses(i.cond(), out);
    } else if (s instanceof While w) {
      uses(w.extra(), out);
    } else if (s instanceof DoWhile d) {
      uses(d.extra(), out);
    } else if (s instanceof For f) {
      uses(f.extra(), out);
    } else if (s instanceof ForEach e) {
      e.elems().forEach(x -> uses(x, out));
    } else if (s instanceof ArrSet a) {
      out.add(a.array());
      uses(a.value(), out);
    } else if (s instanceof Use u) {
      out.add(u.resource());
    } else if (s instanceof Yield y) {
      uses(y.value(), out);
    } else if (s instanceof Show sh) {
      sh.values().forEach(v -> uses(v, out));
    } else if (s instanceof Typed t) {
      uses(t.cond(), out);
      uses(t.then().value(), out);
      uses(t.otherwise().value(), out);
    } else if (s instanceof YieldDecl y) {
      uses(y.value(), out);
    } else if (s instanceof Switch sw) {
      uses(sw.selector(), out);
    } else if (s instanceof Try t) {
      t.resources().forEach(r -> uses(r.value(), out));
    }
    for (Stmt child : children(s)) {
      uses(child, out);
    }
  }

  /** The local an assignment target or read names: {@code arr} for {@code arr[1][0]}. */
  static String base(String name) {
    int bracket = name.indexOf('[');
    return bracket < 0 ? name : name.substring(0, bracket);
  }

  static void uses(Expr e, Set<String> out) {
    if (e instanceof Var v) {
      out.add(base(v.name()));
    } else if (e instanceof Form f) {
      out.addAll(f.reads());
      f.holes().forEach(x -> uses(x, out));
    } else if (e instanceof Bin b) {
      uses(b.left(), out);
      uses(b.right(), out);
    } else if (e instanceof Await a) {
      uses(a.arg(), out);
    } else if (e instanceof Traced t) {
      uses(t.value(), out);
    } else if (e instanceof Ternary t) {
      uses(t.cond(), out);
      uses(t.then(), out);
      uses(t.otherwise(), out);
    } else if (e instanceof Call c) {
      c.args().forEach(x -> uses(x, out));
    } else if (e instanceof Recv r) {
      uses(r.arg(), out);
    }
  }

  static void uses(Cond c, Set<String> out) {
    if (c instanceof Cmp cmp) {
      uses(cmp.left(), out);
      uses(cmp.right(), out);
    } else if (c instanceof ModEq m) {
      uses(m.value(), out);
    } else if (c instanceof Both b) {
      uses(b.left(), out);
      uses(b.right(), out);
    } else if (c instanceof Either e) {
      uses(e.left(), out);
      uses(e.right(), out);
    } else if (c instanceof Not n) {
      uses(n.inner(), out);
    } else if (c instanceof AwaitCheck a) {
      uses(a.inner(), out);
    } else if (c instanceof TracedCond t) {
      uses(t.inner(), out);
    } else if (c instanceof InstanceOf i) {
      out.add(i.object());
    }
  }

  /**
   * Adds every local name declared anywhere in {@code s} (not loop counters, but the variables
   * of enhanced {@code for} loops and resources).
   */
  static void declares(Stmt s, Set<String> out) {
    if (s instanceof ForEach e) {
      out.add(e.var());
      if (e.array() != null) {
        out.add(e.array());
      }
    } else if (s instanceof Try t) {
      t.resources().forEach(r -> out.add(r.name()));
    }
    if (s instanceof Decl d) {
      out.add(d.name());
    } else if (s instanceof Decls ds) {
      ds.parts().forEach(d -> out.add(d.name()));
    } else if (s instanceof AwaitDecl d) {
      out.add(d.name());
    } else if (s instanceof YieldDecl y) {
      out.add(y.name());
    } else if (s instanceof FormStmt f && f.declares() != null) {
      out.add(f.declares());
    } else if (s instanceof If i && i.cond() instanceof InstanceOf test) {
      out.add(test.binding());
    }
    for (Stmt child : children(s)) {
      declares(child, out);
    }
  }

  private static int helperWeight(String helper) {
    return helper.equals("now") ? 0 : helper.equals("slow") ? 1 : 2;
  }

  /** The size of the expressions, conditions and logged names of {@code s} itself. */
  private static int ownSize(Stmt s) {
    if (s instanceof Decl d) {
      return size(d.init());
    } else if (s instanceof Decls ds) {
      return ds.parts().stream().mapToInt(d -> 2 + size(d.init())).sum();
    } else if (s instanceof AwaitDecl d) {
      return size(d.arg());
    } else if (s instanceof Assign a) {
      return size(a.value()) + (a.op().equals("=") ? 0 : 1);
    } else if (s instanceof AwaitAssign a) {
      return size(a.arg());
    } else if (s instanceof Log l) {
      return l.vars().size();
    } else if (s instanceof Throw t) {
      return size(t.value());
    } else if (s instanceof Return r) {
      return size(r.value());
    } else if (s instanceof ReturnAwait r) {
      return size(r.value());
    } else if (s instanceof ReturnTail r) {
      return size(r.value());
    } else if (s instanceof If i) {
      return size(i.cond());
    } else if (s instanceof While w) {
      return size(w.extra());
    } else if (s instanceof DoWhile d) {
      return size(d.extra());
    } else if (s instanceof For f) {
      return size(f.extra());
    } else if (s instanceof ForEach e) {
      return e.elems().stream().mapToInt(x -> 1 + size(x)).sum() + (e.array() != null ? 1 : 0);
    } else if (s instanceof ArrSet a) {
      return size(a.value());
    } else if (s instanceof Switch sw) {
      return size(sw.selector()) + (sw.kind().equals("int") ? 0 : 1);
    } else if (s instanceof Try t) {
      return t.resources().stream().mapToInt(r -> size(r.value())).sum();
    } else if (s instanceof Yield y) {
      return size(y.value());
    } else if (s instanceof YieldDecl y) {
      return 1 + size(y.value());
    } else if (s instanceof Show sh) {
      return sh.values().stream().mapToInt(v -> 1 + size(v)).sum();
    } else if (s instanceof Typed t) {
      return 2 + size(t.cond()) + size(t.then().value()) + size(t.otherwise().value());
    } else if (s instanceof FormStmt f) {
      return (f.awaits() ? 3 : 0) + f.holes().stream().mapToInt(x -> 1 + size(x)).sum();
    }
    return 0;
  }

  /** Literals count 0, so replacing anything by a literal makes it smaller. */
  static int size(Expr e) {
    if (e instanceof Bin b) {
      return 1 + size(b.left()) + size(b.right());
    } else if (e instanceof Await a) {
      return 3 + helperWeight(a.helper()) + size(a.arg());
    } else if (e instanceof Traced t) {
      return 1 + size(t.value());
    } else if (e instanceof Ternary t) {
      return 1 + size(t.cond()) + size(t.then()) + size(t.otherwise());
    } else if (e instanceof Call c) {
      return 1 + c.args().stream().mapToInt(x -> 1 + size(x)).sum();
    } else if (e instanceof Recv r) {
      return 1 + size(r.arg());
    } else if (e instanceof Form f) {
      return 2 + (f.awaits() ? 3 : 0) + f.holes().stream().mapToInt(x -> 1 + size(x)).sum();
    }
    return e instanceof Var ? 1 : 0;
  }

  static int size(Cond c) {
    if (c == null) {
      return 0;
    } else if (c instanceof Cmp cmp) {
      return 1 + size(cmp.left()) + size(cmp.right());
    } else if (c instanceof ModEq m) {
      return 1 + size(m.value());
    } else if (c instanceof Both b) {
      return 1 + size(b.left()) + size(b.right());
    } else if (c instanceof Either e) {
      return 1 + size(e.left()) + size(e.right());
    } else if (c instanceof AwaitCheck a) {
      return 3 + size(a.inner());
    } else if (c instanceof TracedCond t) {
      return 1 + size(t.inner());
    } else if (c instanceof InstanceOf) {
      return 1;
    }
    return 1 + size(((Not) c).inner());
  }

  /**
   * How big a body is, for the shrinker: each statement counts 10, each await 3, each
   * {@code slow} (rather than {@code now}), each extra loop condition, each operator, variable
   * and logged name 1, so every step of the shrinker makes it strictly smaller.
   */
  static int weight(Stmt s) {
    int w = 10;
    if (s instanceof AwaitDecl d) {
      w += 3 + helperWeight(d.helper());
    } else if (s instanceof AwaitAssign a) {
      w += 3 + helperWeight(a.helper());
    } else if (s instanceof Sleep sl) {
      w += 3 + sl.seconds();
    } else if (s instanceof ReturnAwait) {
      w += 3;
    } else if (s instanceof ReturnTail r) {
      w += 3 + helperWeight(r.helper());
    } else if (s instanceof If i) {
      w += i.awaitCond() ? 3 : 0;
    } else if (s instanceof While wh) {
      w += (wh.awaitCond() ? 3 : 0) + (wh.extra() != null ? 1 : 0);
    } else if (s instanceof DoWhile d) {
      w += (d.awaitCond() ? 3 : 0) + (d.extra() != null ? 1 : 0);
    } else if (s instanceof For f) {
      w += (f.awaitInit() ? 3 : 0) + (f.awaitCond() ? 3 : 0) + (f.awaitUpdate() ? 3 : 0)
          + (f.extra() != null ? 1 : 0);
    } else if (s instanceof ForEach e) {
      w += (e.helper() != null ? 3 + helperWeight(e.helper()) : 0)
          + (e.varType().equals("int") ? 0 : 1);
    } else if (s instanceof Switch sw) {
      w += 5 * sw.cases().size();
    } else if (s instanceof Try t) {
      w += 5 * t.catches().size() + (t.fin() != null ? 5 : 0);
      for (Resource r : t.resources()) {
        w += 5 + (r.helper() != null ? 3 + helperWeight(r.helper()) : 0)
            + (r.failsOnClose() ? 1 : 0) + (r.var() ? 1 : 0) + (r.outside() ? 1 : 0);
      }
    } else if (s instanceof Block) {
      w = 1;
    }
    w += ownSize(s);
    for (Stmt child : children(s)) {
      w += weight(child);
    }
    return w;
  }
}
