package example;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.done;
import static io.jasyncio.Asyncio.sleep;

import io.jasyncio.Coroutine;
import io.jasyncio.annotations.Async;
import java.util.List;

/**
 * The tutorial's kitchen as a user writes it: {@code @Async} templates. No processor runs in these
 * tests; {@link AsyncKitchen} is written by hand the way the processor generates it. Lines go to
 * {@code out} instead of standard output so tests can compare them.
 */
public class Kitchen {
  /** Mirrors the generated class's constructor. */
  public Kitchen() {}

  @Async
  public static Coroutine<Void> boilingWater(List<String> out) {
    out.add("boiling for 1 sec");
    await(sleep(2));
    out.add("boiling for 3 sec");
    await(sleep(1));
    out.add("boiling for 5 sec");
    return done();
  }

  @Async
  public static Coroutine<Void> readingBook(List<String> out) {
    for (int page = 1; page <= 3; page++) {
      out.add("reading page " + page);
      await(sleep(0));
    }
    out.add("reading page 4");
    return done();
  }

  @Async
  public static Coroutine<Void> checkingWhatsapp(List<String> out) {
    for (int message = 1; message <= 3; message++) {
      out.add("reading new message " + message);
      await(sleep(0));
    }
    out.add("reading new message 4");
    return done();
  }

  @Async
  public Coroutine<Integer> numSum(int x) {
    int y = await(twice(x));
    return done(y);
  }

  @Async
  public Coroutine<Integer> twice(int x) {
    return done(2 * x);
  }

  /** A nested class, whose generated class is {@code AsyncKitchen_Pantry}. */
  public static class Pantry {
    private Pantry() {}

    @Async
    public static Coroutine<String> fetch() {
      String what = await(done("flour"));
      return done(what);
    }
  }
}
