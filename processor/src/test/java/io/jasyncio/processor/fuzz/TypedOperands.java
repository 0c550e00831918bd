package io.jasyncio.processor.fuzz;

import io.jasyncio.processor.fuzz.Ast.Expr;
import io.jasyncio.processor.fuzz.Ast.Stmt;
import io.jasyncio.processor.fuzz.BodyGenerator.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Operands of other types than int, mixed with awaits: locals and fields of type {@code long},
 * {@code char}, {@code byte}, {@code short}, {@code Integer} (null now and then, so unboxing
 * throws in both versions) and {@code String}; awaits of coroutines of {@code Long},
 * {@code Character}, {@code Integer} and {@code String} ({@code await(slowL(...))}, plainly
 * {@code v(keepL(...))}); and expressions that mix them ({@code long + int}, {@code char + int},
 * {@code String + char}, string concatenation with awaits), in declarations, assignments
 * (compound ones narrowing, {@code b += await(...)} on a {@code byte}), log lines and int
 * expressions. Every binary operation is parenthesised, so what javac types is what this class
 * meant.
 */
final class TypedOperands {
  private static final List<String> LOCAL_TYPES =
      List.of("long", "long", "char", "byte", "short", "Integer", "String", "String");
  private static final List<String> ANY = List.of("int", "long", "char", "Integer", "String");
  private static final List<String> NUMERIC = List.of("int", "long", "char", "Integer");
  /**
   * An int that is no byte or short local, for an Integer's {@code =}: a short boxes to a Short,
   * never to an Integer.
   */
  private static final String INT_ONLY = "int only";
  /** What each type counts as in the shapes a run prints. */
  private static final Map<String, String> SHAPE = Map.of("long", "long", "char", "char",
      "byte", "narrowing", "short", "narrowing", "Integer", "boxed", "String", "string");

  private final BodyGenerator g;

  TypedOperands(BodyGenerator g) {
    this.g = g;
  }

  /** A declaration or an update of a typed local or field, or a log line of a typed value. */
  Stmt statement(Scope scope) {
    int roll = g.percent();
    if (roll < 45 || scope.typed.isEmpty()) {
      return declaration(scope);
    } else if (roll < 80) {
      return update(scope);
    }
    Text t = new Text();
    t.form.text("log.add(\"" + g.tag("s") + " \" + ");
    operand(t, scope, g.pick(List.of("String", "long", "int")), 2, true);
    return t.form.text(");").visible().stmt(t.shape(), null, true);
  }

  /** An int expression that mixes typed operands, maybe awaiting. */
  Expr intExpr(Scope scope, int depth, boolean aw) {
    Text t = new Text();
    int roll = g.percent();
    if (roll < 50) {
      t.form.text("(");
      operand(t, scope, g.pick(List.of("char", "Integer", "int")), depth - 1, aw);
      t.form.text(" " + g.pick(List.of("+", "-", "*")) + " ");
      operand(t, scope, g.pick(List.of("char", "Integer", "int", "char")), depth - 1, aw);
      t.form.text(")");
    } else if (roll < 80) {
      t.form.text("(int) ");
      composite(t, scope, "long", depth, aw);
    } else {
      t.form.text("(");
      operand(t, scope, "String", depth, aw);
      t.form.text(").length()");
    }
    t.shapes.add("mixed");
    return t.form.expr(t.shape());
  }

  private Stmt declaration(Scope scope) {
    String type = g.pick(LOCAL_TYPES);
    String name = g.newName(scope);
    Text t = new Text();
    t.shapes.add(SHAPE.get(type));
    t.form.text(type + " " + name + " = ");
    switch (type) {
      case "long" -> operand(t, scope, g.pick(List.of("long", "int")), 2, true);
      case "byte" -> {
        // A cast cannot unbox and narrow at once: the operand is a primitive int.
        t.form.text("(byte) ");
        composite(t, scope, "int", 1, true);
      }
      case "short" -> {
        t.form.text("(short) ");
        composite(t, scope, "long", 1, true);
      }
      case "Integer" -> operand(t, scope, g.pick(List.of("Integer", INT_ONLY)), 2, true);
      default -> operand(t, scope, type, 2, true);
    }
    g.declareOnly(scope, name);
    scope.typed.put(name, type);
    scope.loggable.add(name);
    return t.form.text(";").stmt(t.shape(), name, true);
  }

  /**
   * {@code target op value;}: {@code =} of an assignable type, or a compound assignment (which
   * narrows to a byte, short or char, unboxes and reboxes an Integer, concatenates to a String).
   * One that awaits updates another object's field only with {@link ShapeOptions#POSITIONS}.
   */
  private Stmt update(Scope scope) {
    String target = g.pick(List.copyOf(scope.typed.keySet()));
    String type = scope.typed.get(target);
    Text t = new Text();
    t.shapes.add(SHAPE.get(type));
    String op;
    List<String> values;
    switch (type) {
      case "long" -> {
        op = g.pick(List.of("=", "+=", "-=", "*="));
        values = op.equals("=") ? List.of("long", "int") : NUMERIC;
      }
      case "char" -> {
        op = g.pick(List.of("=", "+=", "-="));
        values = op.equals("=") ? List.of("char") : List.of("int", "char", "long");
      }
      case "byte", "short" -> {
        op = g.pick(List.of("+=", "-=", "*="));
        values = List.of("int", "long", "char", "Integer");
      }
      case "Integer" -> {
        op = g.pick(List.of("=", "+=", "-="));
        values = op.equals("=") ? List.of("Integer", INT_ONLY) : List.of("int", "char");
      }
      default -> {
        op = g.pick(List.of("=", "+=", "+="));
        values = op.equals("=") ? List.of("String") : ANY;
      }
    }
    if (!op.equals("=") && !type.equals("String") && !type.equals("long")) {
      t.shapes.add("narrowing");
    }
    boolean aw = op.equals("=") || !target.startsWith("other.") || ShapeOptions.POSITIONS;
    t.form.read(target).text(" " + op + " ");
    operand(t, scope, g.pick(values), 2, aw);
    return t.form.text(";").stmt(t.shape(), null, true);
  }

  /**
   * Writes an expression of static type {@code type} (an awaited value is its box, which
   * unboxes where a primitive is wanted): a typed local or field, a conversion of an int
   * expression, an await of a typed coroutine, or a binary operation on such operands.
   */
  private void operand(Text t, Scope scope, String type, int depth, boolean aw) {
    if (depth > 0 && !type.equals("char") && !type.equals("Integer") && g.percent() < 40) {
      composite(t, scope, type, depth, aw);
      return;
    }
    t.shapes.add(SHAPE.getOrDefault(type, "mixed"));
    boolean awaits = g.nestedAwaits(scope, aw) && g.percent() < 30;
    List<String> vars = new ArrayList<>();
    scope.typed.forEach((name, varType) -> {
      if (varType.equals(type) || type.equals("int")
          && (varType.equals("byte") || varType.equals("short"))) {
        vars.add(name);
      }
    });
    if (!awaits && !vars.isEmpty() && g.percent() < 45) {
      String picked = g.pick(vars);
      if ((picked.startsWith("this.") || picked.startsWith("other.")) && g.percent() < 25) {
        // The same field, read through a call's value, whose class the processor works out.
        t.shapes.add("computedReceiver");
        picked = (picked.startsWith("this.") ? "self()." : "peer(other).")
            + picked.substring(picked.indexOf('.') + 1);
      }
      t.form.read(picked);
      return;
    }
    Expr value = g.expr(scope, Math.max(0, depth - 1), aw);
    if (awaits) {
      g.awaitedHere();
    }
    switch (type) {
      case "long" -> {
        if (awaits) {
          t.form.await("L").text("(long) ").hole(value).text("))");
        } else {
          t.form.text("(long) ").hole(value);
        }
      }
      case "char" -> {
        String ch = "(char) ('a' + Math.floorMod(";
        if (awaits) {
          t.form.await("C").text(ch).hole(value).text(", 26))))");
        } else if (g.percent() < 30) {
          t.form.text("'q'");
        } else {
          t.form.text(ch).hole(value).text(", 26))");
        }
      }
      case "Integer" -> {
        if (awaits) {
          t.form.await("I").text("nul(").hole(value).text(")))");
        } else {
          t.form.text("nul(").hole(value).text(")");
        }
      }
      case "String" -> {
        if (awaits) {
          t.form.await("S").text("\"s\" + ").hole(value).text("))");
        } else {
          t.form.text("(\"s\" + ").hole(value).text(")");
        }
      }
      default -> t.form.hole(value);
    }
  }

  /**
   * A parenthesised binary operation of static type {@code type}: for a long, a long and any
   * number; for an int, two of int, char and Integer; for a String, a String and anything.
   */
  private void composite(Text t, Scope scope, String type, int depth, boolean aw) {
    String left;
    String right;
    String op = g.pick(List.of("+", "-", "*"));
    switch (type) {
      case "long" -> {
        left = "long";
        right = g.pick(NUMERIC);
      }
      case "String" -> {
        left = "String";
        right = g.pick(ANY);
        op = "+";
      }
      default -> {
        left = g.pick(List.of("char", "Integer", "int"));
        right = g.pick(List.of("char", "Integer", "int"));
      }
    }
    if (g.percent() < 50) {
      String swap = left;
      left = right;
      right = swap;
    }
    t.form.text("(");
    operand(t, scope, left, depth - 1, aw);
    t.form.text(" " + op + " ");
    operand(t, scope, right, depth - 1, aw);
    t.form.text(")");
  }

  /** A form being written, and the shapes its operands exercise. */
  private static final class Text {
    final FormText form = new FormText();
    final Set<String> shapes = new TreeSet<>();

    /** The shapes, comma-separated, as {@link Census} counts them. */
    String shape() {
      return String.join(",", shapes);
    }
  }
}
