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
import io.jasyncio.processor.fuzz.Ast.Form;
import io.jasyncio.processor.fuzz.Ast.FormStmt;
import io.jasyncio.processor.fuzz.Ast.InstanceOf;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes a {@link Body} as Java source: as an {@code @Async} method, where every await form
 * really awaits, or as a plain method, where each await is replaced by the value it yields.
 */
final class Printer {
  private final boolean async;
  /** Whether the body is a generator's: yields, and {@code return null;} (plain: void). */
  private final boolean generator;
  private final StringBuilder out = new StringBuilder();
  private int indent;

  private Printer(boolean async, boolean generator, int indent) {
    this.async = async;
    this.generator = generator;
    this.indent = indent;
  }

  private static final String ANNOTATIONS =
      // A narrowing compound assignment (byte b += int) is lossy to javac 20 and later.
      BodyGenerator.FALL_THROUGH ? "@SuppressWarnings({\"fallthrough\", \"lossy-conversions\"}) "
          : "@SuppressWarnings(\"lossy-conversions\") ";

  /**
   * {@code @Async static Coroutine<Integer> name(List<String> log) {...}}, or for a generator
   * body {@code @Async static Generator<Integer> name(List<String> log) {...}}, indented by 2.
   */
  static String asyncMethod(String name, Body body) {
    String type = body.generator() ? "Generator<Integer> " : "Coroutine<Integer> ";
    String header = body.instance()
        ? "@Async " + type + name + "(List<String> log, Bodies other)"
        : "@Async static " + type + name + "(List<String> log)";
    return new Printer(true, body.generator(), 1).method(ANNOTATIONS + header, body);
  }

  /**
   * {@code static int name(List<String> log) {...}}, or for a generator body
   * {@code static void name(List<String> log, List<Integer> out) {...}}, where each yield adds
   * to {@code out}, indented by 2.
   */
  static String syncMethod(String name, Body body) {
    String other = body.instance() ? ", Bodies other)" : ")";
    String header = (body.instance() ? "" : "static ") + (body.generator()
        ? "void " + name + "(List<String> log, List<Integer> out" + other
        : "int " + name + "(List<String> log" + other);
    return new Printer(false, body.generator(), 1).method(ANNOTATIONS + header, body);
  }

  /** The statements of the body alone, as {@code @Async} code or as plain code. */
  static String statements(Body body, boolean async) {
    Printer p = new Printer(async, body.generator(), 0);
    if (body.together()) {
      p.line("int a = " + body.a() + ", b = " + body.b() + ", c = " + body.c() + ";");
    } else {
      p.line("int a = " + body.a() + ";");
      p.line("int b = " + body.b() + ";");
      p.line("int c = " + body.c() + ";");
    }
    p.blockContents(body.block());
    if (!Flow.completesNormally(body.block())) {
      // Nothing follows.
    } else if (body.generator()) {
      p.line(async ? "Generator.yield(a + b + c);" : "out.add(a + b + c);");
      if (async) {
        p.line("return null;");
      }
    } else {
      p.line(async ? "return done(a + b + c);" : "return a + b + c;");
    }
    return p.out.toString();
  }

  private String method(String header, Body body) {
    line(header + " {");
    indent++;
    String[] lines = statements(body, async).split("\n");
    for (String l : lines) {
      line(l);
    }
    indent--;
    line("}");
    return out.toString();
  }

  private void line(String text) {
    out.append("  ".repeat(indent)).append(text).append('\n');
  }

  private void blockContents(Block b) {
    for (Stmt s : b.stmts()) {
      statement(s);
    }
  }

  /** A statement in a block: loops first declare their counters. */
  private void statement(Stmt s) {
    Stmt loop = s instanceof Labeled l ? l.body() : s;
    if (loop instanceof While w) {
      line("int " + w.counter() + " = 0;");
    } else if (loop instanceof DoWhile d) {
      line("int " + d.counter() + " = 0;");
    } else if (loop instanceof Try t) {
      for (Resource r : t.resources()) {
        if (r.outside()) {
          line(resource(r) + ";");
        }
      }
    } else if (loop instanceof ForEach e && e.array() != null) {
      line((e.source().equals("ints") ? "int" : "long") + "[] " + e.array() + " = "
          + iterated(e) + ";");
    }
    String prefix = s instanceof Labeled l ? l.label() + ": " : "";
    compound(prefix, loop);
  }

  /** Writes {@code s} starting with {@code prefix} on its first line. */
  private void compound(String prefix, Stmt s) {
    if (s instanceof Block b) {
      line(prefix + "{");
      indented(b);
      line("}");
    } else if (s instanceof If i) {
      ifChain(prefix, i);
    } else if (s instanceof While w) {
      String bound = w.bumpInCondition() ? w.counter() + "++ < 3" : w.counter() + " < 3";
      String head = prefix + "while (" + cond(bound, w.extra(), w.awaitCond()) + ")";
      if (w.bumpInCondition() && unbraced(w.counter(), w.body())) {
        branch(head, w.body().stmts().get(0));
        return;
      }
      line(head + " {");
      indent++;
      if (!w.bumpInCondition()) {
        line(w.counter() + "++;");
      }
      blockContents(w.body());
      indent--;
      line("}");
    } else if (s instanceof DoWhile d) {
      String tail = "while (" + cond(d.counter() + "++ < 2", d.extra(), d.awaitCond()) + ");";
      if (unbraced(d.counter(), d.body())) {
        branch(prefix + "do", d.body().stmts().get(0));
        line(tail);
        return;
      }
      line(prefix + "do {");
      indented(d.body());
      line("} " + tail);
    } else if (s instanceof For f) {
      String k = f.counter();
      String init = "int " + k + " = " + (async && f.awaitInit() ? "await(now(0))" : "0");
      String update = !f.awaitUpdate() ? k + "++"
          : async ? k + " = await(slow(" + k + " + 1))" : k + " = " + k + " + 1";
      String head = prefix + "for (" + init + "; " + cond(k + " < 3", f.extra(), f.awaitCond())
          + "; " + update + ")";
      branch(head, unbraced(k, f.body()) ? f.body().stmts().get(0) : f.body());
    } else if (s instanceof ForEach e) {
      String source = e.array() != null ? e.array() : iterated(e);
      if (async && e.helper() != null) {
        String suffix = e.source().equals("list") ? "List"
            : e.source().equals("ints") ? "Ints" : "Longs";
        source = "await(" + e.helper() + suffix + "(" + source + "))";
      }
      String head = prefix + "for (" + e.varType() + " " + e.var() + " : " + source + ")";
      boolean unbraced = e.elems().size() % 2 == 1 && simple(e.body());
      branch(head, unbraced ? e.body().stmts().get(0) : e.body());
    } else if (s instanceof Labeled l) {
      compound(prefix + l.label() + ": ", l.body());
    } else if (s instanceof Switch sw) {
      String selector = switch (sw.kind()) {
        case "string" -> "\"s\" + " + expr(sw.selector(), false);
        case "enum" -> "color(" + expr(sw.selector(), true) + ")";
        default -> expr(sw.selector(), true);
      };
      line(prefix + "switch (" + selector + ") {");
      indent++;
      for (Case c : sw.cases()) {
        String labels = c.labels().isEmpty() ? "default"
            : "case " + c.labels().stream().map(l -> caseLabel(sw.kind(), l))
                .collect(Collectors.joining(", "));
        line(labels + (sw.arrows() ? " -> {" : ": {"));
        indented(c.body());
        line("}");
        if (c.breakAfter()) {
          line("break;");
        }
      }
      indent--;
      line("}");
    } else if (s instanceof Try t) {
      if (t.resources().isEmpty()) {
        line(prefix + "try {");
      } else {
        line(prefix + "try (" + t.resources().stream()
            .map(r -> r.outside() ? r.name() : resource(r))
            .collect(Collectors.joining("; ")) + ") {");
        for (Resource r : t.resources()) {
          line("  " + r.name() + ".use();");
        }
      }
      indented(t.body());
      for (Catch c : t.catches()) {
        line("} catch (" + c.type() + " " + c.name() + ") {");
        indented(c.body());
      }
      if (t.fin() != null) {
        line("} finally {");
        indented(t.fin());
      }
      line("}");
    } else {
      line(prefix + simple(s));
    }
  }

  /** The constant a case label {@code label} (0 to 4) stands for in a switch of {@code kind}. */
  private static String caseLabel(String kind, int label) {
    return switch (kind) {
      case "string" -> "\"s" + label + "\"";
      case "enum" -> COLORS.get(label);
      default -> String.valueOf(label);
    };
  }

  /** The constants of the enum that enum switches are over; labels use the first five. */
  private static final List<String> COLORS =
      List.of("RED", "GREEN", "BLUE", "GRAY", "BLACK", "WHITE", "PINK");

  /** What an enhanced {@code for} iterates, before any await. */
  private String iterated(ForEach e) {
    String elems = e.elems().stream().map(x -> expr(x, true)).collect(Collectors.joining(", "));
    return switch (e.source()) {
      case "list" -> e.elems().isEmpty() ? "List.<Integer>of()" : "List.of(" + elems + ")";
      case "ints" -> "new int[] {" + elems + "}";
      default -> "new long[] {" + elems + "}";
    };
  }

  /** A resource declaration of a try-with-resources statement. */
  private String resource(Resource r) {
    String args = "log, \"" + r.tag() + "\", " + expr(r.value(), true) + ", " + r.failsOnClose();
    String init;
    if (r.helper() == null) {
      init = "new Res(" + args + ")";
    } else if (async) {
      String helper = Character.toUpperCase(r.helper().charAt(0)) + r.helper().substring(1);
      init = "await(open" + helper + "(" + args + "))";
    } else {
      init = r.helper().equals("risky") ? "Res.risky(" + args + ")" : "new Res(" + args + ")";
    }
    return (r.var() ? "var " : "Res ") + r.name() + " = " + init;
  }

  /** Whether a block is one simple statement (not a declaration), which may stand unbraced. */
  private static boolean simple(Block body) {
    if (body.stmts().size() != 1) {
      return false;
    }
    Stmt only = body.stmts().get(0);
    return only instanceof Assign || only instanceof AwaitAssign
        || only instanceof Sleep || only instanceof Log || only instanceof Throw
        || only instanceof Return || only instanceof ReturnAwait || only instanceof ReturnTail
        || only instanceof Break || only instanceof Continue || only instanceof ArrSet
        || only instanceof Use || only instanceof Yield || only instanceof Show
        || only instanceof Typed
        || only instanceof FormStmt f && f.declares() == null;
  }

  /**
   * Whether a loop's body is written without braces: when it is one simple statement (not a
   * declaration) and the counter's number is odd, so that both shapes occur.
   */
  private static boolean unbraced(String counter, Block body) {
    return simple(body) && Integer.parseInt(counter.substring(1)) % 2 == 1;
  }

  private void indented(Block b) {
    indent++;
    blockContents(b);
    indent--;
  }

  private void ifChain(String prefix, If i) {
    String head = prefix + "if (" + cond(null, i.cond(), i.awaitCond()) + ")";
    branch(head, i.then());
    Stmt other = i.otherwise();
    while (other != null) {
      if (other instanceof If elseIf) {
        branch("else if (" + cond(null, elseIf.cond(), elseIf.awaitCond()) + ")", elseIf.then());
        other = elseIf.otherwise();
      } else {
        branch("else", other);
        other = null;
      }
    }
  }

  /** {@code head {...}} for a block, else {@code head} and the statement indented below it. */
  private void branch(String head, Stmt body) {
    if (body instanceof Block b) {
      line(head + " {");
      indented(b);
      line("}");
    } else {
      line(head);
      indent++;
      String text = simple(body);
      line(text.startsWith("//") ? "{} " + text : text);
      indent--;
    }
  }

  /** A statement with no statement inside; a comment for a synchronous sleep. */
  private String simple(Stmt s) {
    if (s instanceof Decl d) {
      return "int " + d.name() + " = " + expr(d.init(), true) + ";";
    } else if (s instanceof Decls ds) {
      return "int " + ds.parts().stream().map(d -> d.name() + " = " + expr(d.init(), true))
          .collect(Collectors.joining(", ")) + ";";
    } else if (s instanceof AwaitDecl d) {
      return "int " + d.name() + " = " + awaited(d.helper(), d.arg()) + ";";
    } else if (s instanceof Assign a) {
      return a.name() + " " + a.op() + " " + expr(a.value(), true) + ";";
    } else if (s instanceof AwaitAssign a) {
      return a.name() + " = " + awaited(a.helper(), a.arg()) + ";";
    } else if (s instanceof Sleep sl) {
      return async ? "await(sleep(" + sl.seconds() + "));" : "// sleep(" + sl.seconds() + ")";
    } else if (s instanceof Log l) {
      return "log.add(" + logText(l) + ");";
    } else if (s instanceof Throw t) {
      return "throw new IllegalStateException(\"" + t.tag() + " \" + " + expr(t.value(), false)
          + ");";
    } else if (s instanceof Return r) {
      return returned(expr(r.value(), true));
    } else if (s instanceof ReturnAwait r) {
      return async ? "return done(await(now(" + expr(r.value(), true) + ")));"
          : "return " + expr(r.value(), true) + ";";
    } else if (s instanceof ReturnTail r) {
      return async ? "return " + r.helper() + "(" + expr(r.value(), true) + ");"
          : "return " + value(r.helper(), r.value()) + ";";
    } else if (s instanceof ArrSet a) {
      return a.array() + "[" + a.index() + "] = " + expr(a.value(), true) + ";";
    } else if (s instanceof Use u) {
      return u.resource() + ".use();";
    } else if (s instanceof FormStmt f) {
      return form(async ? f.async() : f.plain(), f.holes());
    } else if (s instanceof Show sh) {
      return "log.add(\"" + sh.tag() + "\"" + sh.values().stream()
          .map(v -> " + \" \" + " + expr(v, false)).collect(Collectors.joining()) + ");";
    } else if (s instanceof Typed t) {
      String conditional = cond(t.cond(), true) + " ? " + operand(t.then()) + " : "
          + operand(t.otherwise());
      return "log.add(\"" + t.tag() + " \" + " + switch (t.context()) {
        case "object" -> "d(" + conditional + ")";
        case "long" -> "asLong(" + conditional + ")";
        default -> "(" + conditional + ")";
      } + ");";
    } else if (s instanceof Yield y) {
      return async ? "Generator.yield(" + expr(y.value(), true) + ");"
          : "out.add(" + expr(y.value(), true) + ");";
    } else if (s instanceof YieldDecl y) {
      return "Integer " + y.name() + " = "
          + (async ? "Generator.yield(" : "put(out, ") + expr(y.value(), true) + ");";
    } else if (s instanceof Break b) {
      return b.label() == null ? "break;" : "break " + b.label() + ";";
    } else if (s instanceof Continue c) {
      return c.label() == null ? "continue;" : "continue " + c.label() + ";";
    }
    throw new IllegalArgumentException("not a simple statement: " + s);
  }

  /** An operand of a {@link Typed} conditional, in parentheses. */
  private String operand(Operand o) {
    String e = expr(o.value(), true);
    String ch = "(char) ('a' + Math.floorMod(" + e + ", 26))";
    if (o.awaited()) {
      String[] helper = switch (o.kind()) {
        case "Long" -> new String[] {"L", "(long) (" + e + ")"};
        case "Double" -> new String[] {"D", "(double) (" + e + ")"};
        case "Character" -> new String[] {"C", ch};
        case "Boolean" -> new String[] {"B", "(" + e + ") % 2 == 0"};
        case "String" -> new String[] {"S", "\"s\" + (" + e + ")"};
        case "null" -> new String[] {"I", "null"};
        default -> new String[] {"I", e};
      };
      return async ? "(await(slow" + helper[0] + "(" + helper[1] + ")))"
          : "(v(keep" + helper[0] + "(" + helper[1] + ")))";
    }
    return "(" + switch (o.kind()) {
      case "long" -> "(long) (" + e + ")";
      case "double" -> "(double) (" + e + ")";
      case "char" -> ch;
      case "boolean" -> "(" + e + ") % 2 == 0";
      case "Integer" -> "Integer.valueOf(" + e + ")";
      case "Long" -> "Long.valueOf(" + e + ")";
      case "Character" -> "Character.valueOf(" + ch + ")";
      case "String" -> "\"s\" + (" + e + ")";
      case "null" -> "null";
      // An int operand that is an await (after shrinking) is a generic call in the async body,
      // never a numeric operand (JLS 15.25); the twin's val(..) returns Integer, so it wraps
      // it in the generic identity, as awaited operands are.
      default -> !async && o.value() instanceof Ast.Await ? "v(" + e + ")" : e;
    } + ")";
  }

  /** Text with holes: {@code parts.get(0)}, hole 0, {@code parts.get(1)}, ... */
  private String form(List<String> parts, List<Expr> holes) {
    StringBuilder text = new StringBuilder(parts.get(0));
    for (int i = 0; i < holes.size(); i++) {
      text.append(expr(holes.get(i), false)).append(parts.get(i + 1));
    }
    return text.toString();
  }

  private String returned(String value) {
    if (generator) {
      return async ? "return null;" : "return;";
    }
    return async ? "return done(" + value + ");" : "return " + value + ";";
  }

  private String awaited(String helper, Expr arg) {
    return async ? "await(" + helper + "(" + expr(arg, true) + "))" : value(helper, arg);
  }

  /** What awaiting {@code helper(arg)} yields, as plain Java. */
  private String value(String helper, Expr arg) {
    return helper.equals("risky") ? "riskyNow(" + expr(arg, true) + ")" : expr(arg, true);
  }

  private static String logText(Log l) {
    StringBuilder text = new StringBuilder("\"" + l.tag());
    if (l.exception() != null) {
      text.append(" \" + message(").append(l.exception()).append(") + suppressed(")
          .append(l.exception()).append(") + \"");
    }
    for (String v : l.vars()) {
      text.append(' ').append(v).append("=\" + ").append(v).append(" + \"");
    }
    text.append('"');
    String s = text.toString();
    return s.endsWith(" + \"\"") ? s.substring(0, s.length() - " + \"\"".length()) : s;
  }

  /** {@code bound && extra}, in {@code await(check(...))} when it awaits. */
  private String cond(String bound, Cond extra, boolean await) {
    String text = bound == null ? cond(extra, true)
        : extra == null ? bound
        : bound + " && " + cond(extra, false);
    return async && await ? "await(check(" + text + "))" : text;
  }

  String cond(Cond c, boolean top) {
    String text;
    if (c instanceof Cmp cmp) {
      text = expr(cmp.left(), false) + " " + cmp.op() + " " + expr(cmp.right(), false);
    } else if (c instanceof ModEq m) {
      text = expr(m.value(), false) + " % " + m.modulus() + " == " + m.remainder();
    } else if (c instanceof Both b) {
      text = cond(b.left(), false) + " && " + cond(b.right(), false);
    } else if (c instanceof Either e) {
      text = cond(e.left(), false) + " || " + cond(e.right(), false);
    } else if (c instanceof AwaitCheck a) {
      if (async) {
        return "await(check(" + cond(a.inner(), true) + "))";
      }
      return cond(a.inner(), top);
    } else if (c instanceof TracedCond t) {
      return "tb(log, \"" + t.label() + "\", " + cond(t.inner(), true) + ")";
    } else if (c instanceof InstanceOf i) {
      String test = i.object() + " instanceof " + i.type() + " " + i.binding();
      return i.negated() ? "!(" + test + ")" : top ? test : "(" + test + ")";
    } else {
      return "!(" + cond(((Not) c).inner(), true) + ")";
    }
    return top ? text : "(" + text + ")";
  }

  String expr(Expr e, boolean top) {
    if (e instanceof Lit l) {
      return String.valueOf(l.value());
    } else if (e instanceof Var v) {
      return v.name();
    } else if (e instanceof Await a) {
      // Plainly the value boxed as done(v) boxes it: an Integer, as await(...) is in the source.
      return async ? "await(" + a.helper() + "(" + expr(a.arg(), true) + "))"
          : (a.helper().equals("risky") ? "riskyVal(" : "val(") + expr(a.arg(), true) + ")";
    } else if (e instanceof Traced t) {
      return "t(log, \"" + t.label() + "\", " + expr(t.value(), true) + ")";
    } else if (e instanceof Ternary t) {
      String text = cond(t.cond(), true) + " ? " + expr(t.then(), false) + " : "
          + expr(t.otherwise(), false);
      return top ? text : "(" + text + ")";
    } else if (e instanceof Call c) {
      return c.name() + "(log" + c.args().stream().map(x -> ", " + expr(x, true))
          .collect(Collectors.joining()) + ")";
    } else if (e instanceof Recv r) {
      return "box(log, \"" + r.label() + "\").plus(" + expr(r.arg(), true) + ")";
    } else if (e instanceof Form f) {
      return form(async ? f.async() : f.plain(), f.holes());
    }
    Bin b = (Bin) e;
    String text = expr(b.left(), false) + " " + b.op() + " " + expr(b.right(), false);
    return top ? text : "(" + text + ")";
  }

  /**
   * What enhanced {@code for} loops iterate (awaited or not), the resource of try-with-resources
   * statements, the enum of enum switches, and how a catch block logs suppressed exceptions.
   */
  private static final String EXTRA_HELPERS = String.join("\n",
      "  @Async static Coroutine<List<Integer>> slowList(List<Integer> xs) {",
      "    await(sleep(1));",
      "    return done(xs);",
      "  }",
      "  @Async static Coroutine<List<Integer>> nowList(List<Integer> xs) { return done(xs); }",
      "  @Async static Coroutine<int[]> slowInts(int[] xs) {",
      "    await(sleep(1));",
      "    return done(xs);",
      "  }",
      "  @Async static Coroutine<int[]> nowInts(int[] xs) { return done(xs); }",
      "  @Async static Coroutine<long[]> slowLongs(long[] xs) {",
      "    await(sleep(1));",
      "    return done(xs);",
      "  }",
      "  @Async static Coroutine<long[]> nowLongs(long[] xs) { return done(xs); }",
      "  enum Color { " + String.join(", ", COLORS) + " }",
      "  static Color color(int v) {",
      "    return Color.values()[Math.floorMod(v, " + COLORS.size() + ")];",
      "  }",
      "  static final class Res implements AutoCloseable {",
      "    private final List<String> log;",
      "    private final String name;",
      "    private final boolean failsOnClose;",
      "    Res(List<String> log, String name, int value, boolean failsOnClose) {",
      "      this.log = log;",
      "      this.name = name;",
      "      this.failsOnClose = failsOnClose;",
      "      log.add(\"open \" + name + \" \" + value);",
      "    }",
      "    static Res risky(List<String> log, String name, int value, boolean failsOnClose) {",
      "      if (value % 7 == 0) throw new IllegalStateException(\"open \" + name + \" \" + value);",
      "      return new Res(log, name, value, failsOnClose);",
      "    }",
      "    void use() {",
      "      log.add(\"use \" + name);",
      "    }",
      "    @Override public void close() {",
      "      log.add(\"close \" + name);",
      "      if (failsOnClose) throw new IllegalStateException(\"close \" + name);",
      "    }",
      "  }",
      "  @Async static Coroutine<Res> openSlow(List<String> log, String name, int value,",
      "      boolean failsOnClose) {",
      "    await(sleep(1));",
      "    return done(new Res(log, name, value, failsOnClose));",
      "  }",
      "  @Async static Coroutine<Res> openNow(List<String> log, String name, int value,",
      "      boolean failsOnClose) {",
      "    return done(new Res(log, name, value, failsOnClose));",
      "  }",
      "  @Async static Coroutine<Res> openRisky(List<String> log, String name, int value,",
      "      boolean failsOnClose) {",
      "    await(sleep(0));",
      "    return done(Res.risky(log, name, value, failsOnClose));",
      "  }",
      "  static int t(List<String> log, String label, int v) {",
      "    log.add(label + \" \" + v);",
      "    return v;",
      "  }",
      "  static boolean tb(List<String> log, String label, boolean v) {",
      "    log.add(label + \" \" + v);",
      "    return v;",
      "  }",
      "  static int p2(List<String> log, int x, int y) {",
      "    log.add(\"p2 \" + x + \" \" + y);",
      "    return x * 2 + y;",
      "  }",
      "  static int p3(List<String> log, int x, int y, int z) {",
      "    log.add(\"p3 \" + x + \" \" + y + \" \" + z);",
      "    return x - y + z;",
      "  }",
      "  static int pv(List<String> log, int... xs) {",
      "    log.add(\"pv \" + Arrays.toString(xs));",
      "    int s = 0;",
      "    for (int x : xs) {",
      "      s = s * 3 + x;",
      "    }",
      "    return s;",
      "  }",
      "  static Box box(List<String> log, String label) {",
      "    log.add(\"box \" + label);",
      "    return new Box(log, label);",
      "  }",
      "  static final class Box {",
      "    private final List<String> log;",
      "    private final String label;",
      "    Box(List<String> log, String label) {",
      "      this.log = log;",
      "      this.label = label;",
      "    }",
      "    int plus(int v) {",
      "      log.add(label + \" plus \" + v);",
      "      return v + 1;",
      "    }",
      "  }",
      "  static <T> T v(T x) {",
      "    return x;",
      "  }",
      "  static String d(Object o) {",
      "    return o == null ? \"null\" : o.getClass().getSimpleName() + \" \" + o;",
      "  }",
      "  static long asLong(long x) {",
      "    return x;",
      "  }",
      typedHelpers("I", "Integer"),
      typedHelpers("L", "Long"),
      typedHelpers("D", "Double"),
      typedHelpers("C", "Character"),
      typedHelpers("B", "Boolean"),
      typedHelpers("S", "String"),
      "  static Integer put(List<Integer> out, int v) {",
      "    out.add(v);",
      "    return null;",
      "  }",
      "  static String suppressed(Throwable e) {",
      "    StringBuilder s = new StringBuilder();",
      "    for (Throwable x : e.getSuppressed()) {",
      "      s.append(\" suppressed \").append(message(x));",
      "    }",
      "    return s.toString();",
      "  }",
      // The JVM's message for an unboxed null names the code, which differs between the twins.
      "  static String message(Throwable e) {",
      "    return e instanceof NullPointerException ? \"NullPointerException\" : e.getMessage();",
      "  }",
      "");

  /**
   * What a {@link Typed} operand awaits, {@code slowX}, and its plain twin {@code keepX}: both
   * yield their argument, typed {@code type}.
   */
  private static String typedHelpers(String suffix, String type) {
    return "  @Async static Coroutine<" + type + "> slow" + suffix + "(" + type + " x) {\n"
        + "    await(sleep(1));\n"
        + "    return done(x);\n"
        + "  }\n"
        + "  static " + type + " keep" + suffix + "(" + type + " x) {\n"
        + "    return x;\n"
        + "  }";
  }

  /** The whole class a batch compiles: the helpers, then {@code fN} and {@code gN} per body. */
  static String source(String pkg, String className, List<Body> bodies) {
    StringBuilder s = new StringBuilder();
    s.append("package ").append(pkg).append(";\n")
        .append("import io.jasyncio.*;\n")
        .append("import io.jasyncio.annotations.Async;\n")
        .append("import java.util.*;\n")
        .append("import static io.jasyncio.Asyncio.*;\n")
        .append("public class ").append(className).append(" extends BodiesBase {\n")
        .append("  @Async static Coroutine<Integer> slow(int v) {\n")
        .append("    await(sleep(1));\n")
        .append("    return done(v);\n")
        .append("  }\n")
        .append("  @Async static Coroutine<Integer> now(int v) { return done(v); }\n")
        .append("  @Async static Coroutine<Boolean> check(boolean b) {\n")
        .append("    await(sleep(0));\n")
        .append("    return done(b);\n")
        .append("  }\n")
        .append("  @Async static Coroutine<Integer> risky(int v) {\n")
        .append("    await(sleep(0));\n")
        .append("    if (v % 7 == 0) throw new IllegalStateException(\"risky \" + v);\n")
        .append("    return done(v);\n")
        .append("  }\n")
        .append("  static Integer val(int v) {\n")
        .append("    return v;\n")
        .append("  }\n")
        .append("  static Integer riskyVal(int v) {\n")
        .append("    return riskyNow(v);\n")
        .append("  }\n")
        .append("  static int riskyNow(int v) {\n")
        .append("    if (v % 7 == 0) throw new IllegalStateException(\"risky \" + v);\n")
        .append("    return v;\n")
        .append("  }\n")
        .append(EXTRA_HELPERS)
        .append(ShapeHelpers.members());
    for (int i = 0; i < bodies.size(); i++) {
      s.append("  // seed ").append(bodies.get(i).seed()).append('\n');
      s.append(asyncMethod("f" + i, bodies.get(i)));
      s.append(syncMethod("g" + i, bodies.get(i)));
    }
    return s.append("}\n").append(ShapeHelpers.baseClass()).toString();
  }
}
