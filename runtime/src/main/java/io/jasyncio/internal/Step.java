package io.jasyncio.internal;

import io.jasyncio.Awaitable;
import io.jasyncio.Coroutine;
import java.util.concurrent.CompletionStage;

/**
 * Awaits inside expressions, as the processor writes them: the rest of an expression after an
 * {@code await} becomes a continuation, {@code f(a, await(g()), h())} becomes
 * {@code Step.await(g(), v -> Step.done(f(a, v, h())))}, so javac itself types every value that
 * crosses the suspension ({@code v} is exactly what {@code g()} yields) and every overload is
 * resolved as in the template. The machine awaits the coroutine a chain of steps makes.
 *
 * <p>Internal API: it changes with the processor, and only generated code should call it.
 */
public final class Step {
  private Step() {}

  /** The rest of an expression once an awaited value is there. */
  @FunctionalInterface
  public interface Then<T, R> {
    Coroutine<R> apply(T value) throws Throwable;
  }

  /** A branch of {@code ?:}, {@code &&} or {@code ||}, evaluated only when taken. */
  @FunctionalInterface
  public interface Branch<T> {
    Coroutine<T> get() throws Throwable;
  }

  /** The rest of a {@code ?:} once the branch taken has its value (the other's is null). */
  @FunctionalInterface
  public interface ThenEither<A, B, R> {
    Coroutine<R> apply(A ifTrue, B ifFalse) throws Throwable;
  }

  /** Awaits {@code awaitable}, then goes on with {@code then}. */
  public static <T, R> Coroutine<R> await(Awaitable<T> awaitable, Then<? super T, R> then) {
    return new AwaitThen<>(awaitable, then);
  }

  /** Awaits {@code stage}, then goes on with {@code then}. */
  public static <T, R> Coroutine<R> await(CompletionStage<T> stage, Then<? super T, R> then) {
    return new AwaitThen<>(stage, then);
  }

  /** The end of a chain: the expression's value. */
  public static <R> Coroutine<R> done(R value) {
    return new Done<>(value);
  }

  /**
   * {@code condition ? a : b} where a branch awaits: runs the branch taken, then {@code then}
   * with its value, so the rest of the expression computes {@code condition ? x : y} with Java's
   * own typing of the conditional.
   */
  public static <A, B, R> Coroutine<R> either(boolean condition, Branch<A> ifTrue,
      Branch<B> ifFalse, ThenEither<? super A, ? super B, R> then) {
    return new Either<>(condition, ifTrue, ifFalse, then);
  }

  // ---- a ?: put back together from its awaited operands (JLS 15.25 decides its type from
  // the operands' forms: await(...) is a generic call, never a numeric or boolean operand)

  /**
   * {@code value} itself, as an expression of type {@code T} that Java counts as neither
   * numeric nor boolean, just as {@code await(...)} in the source: the processor writes
   * {@code c ? await(a()) : 5} back as {@code c ? Step.value(x) : 5}, typed the same.
   */
  public static <T> T value(T value) {
    return value;
  }

  /**
   * A branch's value with its static type, primitive or not: {@code c ? await(a()) + 1 : 2.5}
   * comes back as {@code c ? x.get() : 2.5}, where {@code x.get()} is an {@code int} as
   * {@code await(a()) + 1} was, and a {@code T} the value of a method returning {@code T}.
   */
  public static <T> Kept<T> kept(T value) {
    return new Kept<>(value);
  }

  /** See {@link #kept(Object)}. */
  public static KeptBoolean kept(boolean value) {
    return new KeptBoolean(value);
  }

  /** See {@link #kept(Object)}. */
  public static KeptByte kept(byte value) {
    return new KeptByte(value);
  }

  /** See {@link #kept(Object)}. */
  public static KeptShort kept(short value) {
    return new KeptShort(value);
  }

  /** See {@link #kept(Object)}. */
  public static KeptChar kept(char value) {
    return new KeptChar(value);
  }

  /** See {@link #kept(Object)}. */
  public static KeptInt kept(int value) {
    return new KeptInt(value);
  }

  /** See {@link #kept(Object)}. */
  public static KeptLong kept(long value) {
    return new KeptLong(value);
  }

  /** See {@link #kept(Object)}. */
  public static KeptFloat kept(float value) {
    return new KeptFloat(value);
  }

  /** See {@link #kept(Object)}. */
  public static KeptDouble kept(double value) {
    return new KeptDouble(value);
  }

  // ---- a local of an intersection type, declared with a type variable of the machine

  /**
   * {@code value}, as the type variable {@code T} the machine declares a local of an
   * intersection type with ({@code var v = c ? 1 : "one";} is an
   * {@code Object & Serializable & Comparable<...> & ...}): javac checked in the template that the
   * value has that intersection type, which is within {@code T}'s bounds.
   */
  @SuppressWarnings("unchecked")
  public static <T> T held(Object value) {
    return (T) value;
  }

  // ---- a compound assignment's target, read before its right side awaits

  /**
   * {@code value} as the left operand of a compound assignment has it once read: javac unboxes
   * a boxed target right after reading it, before the right side runs (so a null throws
   * there), and keeps any other value as it is. Overload resolution picks the boxed overloads
   * for the boxed types and this one for any other reference type; a primitive value is boxed
   * and unboxed to its own type.
   */
  public static <T> T unboxed(T value) {
    return value;
  }

  /** See {@link #unboxed(Object)}. */
  public static boolean unboxed(Boolean value) {
    return value;
  }

  /** See {@link #unboxed(Object)}. */
  public static byte unboxed(Byte value) {
    return value;
  }

  /** See {@link #unboxed(Object)}. */
  public static short unboxed(Short value) {
    return value;
  }

  /** See {@link #unboxed(Object)}. */
  public static char unboxed(Character value) {
    return value;
  }

  /** See {@link #unboxed(Object)}. */
  public static int unboxed(Integer value) {
    return value;
  }

  /** See {@link #unboxed(Object)}. */
  public static long unboxed(Long value) {
    return value;
  }

  /** See {@link #unboxed(Object)}. */
  public static float unboxed(Float value) {
    return value;
  }

  /** See {@link #unboxed(Object)}. */
  public static double unboxed(Double value) {
    return value;
  }

  /** A reference value kept with its type; {@code get()} is typed as the expression was. */
  public record Kept<T>(T get) {}

  /** A {@code boolean} kept as one. */
  public record KeptBoolean(boolean get) {}

  /** A {@code byte} kept as one. */
  public record KeptByte(byte get) {}

  /** A {@code short} kept as one. */
  public record KeptShort(short get) {}

  /** A {@code char} kept as one. */
  public record KeptChar(char get) {}

  /** An {@code int} kept as one. */
  public record KeptInt(int get) {}

  /** A {@code long} kept as one. */
  public record KeptLong(long get) {}

  /** A {@code float} kept as one. */
  public record KeptFloat(float get) {}

  /** A {@code double} kept as one. */
  public record KeptDouble(double get) {}

  /** A finished step. */
  private static final class Done<R> extends Coroutine<R> {
    private final R value;

    Done(R value) {
      super("await", false);
      this.value = value;
    }

    @Override
    protected void resume() {
      complete(value);
    }
  }

  /** Awaits one value, then awaits the rest of the chain. */
  private static final class AwaitThen<T, R> extends Coroutine<R> {
    private Object source;
    private Then<? super T, R> then;

    AwaitThen(Object source, Then<? super T, R> then) {
      super("await", false);
      this.source = source;
      this.then = then;
    }

    @Override
    @SuppressWarnings({"unchecked", "fallthrough"}) // each state falls into the next
    protected void resume() throws Throwable {
      switch (state) {
        case 0:
          if (source instanceof Awaitable<?> a ? suspendOn(a, 1)
              : suspendOn((CompletionStage<?>) source, 1)) {
            return;
          }
          // fall through: the value is there at once
        case 1: {
          Coroutine<R> rest = then.apply((T) awaited());
          source = null;
          then = null;
          if (suspendOn(rest, 2)) {
            return;
          }
        }
          // fall through
        case 2:
          complete(awaited());
          return;
        default:
          throw new IllegalStateException("bad state " + state);
      }
    }
  }

  /** Runs one branch of a conditional, then the rest of the chain with its value. */
  private static final class Either<A, B, R> extends Coroutine<R> {
    private final boolean condition;
    private Branch<A> ifTrue;
    private Branch<B> ifFalse;
    private ThenEither<? super A, ? super B, R> then;

    Either(boolean condition, Branch<A> ifTrue, Branch<B> ifFalse,
        ThenEither<? super A, ? super B, R> then) {
      super("await", false);
      this.condition = condition;
      this.ifTrue = ifTrue;
      this.ifFalse = ifFalse;
      this.then = then;
    }

    @Override
    @SuppressWarnings({"unchecked", "fallthrough"}) // each state falls into the next
    protected void resume() throws Throwable {
      switch (state) {
        case 0: {
          Coroutine<?> branch = condition ? ifTrue.get() : ifFalse.get();
          ifTrue = null;
          ifFalse = null;
          if (suspendOn(branch, 1)) {
            return;
          }
        }
          // fall through
        case 1: {
          Object value = awaited();
          Coroutine<R> rest = condition ? then.apply((A) value, null)
              : then.apply(null, (B) value);
          then = null;
          if (suspendOn(rest, 2)) {
            return;
          }
        }
          // fall through
        case 2:
          complete(awaited());
          return;
        default:
          throw new IllegalStateException("bad state " + state);
      }
    }
  }
}
