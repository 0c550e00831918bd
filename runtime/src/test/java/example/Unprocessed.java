package example;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.done;
import static io.jasyncio.Asyncio.sleep;

import io.jasyncio.Coroutine;
import io.jasyncio.annotations.Async;

/**
 * A class compiled without the processor on the annotation processor path, as a user who forgot
 * it compiles theirs: there is no {@code AsyncUnprocessed}.
 */
public class Unprocessed {
  /** A template as a user writes it. */
  @Async
  public static Coroutine<Void> boil() {
    await(sleep(1));
    return done();
  }

  /** A nested class whose generated class would be {@code AsyncUnprocessed_Inner}. */
  public static class Inner {
    /** A template as a user writes it. */
    @Async
    public Coroutine<Integer> twice(int x) {
      await(sleep(0));
      return done(2 * x);
    }
  }
}
