package io.jasyncio.processor.fuzz;

import io.jasyncio.processor.fuzz.Ast.ArrSet;
import io.jasyncio.processor.fuzz.Ast.Assign;
import io.jasyncio.processor.fuzz.Ast.Await;
import io.jasyncio.processor.fuzz.Ast.AwaitAssign;
import io.jasyncio.processor.fuzz.Ast.AwaitDecl;
import io.jasyncio.processor.fuzz.Ast.Bin;
import io.jasyncio.processor.fuzz.Ast.Body;
import io.jasyncio.processor.fuzz.Ast.Call;
import io.jasyncio.processor.fuzz.Ast.Cond;
import io.jasyncio.processor.fuzz.Ast.Decl;
import io.jasyncio.processor.fuzz.Ast.Decls;
import io.jasyncio.processor.fuzz.Ast.Expr;
import io.jasyncio.processor.fuzz.Ast.ForEach;
import io.jasyncio.processor.fuzz.Ast.Form;
import io.jasyncio.processor.fuzz.Ast.FormStmt;
import io.jasyncio.processor.fuzz.Ast.If;
import io.jasyncio.processor.fuzz.Ast.InstanceOf;
import io.jasyncio.processor.fuzz.Ast.Recv;
import io.jasyncio.processor.fuzz.Ast.Stmt;
import io.jasyncio.processor.fuzz.Ast.Ternary;
import io.jasyncio.processor.fuzz.Ast.Traced;
import io.jasyncio.processor.fuzz.Ast.Var;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which shapes beyond the int language a body exercises, for the counts a fuzz run prints:
 * {@code instance}, the kinds of field it reads or writes ({@code thisField},
 * {@code otherField}, {@code inheritedField}, {@code staticField}), those of its forms
 * ({@link Ast.Form#shape}: {@code overload}, {@code long}, ...), {@code patternBinding},
 * {@code arrayStoreAwait} (an element of a declared array stored from an await) and
 * {@code forEachAwaitInside} (an enhanced {@code for} whose iterated list awaits inside).
 */
final class Census {
  private Census() {}

  static Set<String> of(Body body) {
    Set<String> out = new TreeSet<>();
    if (body.instance()) {
      out.add("instance");
    }
    stmt(body.block(), out);
    return out;
  }

  private static void stmt(Stmt s, Set<String> out) {
    if (s instanceof FormStmt f) {
      shapes(f.shape(), out);
      f.reads().forEach(name -> field(name, out));
      f.holes().forEach(x -> expr(x, out));
    } else if (s instanceof Assign a) {
      field(a.name(), out);
      if (a.name().contains("[") && Shapes.awaits(a.value())) {
        out.add("arrayStoreAwait");
      }
      if (!a.op().equals("=") && Shapes.awaits(a.value())
          && (a.name().contains("[") || a.name().startsWith("other."))) {
        out.add("compoundElsewhereAwait");
      }
      expr(a.value(), out);
    } else if (s instanceof ArrSet a) {
      if (Shapes.awaits(a.value())) {
        out.add("arrayStoreAwait");
      }
      expr(a.value(), out);
    } else if (s instanceof AwaitAssign a) {
      field(a.name(), out);
      expr(a.arg(), out);
    } else if (s instanceof AwaitDecl d) {
      expr(d.arg(), out);
    } else if (s instanceof Decl d) {
      expr(d.init(), out);
    } else if (s instanceof Decls ds) {
      ds.parts().forEach(d -> expr(d.init(), out));
    } else if (s instanceof If i) {
      cond(i.cond(), out);
    } else if (s instanceof ForEach e) {
      if (e.array() == null && e.elems().stream().anyMatch(Shapes::awaits)) {
        out.add("forEachAwaitInside");
      }
      e.elems().forEach(x -> expr(x, out));
    } else if (s instanceof Ast.Return r) {
      expr(r.value(), out);
    } else if (s instanceof Ast.ReturnAwait r) {
      expr(r.value(), out);
    } else if (s instanceof Ast.ReturnTail r) {
      expr(r.value(), out);
    } else if (s instanceof Ast.Throw t) {
      expr(t.value(), out);
    } else if (s instanceof Ast.Show sh) {
      sh.values().forEach(x -> expr(x, out));
    } else if (s instanceof Ast.Yield y) {
      expr(y.value(), out);
    } else if (s instanceof Ast.YieldDecl y) {
      expr(y.value(), out);
    } else if (s instanceof Ast.Switch sw) {
      expr(sw.selector(), out);
    } else if (s instanceof Ast.Try t) {
      t.resources().forEach(r -> expr(r.value(), out));
    } else if (s instanceof Ast.While w && w.extra() != null) {
      cond(w.extra(), out);
    } else if (s instanceof Ast.DoWhile d && d.extra() != null) {
      cond(d.extra(), out);
    } else if (s instanceof Ast.For f && f.extra() != null) {
      cond(f.extra(), out);
    } else if (s instanceof Ast.Typed t) {
      cond(t.cond(), out);
      expr(t.then().value(), out);
      expr(t.otherwise().value(), out);
    } else if (s instanceof Ast.Log l) {
      l.vars().forEach(name -> field(name, out));
    }
    for (Stmt child : Flow.children(s)) {
      stmt(child, out);
    }
  }

  private static void shapes(String shape, Set<String> out) {
    out.addAll(List.of(shape.split(",")));
  }

  private static void field(String name, Set<String> out) {
    if (name.equals("bi") || name.endsWith(".bi")) {
      out.add("inheritedField");
    } else if (name.startsWith("other.")) {
      out.add("otherField");
    } else if (name.equals("sf") || name.equals("Bodies.sf")) {
      out.add("staticField");
    } else if (name.startsWith("this.") || List.of("fi", "fl", "fb", "fs", "fc").contains(name)) {
      out.add("thisField");
    }
  }

  private static void expr(Expr e, Set<String> out) {
    if (e instanceof Var v) {
      field(v.name(), out);
    } else if (e instanceof Form f) {
      shapes(f.shape(), out);
      f.reads().forEach(name -> field(name, out));
      f.holes().forEach(x -> expr(x, out));
    } else if (e instanceof Bin b) {
      expr(b.left(), out);
      expr(b.right(), out);
    } else if (e instanceof Await a) {
      expr(a.arg(), out);
    } else if (e instanceof Traced t) {
      expr(t.value(), out);
    } else if (e instanceof Ternary t) {
      cond(t.cond(), out);
      expr(t.then(), out);
      expr(t.otherwise(), out);
    } else if (e instanceof Call c) {
      c.args().forEach(x -> expr(x, out));
    } else if (e instanceof Recv r) {
      expr(r.arg(), out);
    }
  }

  private static void cond(Cond c, Set<String> out) {
    if (c instanceof InstanceOf) {
      out.add("patternBinding");
    } else if (c instanceof Ast.Cmp cmp) {
      expr(cmp.left(), out);
      expr(cmp.right(), out);
    } else if (c instanceof Ast.ModEq m) {
      expr(m.value(), out);
    } else if (c instanceof Ast.Both b) {
      cond(b.left(), out);
      cond(b.right(), out);
    } else if (c instanceof Ast.Either x) {
      cond(x.left(), out);
      cond(x.right(), out);
    } else if (c instanceof Ast.Not n) {
      cond(n.inner(), out);
    } else if (c instanceof Ast.AwaitCheck a) {
      cond(a.inner(), out);
    } else if (c instanceof Ast.TracedCond t) {
      cond(t.inner(), out);
    }
  }
}
