package example;

import io.jasyncio.Asyncio;
import io.jasyncio.Coroutine;

/**
 * What the processor generates for {@link Kitchen.Pantry}, written by hand. {@code fetch} awaits
 * a finished coroutine, which never suspends, so its machine is the value itself.
 */
public final class AsyncKitchen_Pantry {
  private AsyncKitchen_Pantry() {}

  /** The rewritten {@link Kitchen.Pantry#fetch()}. */
  public static Coroutine<String> fetch() {
    return Asyncio.done("flour");
  }
}
