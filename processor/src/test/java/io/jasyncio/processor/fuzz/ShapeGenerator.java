package io.jasyncio.processor.fuzz;

import io.jasyncio.processor.fuzz.Ast.Assign;
import io.jasyncio.processor.fuzz.Ast.Await;
import io.jasyncio.processor.fuzz.Ast.Bin;
import io.jasyncio.processor.fuzz.Ast.Lit;
import io.jasyncio.processor.fuzz.Ast.Ternary;
import io.jasyncio.processor.fuzz.Ast.Block;
import io.jasyncio.processor.fuzz.Ast.Expr;
import io.jasyncio.processor.fuzz.Ast.If;
import io.jasyncio.processor.fuzz.Ast.InstanceOf;
import io.jasyncio.processor.fuzz.Ast.Log;
import io.jasyncio.processor.fuzz.Ast.Sleep;
import io.jasyncio.processor.fuzz.Ast.Stmt;
import io.jasyncio.processor.fuzz.Ast.Yield;
import io.jasyncio.processor.fuzz.BodyGenerator.Scope;
import java.util.ArrayList;
import java.util.List;

/**
 * The shapes {@link BodyGenerator} adds beyond int locals in one static class: fields of
 * {@code this}, of {@code other} and of the base class, and static fields; calls of overloads
 * (plain and {@code @Async}, static and instance), of a static nested class's methods (which call
 * back into the outer class) and of {@code @Async} methods through static method references;
 * pattern bindings that live across awaits; array initializers that await and stores into their
 * elements; and, with {@link ShapeOptions#POSITIONS}, {@code throw await(...)}. The members they
 * use are {@link ShapeHelpers}'.
 */
final class ShapeGenerator {
  private final BodyGenerator g;

  ShapeGenerator(BodyGenerator g) {
    this.g = g;
  }

  /** The fields the top scope of a body reads and writes: static ones, and an instance's. */
  void addFields(Scope top) {
    top.fields.addAll(List.of(ShapeHelpers.STATIC_FIELDS));
    if (!top.instance) {
      return;
    }
    top.fields.addAll(List.of(ShapeHelpers.INT_FIELDS));
    String[][] typed = {{"fl", "long"}, {"fb", "Integer"}, {"fs", "String"}, {"fc", "char"}};
    for (String[] field : typed) {
      for (String owner : List.of("", "this.", "other.")) {
        top.typed.put(owner + field[0], field[1]);
      }
    }
  }

  /**
   * The statements of a shape that takes several (a pattern binding) or declares an array, or
   * none.
   */
  List<Stmt> statements(Scope scope) {
    if (g.percent() < ShapeOptions.PATTERNS) {
      return pattern(scope);
    } else if (g.percent() < ShapeOptions.ARRAYS) {
      return List.of(array(scope));
    }
    return List.of();
  }

  /**
   * {@code target op value;} for a field or an array element. A compound assignment that
   * awaits updates another object's field or an array element only with
   * {@link ShapeOptions#POSITIONS}.
   */
  Stmt fieldAssignment(Scope scope) {
    String target = g.pick(scope.fields);
    String op = g.pick(List.of("=", "+=", "-=", "*=", "="));
    boolean elsewhere = target.startsWith("other.") || target.contains("[");
    boolean aw = op.equals("=") || !elsewhere || ShapeOptions.POSITIONS;
    if (aw && target.contains("[") && g.nestedAwaits(scope, true) && g.percent() < 50) {
      // An element stored straight from an await: arr[1] = await(now(x));
      g.awaitedHere();
      return new Assign(target, op, new Await(g.helper(), g.expr(scope, 1)));
    }
    return new Assign(target, op, aw ? g.awExpr(scope, 2) : g.expr(scope, 2));
  }

  /** {@code throw await(slowE(v));}, plainly {@code throw keepE(v);}. */
  Stmt throwAwait(Scope scope) {
    return new FormText().split("throw await(slowE(", "throw keepE(").awaiting()
        .hole(g.expr(scope, 1)).split("));", ");")
        .stmt("throwAwait", null, false);
  }

  /**
   * {@code Object o = obj(log, v);} then either {@code if (o instanceof Integer i) {...}},
   * whose block awaits before and after it reads {@code i}, or
   * {@code if (!(o instanceof String s)) <exit>} and an await and a read of {@code s} after it.
   */
  private List<Stmt> pattern(Scope scope) {
    String object = g.newName(scope);
    g.declareOnly(scope, object);
    List<Stmt> out = new ArrayList<>();
    out.add(new FormText().text("Object " + object + " = obj(log, ")
        .hole(g.awExpr(scope, 1)).text(");").visible().stmt("patternBinding", object, true));
    boolean integer = g.percent() < 50;
    String type = integer ? "Integer" : "String";
    if (g.percent() < 55) {
      Scope inner = scope.nested(true, null);
      String binding = g.newName(inner);
      bind(inner, binding, integer);
      List<Stmt> then = new ArrayList<>();
      then.add(pause(inner));
      then.add(new Log(g.tag("t"), List.of(binding), null));
      then.addAll(g.block(inner, 3).stmts());
      then.add(new Log(g.tag("t"), List.of(binding), null));
      out.add(new If(new InstanceOf(object, type, binding, false), false, new Block(then), null));
    } else {
      String binding = g.newName(scope);
      Stmt exit = g.jump(scope);
      out.add(new If(new InstanceOf(object, type, binding, true), false, exit, null));
      bind(scope, binding, integer);
      out.add(pause(scope));
      out.add(new Log(g.tag("t"), List.of(binding), null));
    }
    return out;
  }

  /** Declares a pattern binding: an Integer reads and writes as an int, a String as text. */
  private void bind(Scope scope, String binding, boolean integer) {
    if (integer) {
      g.declare(scope, binding);
    } else {
      g.declareOnly(scope, binding);
      scope.typed.put(binding, "String");
      scope.loggable.add(binding);
    }
  }

  /** An await, or in a generator body a yield, or where neither may go a log line. */
  private Stmt pause(Scope scope) {
    if (scope.awaits && !g.generator()) {
      g.awaitedHere();
      return new Sleep(g.percent() < 30 ? 1 : 0);
    } else if (scope.awaits) {
      g.awaitedHere();
      return new Yield(g.expr(scope, 1));
    }
    return g.log(scope);
  }

  /**
   * {@code int[] arr = {...};} ({@code int arr[]}, {@code new int[] {...}} too) or
   * {@code int[][] arr = {{...}, {...}};}, whose elements may await, one surely where awaits
   * may go; its elements are then read and written as fields are.
   */
  private Stmt array(Scope scope) {
    String name = g.tag("ar");
    FormText t = new FormText();
    List<String> elements = new ArrayList<>();
    boolean awaitOne = g.nestedAwaits(scope, true);
    if (g.percent() < 30) {
      t.text("int[][] " + name + " = {");
      for (int row = 0, rows = 1 + g.percent() % 2; row < rows; row++) {
        t.text(row == 0 ? "{" : ", {");
        for (int col = 0, cols = 1 + g.percent() % 2; col < cols; col++) {
          t.text(col == 0 ? "" : ", ").hole(element(scope, awaitOne && row == rows - 1
              && col == cols - 1));
          elements.add(name + "[" + row + "][" + col + "]");
        }
        t.text("}");
      }
      t.text("};");
    } else {
      String declared = g.pick(List.of("int[] " + name + " = {", "int " + name + "[] = {",
          "int[] " + name + " = new int[] {"));
      t.text(declared);
      int length = 1 + g.percent() % 3;
      int awaited = g.percent() % length;
      for (int i = 0; i < length; i++) {
        t.text(i == 0 ? "" : ", ").hole(element(scope, awaitOne && i == awaited));
        elements.add(name + "[" + i + "]");
      }
      t.text("};");
      scope.arrays.put(name, length);
    }
    g.declareOnly(scope, name);
    scope.fields.addAll(elements);
    return t.stmt("arrayInit", name, true);
  }

  private Expr element(Scope scope, boolean await) {
    if (await) {
      g.awaitedHere();
      return new Await(g.helper(), g.leaf(scope));
    }
    return g.percent() < 50 ? g.awExpr(scope, 1) : g.expr(scope, 1);
  }

  /**
   * An int-valued call: of an overload, plain ({@code ov}, {@code ov2}) or {@code @Async}
   * ({@code fo}, and on {@code this} or {@code other} {@code im}), chosen by the argument's type
   * (int, an awaited Integer, long, String); of a static nested class's methods, plain
   * ({@code Nested.twice}) or {@code @Async} ({@code Nested.nestedSlow}, which awaits its outer
   * class's {@code @Async} methods); or of {@code sumAll} over coroutines made by a static
   * method reference ({@code map(Bodies::fetch)}).
   */
  Expr call(Scope scope, int depth, boolean aw) {
    boolean awaits = g.nestedAwaits(scope, aw);
    int roll = g.percent();
    FormText t = new FormText().visible();
    if (roll < 25 || !awaits && roll < 55) {
      t.text("ov(log, ");
      argument(t, scope, depth, aw, true);
      return t.text(")").expr("overload");
    } else if (roll < 40 || !awaits) {
      t.text("ov2(log, ");
      argument(t, scope, depth, aw, true);
      t.text(", ").hole(standalone(g.expr(scope, depth - 1, aw))).text(")");
      return t.expr("overload");
    } else if (roll < 60) {
      t.split("await(fo(log, ", "foNow(log, ").awaiting();
      argument(t, scope, depth, aw, true);
      return t.split("))", ")").expr("asyncOverload");
    } else if (roll < 72 && scope.instance) {
      String receiver = g.pick(List.of("", "this.", "other."));
      t.split("await(" + receiver + "im(log, ", receiver + "imNow(log, ").awaiting();
      argument(t, scope, depth, aw, false);
      return t.split("))", ")").expr("instanceAsync");
    } else if (roll < 85) {
      if (g.percent() < 40) {
        return t.text("Nested.twice(log, ").hole(g.expr(scope, depth - 1, aw)).text(")")
            .expr("nested");
      }
      return t.split("await(Nested.nestedSlow(log, ", "Nested.nestedNow(log, ").awaiting()
          .hole(g.expr(scope, depth - 1, aw)).split("))", ")").expr("nested");
    }
    String target = g.pick(List.of("Bodies::fetch", "Nested::nestedFetch"));
    t.split("await(sumAll(log, List.of(", "sumAllNow(log, List.of(").awaiting();
    for (int i = 0, n = 1 + g.percent() % 3; i < n; i++) {
      t.text(i == 0 ? "" : ", ").hole(g.expr(scope, depth - 1, aw));
    }
    return t.split(").stream().map(" + target + ").toList()))",
        ").stream().map(" + target + "Now).toList())").expr("methodRef");
  }

  /**
   * {@code e}, or {@code e + 0} for a conditional: a conditional with an await in a branch is a
   * poly expression, which may match {@code ov(long)} and {@code ov(Object)} alike (javac: the
   * reference is ambiguous).
   */
  private static Expr standalone(Expr e) {
    return e instanceof Ternary ? new Bin("+", e, new Lit(0)) : e;
  }

  /** An argument that picks an overload: an int (boxed when awaited), a long or a String. */
  private void argument(FormText t, Scope scope, int depth, boolean aw, boolean strings) {
    int roll = g.percent();
    Expr value = standalone(g.expr(scope, depth - 1, aw));
    if (roll < 45) {
      t.hole(value);
    } else if (roll < 75 || !strings) {
      t.text("(long) ").hole(value);
    } else {
      t.text("\"s\" + ").hole(value);
    }
  }
}
