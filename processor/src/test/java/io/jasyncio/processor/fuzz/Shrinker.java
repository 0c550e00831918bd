package io.jasyncio.processor.fuzz;

import io.jasyncio.processor.fuzz.Ast.ArrSet;
import io.jasyncio.processor.fuzz.Ast.AwaitAssign;
import io.jasyncio.processor.fuzz.Ast.AwaitDecl;
import io.jasyncio.processor.fuzz.Ast.Assign;
import io.jasyncio.processor.fuzz.Ast.Bin;
import io.jasyncio.processor.fuzz.Ast.Block;
import io.jasyncio.processor.fuzz.Ast.Body;
import io.jasyncio.processor.fuzz.Ast.Case;
import io.jasyncio.processor.fuzz.Ast.Catch;
import io.jasyncio.processor.fuzz.Ast.Both;
import io.jasyncio.processor.fuzz.Ast.Cmp;
import io.jasyncio.processor.fuzz.Ast.Cond;
import io.jasyncio.processor.fuzz.Ast.Either;
import io.jasyncio.processor.fuzz.Ast.Expr;
import io.jasyncio.processor.fuzz.Ast.Lit;
import io.jasyncio.processor.fuzz.Ast.Log;
import io.jasyncio.processor.fuzz.Ast.ModEq;
import io.jasyncio.processor.fuzz.Ast.Not;
import io.jasyncio.processor.fuzz.Ast.Resource;
import io.jasyncio.processor.fuzz.Ast.Throw;
import io.jasyncio.processor.fuzz.Ast.Var;
import io.jasyncio.processor.fuzz.Ast.Decl;
import io.jasyncio.processor.fuzz.Ast.Decls;
import io.jasyncio.processor.fuzz.Ast.DoWhile;
import io.jasyncio.processor.fuzz.Ast.For;
import io.jasyncio.processor.fuzz.Ast.ForEach;
import io.jasyncio.processor.fuzz.Ast.If;
import io.jasyncio.processor.fuzz.Ast.Labeled;
import io.jasyncio.processor.fuzz.Ast.Return;
import io.jasyncio.processor.fuzz.Ast.ReturnAwait;
import io.jasyncio.processor.fuzz.Ast.ReturnTail;
import io.jasyncio.processor.fuzz.Ast.Sleep;
import io.jasyncio.processor.fuzz.Ast.Stmt;
import io.jasyncio.processor.fuzz.Ast.Switch;
import io.jasyncio.processor.fuzz.Ast.Try;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Shrinks a body while its discrepancy persists. Each round proposes every one-step
 * simplification (drop a statement, keep one branch, unwrap a block, a loop or a try, drop an
 * else, a catch, a case or a label, replace an await by its value, {@code slow} or
 * {@code risky} by {@code now}, simplify an expression), each valid Java by construction and
 * lighter by {@link Flow#weight}; it compiles and runs them, lightest first, and moves to the
 * first that still fails the same way, until none does or the time budget is spent.
 */
final class Shrinker {
  private Shrinker() {}

  private static final int BATCH = 40;

  /** The smallest body found that fails like {@code original}, and how it fails. */
  record Shrunk(Body body, Differential.Verdict verdict) {}

  static Shrunk shrink(Body original, Differential.Verdict verdict, Duration budget) {
    long deadline = System.nanoTime() + budget.toNanos();
    String signature = verdict.signature();
    Body current = original;
    Differential.Verdict currentVerdict = verdict;
    while (true) {
      int weight = weight(current);
      Map<String, Body> unique = new LinkedHashMap<>();
      for (Block b : blockVariants(current.block())) {
        Body candidate = current.with(current.together(), Flow.normalize(b));
        if (weight(candidate) < weight) {
          unique.putIfAbsent(Printer.statements(candidate, true), candidate);
        }
      }
      if (current.together()) {
        Body apart = current.with(false, current.block());
        unique.putIfAbsent(Printer.statements(apart, true), apart);
      }
      if (current.closeAfter() > 0) {
        // Printed the same: keyed apart from the bodies above.
        Body all = current.withCloseAfter(0);
        unique.putIfAbsent("takes all\n" + Printer.statements(all, true), all);
      }
      List<Body> candidates = new ArrayList<>(unique.values());
      candidates.sort(Comparator.comparingInt(Shrinker::weight));
      // Candidates that behave differently compile together; a rejected body would make the
      // whole batch fail to compile, so those are checked one by one.
      int batch = verdict.kind() == Differential.Kind.DIFFERS ? BATCH : 1;
      Body next = null;
      for (int from = 0; from < candidates.size() && next == null; from += batch) {
        if (System.nanoTime() > deadline) {
          return new Shrunk(current, currentVerdict);
        }
        List<Body> chunk = candidates.subList(from, Math.min(candidates.size(), from + batch));
        List<Differential.Verdict> verdicts = Differential.check(chunk);
        for (int i = 0; i < chunk.size(); i++) {
          if (verdicts.get(i).signature().equals(signature)) {
            next = chunk.get(i);
            currentVerdict = verdicts.get(i);
            break;
          }
        }
      }
      if (next == null) {
        return new Shrunk(current, currentVerdict);
      }
      current = next;
    }
  }

  /** The weight of the body's statements, and 1 for declaring a, b and c in one declaration. */
  static int weight(Body body) {
    return Flow.weight(body.block()) + (body.together() ? 1 : 0) + (body.closeAfter() > 0 ? 1 : 0);
  }

  /** Every block that differs from {@code b} by one simplification somewhere inside. */
  static List<Block> blockVariants(Block b) {
    List<Block> out = new ArrayList<>();
    List<Stmt> stmts = b.stmts();
    for (int i = 0; i < stmts.size(); i++) {
      Stmt s = stmts.get(i);
      if (removable(stmts, i)) {
        out.add(replace(stmts, i, List.of()));
      }
      if (s instanceof Block inner && flattenable(stmts, i)) {
        out.add(replace(stmts, i, inner.stmts()));
      }
      if (s instanceof Decls ds) {
        out.add(replace(stmts, i, List.copyOf(ds.parts())));
        for (int j = 0; j < ds.parts().size(); j++) {
          List<Decl> fewer = new ArrayList<>(ds.parts());
          Decl gone = fewer.remove(j);
          Set<String> used = new HashSet<>();
          fewer.subList(j, fewer.size()).forEach(d -> Flow.uses(d.init(), used));
          stmts.subList(i + 1, stmts.size()).forEach(later -> Flow.uses(later, used));
          if (!used.contains(gone.name()) && !fewer.isEmpty()) {
            out.add(replace(stmts, i, List.of(new Decls(fewer))));
          }
        }
      }
      for (Stmt v : variants(s)) {
        out.add(replace(stmts, i, List.of(v)));
      }
    }
    return out;
  }

  private static Block replace(List<Stmt> stmts, int i, List<Stmt> with) {
    List<Stmt> out = new ArrayList<>(stmts.subList(0, i));
    out.addAll(with);
    out.addAll(stmts.subList(i + 1, stmts.size()));
    return new Block(out);
  }

  /** A declaration may go when nothing after it in its block uses its names. */
  private static boolean removable(List<Stmt> stmts, int i) {
    Set<String> declared = new HashSet<>();
    if (stmts.get(i) instanceof Decl || stmts.get(i) instanceof Decls
        || stmts.get(i) instanceof AwaitDecl || stmts.get(i) instanceof YieldDecl
        || stmts.get(i) instanceof FormStmt
        || stmts.get(i) instanceof If f && f.cond() instanceof InstanceOf) {
      Flow.declares(stmts.get(i), declared);
    }
    Set<String> used = new HashSet<>();
    for (Stmt later : stmts.subList(i + 1, stmts.size())) {
      Flow.uses(later, used);
    }
    used.retainAll(declared);
    return used.isEmpty();
  }

  /** A nested block may melt into its parent when no name it declares is declared there too. */
  private static boolean flattenable(List<Stmt> stmts, int i) {
    Set<String> inner = new HashSet<>();
    Set<String> others = new HashSet<>();
    for (Stmt s : ((Block) stmts.get(i)).stmts()) {
      boolean declaration = s instanceof Decl || s instanceof Decls || s instanceof AwaitDecl
          || s instanceof YieldDecl || s instanceof FormStmt
          || s instanceof If f && f.cond() instanceof InstanceOf;
      Flow.declares(s, declaration ? inner : others);
    }
    for (int j = 0; j < stmts.size(); j++) {
      if (j != i) {
        Flow.declares(stmts.get(j), others);
      }
    }
    others.retainAll(inner);
    return others.isEmpty();
  }

  private static Block asBlock(Stmt s) {
    return s instanceof Block b ? b : new Block(List.of(s));
  }

  /** One-step simplifications of {@code s} itself or of something inside it. */
  static List<Stmt> variants(Stmt s) {
    List<Stmt> out = new ArrayList<>();
    simplerExpressions(s, out);
    if (s instanceof Block b) {
      out.addAll(blockVariants(b));
    } else if (s instanceof AwaitDecl d) {
      out.add(new Decl(d.name(), d.arg()));
      if (!d.helper().equals("now")) {
        out.add(new AwaitDecl(d.name(), "now", d.arg()));
      }
    } else if (s instanceof YieldDecl y) {
      out.add(new Decl(y.name(), y.value()));
    } else if (s instanceof AwaitAssign a) {
      out.add(new Assign(a.name(), "=", a.arg()));
      if (!a.helper().equals("now")) {
        out.add(new AwaitAssign(a.name(), "now", a.arg()));
      }
    } else if (s instanceof Sleep sl && sl.seconds() > 0) {
      out.add(new Sleep(0));
    } else if (s instanceof ReturnAwait r) {
      out.add(new Return(r.value()));
    } else if (s instanceof ReturnTail r) {
      out.add(new Return(r.value()));
      if (!r.helper().equals("now")) {
        out.add(new ReturnTail("now", r.value()));
      }
    } else if (s instanceof If i) {
      // A pattern's binding is in scope in the then branch, or after a negated test.
      if (!(i.cond() instanceof InstanceOf test) || test.negated()) {
        out.add(asBlock(i.then()));
      }
      if (i.awaitCond()) {
        out.add(new If(i.cond(), false, i.then(), i.otherwise()));
      }
      if (i.otherwise() != null) {
        out.add(asBlock(i.otherwise()));
        out.add(new If(i.cond(), i.awaitCond(), i.then(), null));
        map(variants(i.otherwise()), o -> new If(i.cond(), i.awaitCond(), i.then(), o), out);
      }
      map(variants(i.then()), t -> new If(i.cond(), i.awaitCond(), t, i.otherwise()), out);
    } else if (s instanceof While w) {
      unwrapLoop(w.counter(), w.body(), out);
      if (w.awaitCond()) {
        out.add(new While(w.counter(), w.bumpInCondition(), w.extra(), false, w.body()));
      }
      if (w.extra() != null) {
        out.add(new While(w.counter(), w.bumpInCondition(), null, w.awaitCond(), w.body()));
      }
      map(blockVariants(w.body()),
          b -> new While(w.counter(), w.bumpInCondition(), w.extra(), w.awaitCond(), b), out);
    } else if (s instanceof DoWhile d) {
      unwrapLoop(d.counter(), d.body(), out);
      if (d.awaitCond()) {
        out.add(new DoWhile(d.counter(), d.extra(), false, d.body()));
      }
      if (d.extra() != null) {
        out.add(new DoWhile(d.counter(), null, d.awaitCond(), d.body()));
      }
      map(blockVariants(d.body()), b -> new DoWhile(d.counter(), d.extra(), d.awaitCond(), b), out);
    } else if (s instanceof For f) {
      unwrapLoop(f.counter(), f.body(), out);
      if (f.awaitInit()) {
        out.add(new For(f.counter(), false, f.awaitCond(), f.awaitUpdate(), f.extra(), f.body()));
      }
      if (f.awaitCond()) {
        out.add(new For(f.counter(), f.awaitInit(), false, f.awaitUpdate(), f.extra(), f.body()));
      }
      if (f.awaitUpdate()) {
        out.add(new For(f.counter(), f.awaitInit(), f.awaitCond(), false, f.extra(), f.body()));
      }
      if (f.extra() != null) {
        out.add(new For(f.counter(), f.awaitInit(), f.awaitCond(), f.awaitUpdate(), null,
            f.body()));
      }
      map(blockVariants(f.body()), b -> new For(f.counter(), f.awaitInit(), f.awaitCond(),
          f.awaitUpdate(), f.extra(), b), out);
    } else if (s instanceof ForEach e) {
      Set<String> used = new HashSet<>();
      Flow.uses(e.body(), used);
      if (!used.contains(e.var()) && !used.contains(e.array()) && !Flow.hasPlainBreak(e.body())
          && !Flow.hasPlainContinue(e.body())) {
        out.add(e.body());
      }
      if (e.helper() != null) {
        out.add(e.withHelper(null));
        if (!e.helper().equals("now")) {
          out.add(e.withHelper("now"));
        }
      }
      if (!e.varType().equals("int") && !e.source().equals("longs")) {
        out.add(e.withVarType("int"));
      }
      if (e.array() != null && !used.contains(e.array())) {
        out.add(new ForEach(e.var(), e.varType(), e.source(), e.elems(), null, e.helper(),
            e.body()));
      }
      for (int i = 0; i < e.elems().size(); i++) {
        int at = i;
        List<Expr> fewer = new ArrayList<>(e.elems());
        fewer.remove(at);
        out.add(e.withElems(fewer));
        for (Expr x : smaller(e.elems().get(i))) {
          List<Expr> elems = new ArrayList<>(e.elems());
          elems.set(at, x);
          out.add(e.withElems(elems));
        }
      }
      map(blockVariants(e.body()), e::withBody, out);
    } else if (s instanceof Labeled l) {
      if (!Flow.hasJump(l.body(), l.label(), true) && !Flow.hasJump(l.body(), l.label(), false)) {
        out.add(l.body());
      }
      for (Stmt b : variants(l.body())) {
        boolean loop = b instanceof While || b instanceof DoWhile || b instanceof For
            || b instanceof ForEach;
        if (loop || !Flow.hasJump(b, l.label(), false)) {
          out.add(new Labeled(l.label(), b));
        }
      }
    } else if (s instanceof Switch sw) {
      for (int i = 0; i < sw.cases().size(); i++) {
        int at = i;
        Case c = sw.cases().get(i);
        if (sw.cases().size() > 1) {
          List<Case> fewer = new ArrayList<>(sw.cases());
          fewer.remove(at);
          out.add(new Switch(sw.selector(), sw.kind(), sw.arrows(), fewer));
        }
        map(blockVariants(c.body()), b -> {
          List<Case> cases = new ArrayList<>(sw.cases());
          cases.set(at, new Case(c.labels(), b, c.breakAfter()));
          return new Switch(sw.selector(), sw.kind(), sw.arrows(), cases);
        }, out);
      }
    } else if (s instanceof Try t) {
      List<Resource> rs = t.resources();
      Set<String> usedInBody = new HashSet<>();
      Flow.uses(t.body(), usedInBody);
      if (rs.stream().noneMatch(r -> usedInBody.contains(r.name()))) {
        out.add(t.body());
      }
      for (int i = 0; i < t.catches().size(); i++) {
        int at = i;
        Catch c = t.catches().get(i);
        if (t.catches().size() > 1 || t.fin() != null || !rs.isEmpty()) {
          List<Catch> fewer = new ArrayList<>(t.catches());
          fewer.remove(at);
          out.add(new Try(rs, t.body(), fewer, t.fin()));
        }
        map(blockVariants(c.body()), b -> {
          List<Catch> catches = new ArrayList<>(t.catches());
          catches.set(at, new Catch(c.type(), c.name(), b));
          return new Try(rs, t.body(), catches, t.fin());
        }, out);
      }
      if (t.fin() != null && (!t.catches().isEmpty() || !rs.isEmpty())) {
        out.add(new Try(rs, t.body(), t.catches(), null));
      }
      for (int i = 0; i < rs.size(); i++) {
        int at = i;
        Resource r = rs.get(i);
        if (rs.size() > 1 || !t.catches().isEmpty() || t.fin() != null) {
          List<Resource> fewer = new ArrayList<>(rs);
          fewer.remove(at);
          if (!usedInBody.contains(r.name())) {
            out.add(new Try(fewer, t.body(), t.catches(), t.fin()));
          }
        }
        List<Resource> simpler = new ArrayList<>();
        if (r.helper() != null) {
          simpler.add(r.withHelper(null));
          if (!r.helper().equals("now")) {
            simpler.add(r.withHelper("now"));
          }
        }
        if (r.failsOnClose()) {
          simpler.add(r.withFailsOnClose(false));
        }
        if (r.var() || r.outside()) {
          simpler.add(r.inside());
        }
        for (Expr x : smaller(r.value())) {
          simpler.add(r.withValue(x));
        }
        for (Resource sr : simpler) {
          List<Resource> changed = new ArrayList<>(rs);
          changed.set(at, sr);
          out.add(new Try(changed, t.body(), t.catches(), t.fin()));
        }
      }
      map(blockVariants(t.body()), b -> new Try(rs, b, t.catches(), t.fin()), out);
      if (t.fin() != null) {
        map(blockVariants(t.fin()), b -> new Try(rs, t.body(), t.catches(), b), out);
      }
    }
    return out;
  }

  /** The loop's body as a plain block, when nothing in it needs the loop. */
  private static void unwrapLoop(String counter, Block body, List<Stmt> out) {
    Set<String> used = new HashSet<>();
    Flow.uses(body, used);
    if (!used.contains(counter) && !Flow.hasPlainBreak(body) && !Flow.hasPlainContinue(body)) {
      out.add(body);
    }
  }

  /** {@code s} with one of its own expressions, conditions or logged names simplified. */
  private static void simplerExpressions(Stmt s, List<Stmt> out) {
    if (s instanceof Decl d) {
      map(smaller(d.init()), e -> new Decl(d.name(), e), out);
    } else if (s instanceof AwaitDecl d) {
      map(smaller(d.arg()), e -> new AwaitDecl(d.name(), d.helper(), e), out);
    } else if (s instanceof Assign a) {
      map(smaller(a.value()), e -> new Assign(a.name(), a.op(), e), out);
      if (!a.op().equals("=")) {
        out.add(new Assign(a.name(), "=", a.value()));
      }
    } else if (s instanceof AwaitAssign a) {
      map(smaller(a.arg()), e -> new AwaitAssign(a.name(), a.helper(), e), out);
    } else if (s instanceof Log l) {
      for (int i = 0; i < l.vars().size(); i++) {
        List<String> fewer = new ArrayList<>(l.vars());
        fewer.remove(i);
        out.add(new Log(l.tag(), fewer, l.exception()));
      }
    } else if (s instanceof Throw t) {
      map(smaller(t.value()), e -> new Throw(t.tag(), e), out);
    } else if (s instanceof ArrSet a) {
      map(smaller(a.value()), e -> new ArrSet(a.array(), a.index(), e), out);
    } else if (s instanceof Yield y) {
      map(smaller(y.value()), Yield::new, out);
    } else if (s instanceof Show sh) {
      for (int i = 0; i < sh.values().size(); i++) {
        int at = i;
        if (sh.values().size() > 1) {
          List<Expr> fewer = new ArrayList<>(sh.values());
          fewer.remove(at);
          out.add(new Show(sh.tag(), fewer));
        }
        map(smaller(sh.values().get(i)), x -> {
          List<Expr> values = new ArrayList<>(sh.values());
          values.set(at, x);
          return new Show(sh.tag(), values);
        }, out);
      }
    } else if (s instanceof Typed t) {
      map(smaller(t.cond()), c -> new Typed(t.tag(), t.context(), c, t.then(), t.otherwise()),
          out);
      map(smaller(t.then().value()), e -> new Typed(t.tag(), t.context(), t.cond(),
          t.then().withValue(e), t.otherwise()), out);
      map(smaller(t.otherwise().value()), e -> new Typed(t.tag(), t.context(), t.cond(),
          t.then(), t.otherwise().withValue(e)), out);
    } else if (s instanceof YieldDecl y) {
      map(smaller(y.value()), e -> new YieldDecl(y.name(), e), out);
    } else if (s instanceof FormStmt f) {
      for (List<Expr> holes : smallerHoles(f.holes())) {
        out.add(f.withHoles(holes));
      }
    } else if (s instanceof Return r) {
      map(smaller(r.value()), Return::new, out);
    } else if (s instanceof ReturnAwait r) {
      map(smaller(r.value()), ReturnAwait::new, out);
    } else if (s instanceof ReturnTail r) {
      map(smaller(r.value()), e -> new ReturnTail(r.helper(), e), out);
    } else if (s instanceof If i) {
      map(smaller(i.cond()), c -> new If(c, i.awaitCond(), i.then(), i.otherwise()), out);
    } else if (s instanceof While w && w.extra() != null) {
      map(smaller(w.extra()),
          c -> new While(w.counter(), w.bumpInCondition(), c, w.awaitCond(), w.body()), out);
    } else if (s instanceof DoWhile d && d.extra() != null) {
      map(smaller(d.extra()), c -> new DoWhile(d.counter(), c, d.awaitCond(), d.body()), out);
    } else if (s instanceof For f && f.extra() != null) {
      map(smaller(f.extra()), c -> new For(f.counter(), f.awaitInit(), f.awaitCond(),
          f.awaitUpdate(), c, f.body()), out);
    } else if (s instanceof Switch sw) {
      map(smaller(sw.selector()), e -> new Switch(e, sw.kind(), sw.arrows(), sw.cases()), out);
      if (!sw.kind().equals("int")) {
        out.add(new Switch(sw.selector(), "int", sw.arrows(), sw.cases()));
      }
    }
  }

  /** One-step simplifications of an expression; a divisor is left alone (never a literal 0). */
  static List<Expr> smaller(Expr e) {
    List<Expr> out = new ArrayList<>();
    if (e instanceof Var) {
      out.add(new Lit(0));
    } else if (e instanceof Bin b) {
      boolean mod = b.op().equals("%");
      out.add(b.left());
      if (!mod) {
        out.add(b.right());
      }
      for (Expr l : smaller(b.left())) {
        out.add(new Bin(b.op(), l, b.right()));
      }
      if (!mod) {
        for (Expr r : smaller(b.right())) {
          out.add(new Bin(b.op(), b.left(), r));
        }
      }
    } else if (e instanceof Await a) {
      out.add(a.arg());
      if (!a.helper().equals("now")) {
        out.add(new Await("now", a.arg()));
      }
      smaller(a.arg()).forEach(x -> out.add(new Await(a.helper(), x)));
    } else if (e instanceof Traced t) {
      out.add(t.value());
      smaller(t.value()).forEach(x -> out.add(new Traced(t.label(), x)));
    } else if (e instanceof Ternary t) {
      out.add(t.then());
      out.add(t.otherwise());
      smaller(t.cond()).forEach(c -> out.add(new Ternary(c, t.then(), t.otherwise())));
      smaller(t.then()).forEach(x -> out.add(new Ternary(t.cond(), x, t.otherwise())));
      smaller(t.otherwise()).forEach(x -> out.add(new Ternary(t.cond(), t.then(), x)));
    } else if (e instanceof Call c) {
      out.addAll(c.args());
      for (int i = 0; i < c.args().size(); i++) {
        int at = i;
        if (c.name().equals("pv")) {
          List<Expr> fewer = new ArrayList<>(c.args());
          fewer.remove(at);
          out.add(new Call(c.name(), fewer));
        }
        smaller(c.args().get(i)).forEach(x -> {
          List<Expr> args = new ArrayList<>(c.args());
          args.set(at, x);
          out.add(new Call(c.name(), args));
        });
      }
    } else if (e instanceof Recv r) {
      out.add(r.arg());
      smaller(r.arg()).forEach(x -> out.add(new Recv(r.label(), x)));
    } else if (e instanceof Form f) {
      // An int-valued form may give way to any of its (int) holes.
      out.addAll(f.holes());
      smallerHoles(f.holes()).forEach(holes -> out.add(f.withHoles(holes)));
    }
    return out;
  }

  /** The holes of a form, each list with one of them simplified one step. */
  private static List<List<Expr>> smallerHoles(List<Expr> holes) {
    List<List<Expr>> out = new ArrayList<>();
    for (int i = 0; i < holes.size(); i++) {
      for (Expr x : smaller(holes.get(i))) {
        List<Expr> changed = new ArrayList<>(holes);
        changed.set(i, x);
        out.add(changed);
      }
    }
    return out;
  }

  static List<Cond> smaller(Cond c) {
    List<Cond> out = new ArrayList<>();
    if (c instanceof Cmp cmp) {
      smaller(cmp.left()).forEach(l -> out.add(new Cmp(cmp.op(), l, cmp.right())));
      smaller(cmp.right()).forEach(r -> out.add(new Cmp(cmp.op(), cmp.left(), r)));
    } else if (c instanceof ModEq m) {
      smaller(m.value()).forEach(v -> out.add(new ModEq(v, m.modulus(), m.remainder())));
    } else if (c instanceof Both b) {
      out.add(b.left());
      out.add(b.right());
      smaller(b.left()).forEach(l -> out.add(new Both(l, b.right())));
      smaller(b.right()).forEach(r -> out.add(new Both(b.left(), r)));
    } else if (c instanceof Either e) {
      out.add(e.left());
      out.add(e.right());
      smaller(e.left()).forEach(l -> out.add(new Either(l, e.right())));
      smaller(e.right()).forEach(r -> out.add(new Either(e.left(), r)));
    } else if (c instanceof Not n) {
      out.add(n.inner());
      smaller(n.inner()).forEach(i -> out.add(new Not(i)));
    } else if (c instanceof AwaitCheck a) {
      out.add(a.inner());
      smaller(a.inner()).forEach(i -> out.add(new AwaitCheck(i)));
    } else if (c instanceof TracedCond t) {
      out.add(t.inner());
      smaller(t.inner()).forEach(i -> out.add(new TracedCond(t.label(), i)));
    }
    return out;
  }

  private static <T> void map(List<T> xs, Function<T, Stmt> f, List<Stmt> out) {
    for (T x : xs) {
      out.add(f.apply(x));
    }
  }
}
