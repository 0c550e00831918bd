package io.jasyncio;

import java.util.NoSuchElementException;

/**
 * A context variable, Python's {@code contextvars.ContextVar}: a value that follows the work
 * across awaits and into the tasks it creates, without thread-locals. Each task takes a copy of
 * the context it was created in ({@code createTask}, {@code gather}, {@code run}), so a request id
 * set before starting tasks is seen by all of them, and what a task sets is seen by what it runs
 * and starts, never by its creator or its siblings. Coroutines awaited in a task share its
 * context.
 *
 * <pre>{@code
 * static final ContextVar<String> REQUEST = new ContextVar<>("request", "-");
 *
 * @Async static Coroutine<Void> handle(String id) {
 *   REQUEST.set(id);
 *   await(gather(fetch("a"), fetch("b")));   // both tasks see the id
 *   return done();
 * }
 * }</pre>
 *
 * <p>Differences from Python: callbacks ({@code callSoon}, {@code callLater}) run in the context
 * of the code that runs them, not of the code that scheduled them; a value missing with no
 * default is {@code NoSuchElementException} (Python's {@code LookupError}).
 *
 * @param <T> the type of the value
 */
public final class ContextVar<T> {
  /** The mark of a variable that has no value in a context. */
  static final Object MISSING = new Object();

  private final String name;
  private final Object defaultValue;

  /** A variable with no default: {@link #get()} throws until it is set. */
  public ContextVar(String name) {
    this.name = name;
    this.defaultValue = MISSING;
  }

  /** A variable whose {@link #get()} gives {@code defaultValue} until it is set. */
  public ContextVar(String name, T defaultValue) {
    this.name = name;
    this.defaultValue = defaultValue;
  }

  /** The variable's name. */
  public String getName() {
    return name;
  }

  /**
   * The value in the current context, else the default.
   *
   * @throws NoSuchElementException when there is neither
   */
  public T get() {
    Object v = valueOrDefault();
    if (v == MISSING) {
      throw new NoSuchElementException("context variable " + name + " has no value");
    }
    return cast(v);
  }

  /** The value in the current context, else {@code fallback} (not the default). */
  public T get(T fallback) {
    Object v = Context.current().get(this);
    return v == MISSING ? fallback : cast(v);
  }

  /** Sets the value in the current context; the token undoes it with {@link #reset}. */
  public Token<T> set(T value) {
    Context context = Context.current();
    return new Token<>(this, context, context.put(this, value));
  }

  /**
   * Restores the value {@code token}'s {@link #set} replaced.
   *
   * @throws IllegalArgumentException if the token belongs to another variable or context
   * @throws IllegalStateException if the token was used already
   */
  public void reset(Token<T> token) {
    if (token.var != this) {
      throw new IllegalArgumentException(token + " was created by a different ContextVar");
    }
    Context context = Context.current();
    if (token.context != context) {
      throw new IllegalArgumentException(token + " was created in a different Context");
    }
    if (token.used) {
      throw new IllegalStateException(token + " has already been used once");
    }
    token.used = true;
    context.put(this, token.old);
  }

  @Override
  public String toString() {
    return "<ContextVar name='" + name + "'"
        + (defaultValue == MISSING ? "" : " default=" + defaultValue) + ">";
  }

  private Object valueOrDefault() {
    Object v = Context.current().get(this);
    return v == MISSING ? defaultValue : v;
  }

  @SuppressWarnings("unchecked")
  private static <T> T cast(Object v) {
    return (T) v;
  }

  /** What {@link ContextVar#set} returns: the means to undo it, once. */
  public static final class Token<T> {
    private final ContextVar<T> var;
    private final Context context;
    private final Object old;
    private boolean used;

    Token(ContextVar<T> var, Context context, Object old) {
      this.var = var;
      this.context = context;
      this.old = old;
    }

    /** The variable the token belongs to. */
    public ContextVar<T> getVar() {
      return var;
    }

    @Override
    public String toString() {
      return "<Token var=" + var + (used ? " used" : "") + ">";
    }
  }
}
