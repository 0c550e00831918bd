package io.jasyncio.processor.model;

/**
 * An expression that awaits inside it, as data: a chain of continuations in Java's evaluation
 * order, which the writer spells with the runtime's {@code awaitThen}, {@code either} and
 * {@code resultOf}. Built by {@code ExpressionAwaits}; a state suspends on one through
 * {@link Step.Chained}.
 *
 * <p>Every node is an awaitable once written: {@link Let} and {@link Evaluate} run a statement
 * and go on with the rest, {@link AwaitThen} awaits and hands the value to the rest under a
 * name, {@link Either} runs one of two chains and then the rest, {@link Result} finishes.
 */
public sealed interface Chain {

  /**
   * Declares local {@code name} of {@code type} ({@code null}: {@code var}, javac's own type for
   * the expression) holding {@code value}, then runs {@code rest}.
   */
  record Let(String type, String name, Expr value, Chain rest) implements Chain {}

  /** Evaluates {@code statement} for its effect, then runs {@code rest}. */
  record Evaluate(Expr statement, Chain rest) implements Chain {}

  /** Awaits {@code awaitable}, then runs {@code rest} with its value named {@code parameter}. */
  record AwaitThen(Expr awaitable, String parameter, Chain rest) implements Chain {}

  /**
   * Runs {@code whenTrue} or {@code whenFalse} as {@code condition} says, then {@code rest} with
   * the value of the one taken named {@code taken} and the other's (null) {@code other}.
   */
  record Either(Expr condition, Chain whenTrue, Chain whenFalse, String taken, String other,
      Chain rest) implements Chain {}

  /** Finishes with {@code value} ({@code null}: with no value). */
  record Result(Expr value) implements Chain {}

  /** Finishes with no value. */
  static Chain none() {
    return new Result(null);
  }
}
