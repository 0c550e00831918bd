package example;

import io.jasyncio.Awaitable;
import io.jasyncio.internal.CoroutineMachine;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * A coroutine put together step by step for a test, driven by a state machine written the way
 * generated ones are: step {@code i} runs in state {@code 2i}, and state {@code 2i + 1} reads the
 * outcome of the await step {@code i} made.
 *
 * <pre>{@code
 * Coroutine<Integer> c = Script.named("main")
 *     .run(() -> log.add("start"))
 *     .await(() -> future, v -> log.add("got " + v))
 *     .returning(() -> 42);
 * }</pre>
 *
 * @param <T> the result type
 */
public final class Script<T> extends CoroutineMachine<T> {
  /** A statement, which may throw anything. */
  public interface Action {
    void run() throws Throwable;
  }

  /** What to do with an awaited value. */
  public interface OnValue {
    void accept(Object value) throws Throwable;
  }

  /** A catch block around one await. */
  public interface OnError {
    void accept(Throwable e) throws Throwable;
  }

  /** The expression of the final {@code return done(...)}. */
  public interface Result<T> {
    T get() throws Throwable;
  }

  private record Step(Action action, Supplier<?> awaitable, OnValue onValue, OnError onError) {}

  private final List<Step> steps;
  private final Result<T> result;

  private Script(String name, List<Step> steps, Result<T> result) {
    super(name);
    this.steps = steps;
    this.result = result;
  }

  /** Starts a script for a coroutine called {@code name}. */
  public static Builder named(String name) {
    return new Builder(name);
  }

  @Override
  protected void resume() throws Throwable {
    for (;;) {
      int i = state >> 1;
      if ((state & 1) == 1) {
        Step resumed = steps.get(i);
        Object value;
        try {
          value = awaited();
        } catch (Throwable e) {
          if (resumed.onError() == null) {
            throw e;
          }
          resumed.onError().accept(e);
          state = 2 * (i + 1);
          continue;
        }
        resumed.onValue().accept(value);
        state = 2 * (i + 1);
        continue;
      }
      if (i == steps.size()) {
        complete(result.get());
        return;
      }
      Step step = steps.get(i);
      if (step.action() != null) {
        step.action().run();
        state = 2 * (i + 1);
        continue;
      }
      Object what;
      try {
        what = step.awaitable().get();
        if (what instanceof CompletionStage<?> stage ? suspendOn(stage, 2 * i + 1)
            : suspendOn((Awaitable<?>) what, 2 * i + 1)) {
          return;
        }
      } catch (IllegalStateException e) {
        // suspendOn itself threw (reused coroutine, wrong loop): hand it to the step's catch.
        if (step.onError() == null) {
          throw e;
        }
        step.onError().accept(e);
        state = 2 * (i + 1);
      }
    }
  }

  /** Builds a {@link Script}; each build makes a fresh coroutine. */
  public static final class Builder {
    private final String name;
    private final List<Step> steps = new ArrayList<>();

    private Builder(String name) {
      this.name = name;
    }

    /** A statement. */
    public Builder run(Action action) {
      steps.add(new Step(action, null, null, null));
      return this;
    }

    /** Adds {@code line} to {@code log}. */
    public Builder log(List<String> log, String line) {
      return run(() -> log.add(line));
    }

    /** {@code await(what)}, where {@code what} yields an Awaitable or a CompletionStage. */
    public Builder await(Supplier<?> what) {
      return await(what, v -> { });
    }

    /** {@code var v = await(what); then(v);}. */
    public Builder await(Supplier<?> what, OnValue then) {
      return await(what, then, null);
    }

    /** {@code try { then(await(what)); } catch (Throwable e) { orElse(e); }}. */
    public Builder await(Supplier<?> what, OnValue then, OnError orElse) {
      steps.add(new Step(null, what, then, orElse));
      return this;
    }

    /** Ends with {@code return done(result.get());}. */
    public <T> Script<T> returning(Result<T> result) {
      return new Script<>(name, List.copyOf(steps), result);
    }

    /** Ends with {@code return done();}. */
    public Script<Void> build() {
      return returning(() -> null);
    }
  }
}
