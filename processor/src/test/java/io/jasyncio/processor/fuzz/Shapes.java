package io.jasyncio.processor.fuzz;

import io.jasyncio.processor.fuzz.Ast.Await;
import io.jasyncio.processor.fuzz.Ast.AwaitCheck;
import io.jasyncio.processor.fuzz.Ast.Bin;
import io.jasyncio.processor.fuzz.Ast.Both;
import io.jasyncio.processor.fuzz.Ast.Call;
import io.jasyncio.processor.fuzz.Ast.Cmp;
import io.jasyncio.processor.fuzz.Ast.Cond;
import io.jasyncio.processor.fuzz.Ast.Either;
import io.jasyncio.processor.fuzz.Ast.Expr;
import io.jasyncio.processor.fuzz.Ast.ModEq;
import io.jasyncio.processor.fuzz.Ast.Not;
import io.jasyncio.processor.fuzz.Ast.Recv;
import io.jasyncio.processor.fuzz.Ast.Ternary;
import io.jasyncio.processor.fuzz.Ast.Traced;
import io.jasyncio.processor.fuzz.Ast.TracedCond;
import io.jasyncio.processor.fuzz.Ast.Var;
import io.jasyncio.processor.fuzz.Ast.Form;
import java.util.List;

/**
 * Recognises, in generated expressions, the shapes of open bugs in {@link KnownBugsTest} that
 * {@link BodyGenerator} leaves out by default.
 */
final class Shapes {
  private Shapes() {}

  /**
   * The shape of {@code callBeforeLaterAwait}: among the operands of an operator, a comparison,
   * a call or a string concatenation, an earlier one that awaits and runs visible code (a call
   * taking the awaited value, say), and a later one that runs visible code, when it or an
   * operand after it awaits: the processor runs the later operand's code
   * before the earlier operand's code after its await. An earlier operand that is one await of
   * an argument with no await is fine, and so are {@code &&}, {@code ||} and {@code ?:}, whose
   * right sides wait for the left (conservative: any visible code counts, before or after the
   * awaits).
   */
  static boolean callBeforeLaterAwait(Expr e) {
    if (e instanceof Bin b) {
      return operands(List.of(b.left(), b.right()));
    } else if (e instanceof Call c) {
      return operands(c.args());
    } else if (e instanceof Await a) {
      return callBeforeLaterAwait(a.arg());
    } else if (e instanceof Traced t) {
      return callBeforeLaterAwait(t.value());
    } else if (e instanceof Recv r) {
      return callBeforeLaterAwait(r.arg());
    } else if (e instanceof Form f) {
      return operands(f.holes());
    } else if (e instanceof Ternary t) {
      return callBeforeLaterAwait(t.cond()) || callBeforeLaterAwait(t.then())
          || callBeforeLaterAwait(t.otherwise());
    }
    return false;
  }

  static boolean callBeforeLaterAwait(Cond c) {
    if (c instanceof Cmp cmp) {
      return operands(List.of(cmp.left(), cmp.right()));
    } else if (c instanceof ModEq m) {
      return callBeforeLaterAwait(m.value());
    } else if (c instanceof Both b) {
      return callBeforeLaterAwait(b.left()) || callBeforeLaterAwait(b.right());
    } else if (c instanceof Either x) {
      return callBeforeLaterAwait(x.left()) || callBeforeLaterAwait(x.right());
    } else if (c instanceof Not n) {
      return callBeforeLaterAwait(n.inner());
    } else if (c instanceof AwaitCheck a) {
      return callBeforeLaterAwait(a.inner());
    } else if (c instanceof TracedCond t) {
      return callBeforeLaterAwait(t.inner());
    }
    return false;
  }

  /** The operands {@code xs}, in the order Java evaluates them (string concatenation's too). */
  static boolean operands(List<Expr> xs) {
    for (Expr x : xs) {
      if (callBeforeLaterAwait(x)) {
        return true;
      }
    }
    // after[i]: whether an operand after operand i awaits. Awaits after the operands, as in
    // t(log, "A", await(x)) + u(log, "B") + await(y), are fine.
    boolean[] after = new boolean[xs.size()];
    boolean any = false;
    for (int i = xs.size() - 1; i >= 0; i--) {
      after[i] = any;
      any |= awaits(xs.get(i));
    }
    for (int i = 0; i < xs.size(); i++) {
      Expr first = xs.get(i);
      boolean plainAwait = first instanceof Await a && !awaits(a.arg());
      if (!awaits(first) || plainAwait || !visible(first)) {
        continue;
      }
      for (int j = i + 1; j < xs.size(); j++) {
        if (visible(xs.get(j)) && (awaits(xs.get(j)) || after[j])) {
          return true;
        }
      }
    }
    return false;
  }

  static boolean awaits(Expr e) {
    if (e instanceof Await) {
      return true;
    } else if (e instanceof Bin b) {
      return awaits(b.left()) || awaits(b.right());
    } else if (e instanceof Traced t) {
      return awaits(t.value());
    } else if (e instanceof Ternary t) {
      return awaits(t.cond()) || awaits(t.then()) || awaits(t.otherwise());
    } else if (e instanceof Call c) {
      return c.args().stream().anyMatch(Shapes::awaits);
    } else if (e instanceof Recv r) {
      return awaits(r.arg());
    } else if (e instanceof Form f) {
      return f.awaits() || f.holes().stream().anyMatch(Shapes::awaits);
    }
    return false;
  }

  static boolean awaits(Cond c) {
    if (c instanceof AwaitCheck) {
      return true;
    }
    return anyExpr(c, Shapes::awaits) || anyCond(c, Shapes::awaits);
  }

  /** Whether evaluating {@code e} can be seen: it logs, or it may throw. */
  static boolean visible(Expr e) {
    if (e instanceof Traced || e instanceof Call || e instanceof Recv) {
      return true;
    } else if (e instanceof Form f) {
      return f.visible() || f.holes().stream().anyMatch(Shapes::visible);
    } else if (e instanceof Await a) {
      return a.helper().equals("risky") || visible(a.arg());
    } else if (e instanceof Bin b) {
      return b.op().equals("%") && b.right() instanceof Var || visible(b.left())
          || visible(b.right());
    } else if (e instanceof Ternary t) {
      return visible(t.cond()) || visible(t.then()) || visible(t.otherwise());
    }
    return false;
  }

  static boolean visible(Cond c) {
    if (c instanceof TracedCond) {
      return true;
    }
    return anyExpr(c, Shapes::visible) || anyCond(c, Shapes::visible);
  }

  private static boolean anyExpr(Cond c, java.util.function.Predicate<Expr> p) {
    if (c instanceof Cmp cmp) {
      return p.test(cmp.left()) || p.test(cmp.right());
    } else if (c instanceof ModEq m) {
      return p.test(m.value());
    }
    return false;
  }

  private static boolean anyCond(Cond c, java.util.function.Predicate<Cond> p) {
    if (c instanceof Both b) {
      return p.test(b.left()) || p.test(b.right());
    } else if (c instanceof Either x) {
      return p.test(x.left()) || p.test(x.right());
    } else if (c instanceof Not n) {
      return p.test(n.inner());
    } else if (c instanceof AwaitCheck a) {
      return p.test(a.inner());
    } else if (c instanceof TracedCond t) {
      return p.test(t.inner());
    }
    return false;
  }
}
