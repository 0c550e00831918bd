package example;

import io.jasyncio.Asyncio;
import io.jasyncio.internal.CoroutineMachine;

/**
 * {@code nest(n)}: awaits {@code nest(n - 1)} and returns its result plus one; {@code nest(0)}
 * yields once with {@code sleep(0)} and returns 0. It records the Java stack depth at which the
 * innermost and the outermost coroutine resume after that yield.
 */
@SuppressWarnings("fallthrough")
public final class Nest extends CoroutineMachine<Integer> {
  /** Stack depth when nest(0) resumed after its yield. */
  public static int leafDepth;
  /** Stack depth when the outermost nest resumed after its child finished. */
  public static int rootDepth;

  private final int n;
  private final boolean root;

  private Nest(int n, boolean root) {
    super("nest");
    this.n = n;
    this.root = root;
  }

  /** The outermost coroutine of a chain {@code n} deep. */
  public static Nest chain(int n) {
    return new Nest(n, true);
  }

  @Override
  protected void resume() throws Throwable {
    switch (state) {
      case 0:
        if (n == 0 ? suspendOn(Asyncio.sleep(0), 1) : suspendOn(new Nest(n - 1, false), 1)) {
          return;
        }
      case 1:
        if (n == 0) {
          awaited();
          leafDepth = depth();
          complete(0);
        } else {
          int below = awaitedInt();
          if (root) {
            rootDepth = depth();
          }
          complete(below + 1);
        }
        return;
      default:
        throw new IllegalStateException("bad state " + state);
    }
  }

  private static int depth() {
    return StackWalker.getInstance().walk(frames -> (int) frames.count());
  }
}
