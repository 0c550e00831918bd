package io.jasyncio.processor.model;

import java.util.List;

/**
 * An expression the machine evaluates, as data: the template's code, copied with the machine's
 * names laid over it, the names the machine gives, the template's operators around them, and
 * the runtime's helpers that keep a branch's static type. The writer spells it.
 */
public sealed interface Expr {
  /** The simple name this expression is, or null when it is more than a name. */
  default String simpleName() {
    return null;
  }

  /**
   * Code of the template, as copied (its names edited to what they mean in the machine);
   * {@code lines} holds the template line of each of its lines, or is empty when not known.
   */
  record Code(String java, List<Integer> lines) implements Expr {
    public Code {
      lines = List.copyOf(lines);
    }

    public Code(String java) {
      this(java, List.of());
    }

    @Override
    public String simpleName() {
      return java.matches("[A-Za-z_$][A-Za-z_$0-9]*") ? java : null;
    }
  }

  /** A name the chain gave: an awaited value, a held operand, a branch's value. */
  record Name(String name) implements Expr {
    @Override
    public String simpleName() {
      return name;
    }
  }

  /** The template's code around holes: {@code parts} written one after the other. */
  record Spliced(List<Expr> parts) implements Expr {
    @Override
    public String simpleName() {
      StringBuilder name = new StringBuilder();
      for (Expr part : parts) {
        if (part instanceof Code c) {
          name.append(c.java());
        } else if (part instanceof Name n) {
          name.append(n.name());
        } else {
          return null;
        }
      }
      return new Code(name.toString()).simpleName();
    }
  }

  /** {@code (inner)}. */
  record Parens(Expr inner) implements Expr {}

  /** {@code (condition ? whenTrue : whenFalse)}. */
  record Conditional(Expr condition, Expr whenTrue, Expr whenFalse) implements Expr {}

  /** {@code (left operator right)}, with the template's {@code operator}. */
  record Binary(Expr left, String operator, Expr right) implements Expr {}

  /** {@code target operator value}: an assignment, simple or compound, as a statement. */
  record Assignment(Expr target, String operator, Expr value) implements Expr {}

  /** {@code value}, or a NullPointerException now if it is null, as Java's {@code x::m} does. */
  record NonNull(Expr value) implements Expr {}

  /**
   * {@code value} unboxed if it is of a boxed type (a null throwing now), else as it is: a
   * compound assignment's target as javac reads it (the runtime's {@code Step.unboxed}).
   */
  record Unboxing(Expr value) implements Expr {}

  /**
   * The number of the case of a switch expression that {@code selector} picks: a switch over
   * it with the template's {@code labels} per case (none: {@code default}), case {@code i}
   * giving {@code i}. It throws where the template's switch would (a null selector).
   */
  record ArmOf(Expr selector, List<List<Expr>> labels) implements Expr {}

  /**
   * A switch expression put back together over the number of its case, {@code arm}: case
   * {@code i} gives {@code arms.get(i)}, the last one as {@code default}.
   */
  record ArmSwitch(Expr arm, List<Arm> arms) implements Expr {}

  /** One case of {@link ArmSwitch}: an expression, or a block or {@code throw} as written. */
  record Arm(Expr body, boolean expression) {}

  /**
   * {@code value} as the type variable the machine declares a local of an intersection type
   * with (the runtime's {@code Step.held}).
   */
  record Held(Expr value) implements Expr {}

  /** The literal {@code true} or {@code false}. */
  record Bool(boolean value) implements Expr {}

  /** {@code (boolean) name}: a Boolean branch unboxed, as {@code &&} and {@code ||} do. */
  record Unboxed(String name) implements Expr {}

  /**
   * The value of an awaited branch named {@code name}, typed by a generic call as {@code await}
   * is (the runtime's {@code Step.value}), so a conditional over it is a reference conditional.
   */
  record ValueOf(String name) implements Expr {}

  /**
   * {@code value} kept with its static type, primitive or not, across the continuation (the
   * runtime's {@code Step.kept}); {@link KeptValue} reads it back.
   */
  record Kept(Expr value) implements Expr {}

  /** The value {@link Kept} kept, under {@code name}, with its static type. */
  record KeptValue(String name) implements Expr {}
}
