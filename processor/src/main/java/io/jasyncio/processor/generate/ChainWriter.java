package io.jasyncio.processor.generate;

import io.jasyncio.processor.model.Chain;
import io.jasyncio.processor.model.Expr;
import java.util.List;

/**
 * Spells a {@link Chain} with the runtime's protocol: {@code awaitThen(x, v -> ...)},
 * {@code either(c, () -> ..., () -> ..., (taken, other) -> ...)} and {@code resultOf(v)}, each
 * continuation a lambda on lines of its own, indented one continuation step (four blanks).
 */
final class ChainWriter {
  /** Where the runtime keeps a branch's static type ({@code Step.value}, {@code Step.kept}). */
  private static final String STEP = "io.jasyncio.internal.Step.";

  private ChainWriter() {}

  /** The awaitable expression that runs {@code chain}. */
  static String awaitable(Chain chain) {
    if (chain instanceof Chain.AwaitThen a) {
      return "awaitThen(" + expression(a.awaitable()) + ", " + a.parameter() + " ->\n"
          + indent(lambdaBody(a.rest())) + ")";
    }
    if (chain instanceof Chain.Either e) {
      return "either(" + expression(e.condition()) + ",\n"
          + indent("() -> " + lambdaBody(e.whenTrue())) + ",\n"
          + indent("() -> " + lambdaBody(e.whenFalse())) + ",\n"
          + indent("(" + e.taken() + ", " + e.other() + ") -> " + lambdaBody(e.rest())) + ")";
    }
    if (chain instanceof Chain.Result r) {
      return "resultOf(" + (r.value() == null ? "null" : expression(r.value())) + ")";
    }
    // A chain that starts with statements is a lambda's body, never an awaitable alone.
    throw new IllegalArgumentException("not an awaitable: " + chain);
  }

  /** The statement that declares a local ({@code type} null: {@code var}; no value: none). */
  static String declaration(String type, String name, Expr value) {
    return (type == null ? "var" : type) + " " + name
        + (value == null ? "" : " = " + expression(value)) + ";";
  }

  /** {@code chain} as the body of a lambda: an expression, or a block ending in its return. */
  private static String lambdaBody(Chain chain) {
    StringBuilder block = new StringBuilder("{\n");
    boolean statements = false;
    while (true) {
      String statement;
      if (chain instanceof Chain.Let let) {
        statement = declaration(let.type(), let.name(), let.value());
        chain = let.rest();
      } else if (chain instanceof Chain.Evaluate run) {
        statement = expression(run.statement()) + ";";
        chain = run.rest();
      } else {
        break;
      }
      statements = true;
      block.append("  ").append(statement.replace("\n", "\n  ")).append('\n');
    }
    if (!statements) {
      return awaitable(chain);
    }
    return block.append("  return ").append(awaitable(chain).replace("\n", "\n  "))
        .append(";\n}").toString();
  }

  /** The Java expression of {@code e}. */
  static String expression(Expr e) {
    if (e instanceof Expr.Code c) {
      return SourceLines.mark(c.java(), c.lines());
    }
    if (e instanceof Expr.Name n) {
      return n.name();
    }
    if (e instanceof Expr.Spliced s) {
      StringBuilder out = new StringBuilder();
      s.parts().forEach(p -> out.append(expression(p)));
      return out.toString();
    }
    if (e instanceof Expr.Parens p) {
      return "(" + expression(p.inner()) + ")";
    }
    if (e instanceof Expr.Conditional c) {
      return "(" + expression(c.condition()) + " ? " + expression(c.whenTrue()) + " : "
          + expression(c.whenFalse()) + ")";
    }
    if (e instanceof Expr.Binary b) {
      return "(" + expression(b.left()) + " " + b.operator() + " " + expression(b.right()) + ")";
    }
    if (e instanceof Expr.Assignment a) {
      return expression(a.target()) + " " + a.operator() + " " + expression(a.value());
    }
    if (e instanceof Expr.NonNull n) {
      return "java.util.Objects.requireNonNull(" + expression(n.value()) + ")";
    }
    if (e instanceof Expr.Held h) {
      return STEP + "held(" + expression(h.value()) + ")";
    }
    if (e instanceof Expr.Unboxing u) {
      return STEP + "unboxed(" + expression(u.value()) + ")";
    }
    if (e instanceof Expr.ArmOf a) {
      StringBuilder out = new StringBuilder("switch (" + expression(a.selector()) + ") {\n");
      for (int i = 0; i < a.labels().size(); i++) {
        List<Expr> labels = a.labels().get(i);
        out.append("  ").append(labels.isEmpty() ? "default"
                : "case " + String.join(", ", labels.stream().map(ChainWriter::expression)
                    .toList()))
            .append(" -> ").append(i).append(";\n");
      }
      return out.append("}").toString();
    }
    if (e instanceof Expr.ArmSwitch s) {
      StringBuilder out = new StringBuilder("switch (" + expression(s.arm()) + ") {\n");
      for (int i = 0; i < s.arms().size(); i++) {
        Expr.Arm arm = s.arms().get(i);
        String body = expression(arm.body()).replace("\n", "\n  ");
        out.append("  ").append(i == s.arms().size() - 1 ? "default" : "case " + i)
            .append(" -> ").append(body).append(arm.expression() ? ";\n" : "\n");
      }
      return out.append("}").toString();
    }
    if (e instanceof Expr.Bool b) {
      return Boolean.toString(b.value());
    }
    if (e instanceof Expr.Unboxed u) {
      return "(boolean) " + u.name();
    }
    if (e instanceof Expr.ValueOf v) {
      return STEP + "value(" + v.name() + ")";
    }
    if (e instanceof Expr.Kept k) {
      return STEP + "kept(" + expression(k.value()) + ")";
    }
    if (e instanceof Expr.KeptValue k) {
      return k.name() + ".get()";
    }
    throw new IllegalArgumentException("no code for " + e);
  }

  /** {@code text} indented by one continuation step (four blanks) on every line. */
  private static String indent(String text) {
    return "    " + text.replace("\n", "\n    ");
  }
}
