package example;

import io.jasyncio.Asyncio;
import io.jasyncio.Coroutine;
import io.jasyncio.internal.CoroutineMachine;
import java.util.List;

/**
 * What the processor generates for {@link Kitchen}, written by hand: one state machine per
 * {@code @Async} method, using only the protocol of {@code CoroutineMachine}.
 */
public class AsyncKitchen extends Kitchen {
  /** Mirrors {@link Kitchen#Kitchen()}. */
  public AsyncKitchen() {}

  public static Coroutine<Void> boilingWater(List<String> out) {
    return new BoilingWaterMachine(out);
  }

  public static Coroutine<Void> readingBook(List<String> out) {
    return new CountingMachine("readingBook", "reading page ", out);
  }

  public static Coroutine<Void> checkingWhatsapp(List<String> out) {
    return new CountingMachine("checkingWhatsapp", "reading new message ", out);
  }

  @Override
  public Coroutine<Integer> numSum(int x) {
    return new NumSumMachine(x);
  }

  @Override
  public Coroutine<Integer> twice(int x) {
    return new TwiceMachine(x);
  }

  /** State machine for {@link Kitchen#boilingWater(List)}. */
  @SuppressWarnings("fallthrough")
  static final class BoilingWaterMachine extends CoroutineMachine<Void> {
    private final List<String> out;

    BoilingWaterMachine(List<String> out) {
      super("boilingWater");
      this.out = out;
    }

    @Override
    protected void resume() throws Throwable {
      switch (state) {
        case 0:
          out.add("boiling for 1 sec");
          if (suspendOn(Asyncio.sleep(2), 1)) {
            return;
          }
        case 1:
          awaited();
          out.add("boiling for 3 sec");
          if (suspendOn(Asyncio.sleep(1), 2)) {
            return;
          }
        case 2:
          awaited();
          out.add("boiling for 5 sec");
          complete(null);
          return;
        default:
          throw new IllegalStateException("bad state " + state);
      }
    }
  }

  /**
   * State machine for {@link Kitchen#readingBook(List)} and {@link Kitchen#checkingWhatsapp(List)}
   * (the same loop with another text): a local live across the await becomes a field.
   */
  @SuppressWarnings("fallthrough")
  static final class CountingMachine extends CoroutineMachine<Void> {
    private final String text;
    private final List<String> out;
    private int n; // live across the await in the loop

    CountingMachine(String name, String text, List<String> out) {
      super(name);
      this.text = text;
      this.out = out;
    }

    @Override
    protected void resume() throws Throwable {
      for (;;) {
        switch (state) {
          case 0:
            n = 1;
          case 1:
            if (n > 3) {
              state = 3;
              continue;
            }
            out.add(text + n);
            if (suspendOn(Asyncio.sleep(0), 2)) {
              return;
            }
          case 2:
            awaited();
            n++;
            state = 1;
            continue;
          case 3:
            out.add(text + 4);
            complete(null);
            return;
          default:
            throw new IllegalStateException("bad state " + state);
        }
      }
    }
  }

  /** State machine for {@link Kitchen#numSum(int)}: an instance method, so an inner class. */
  @SuppressWarnings("fallthrough")
  final class NumSumMachine extends CoroutineMachine<Integer> {
    private final int x;

    NumSumMachine(int x) {
      super("numSum");
      this.x = x;
    }

    @Override
    protected void resume() throws Throwable {
      switch (state) {
        case 0:
          if (suspendOn(twice(x), 1)) {
            return;
          }
        case 1:
          int y = awaitedInt();
          complete(y);
          return;
        default:
          throw new IllegalStateException("bad state " + state);
      }
    }
  }

  /** State machine for {@link Kitchen#twice(int)}. */
  final class TwiceMachine extends CoroutineMachine<Integer> {
    private final int x;

    TwiceMachine(int x) {
      super("twice");
      this.x = x;
    }

    @Override
    protected void resume() {
      if (state != 0) {
        throw new IllegalStateException("bad state " + state);
      }
      complete(2 * x);
    }
  }
}
