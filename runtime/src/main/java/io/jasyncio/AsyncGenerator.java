package io.jasyncio;

/**
 * What an {@code @Async} method returning {@code AsyncGenerator<T>} gives: Python's asynchronous
 * generator. Its body may both {@code await} and {@code Generator.yield(value)}; it runs on the
 * event loop, inside the task that asks for its next value, only as far as its next yield.
 *
 * <p>Inside an {@code @Async} body, consume it with async iteration,
 * {@code for (T v : aiter(gen)) { ... }} (Python's {@code async for}), or step by step:
 * {@code T v = await(gen.next());}, which throws {@code NoSuchElementException} past the end
 * (Python's {@code StopAsyncIteration}).
 *
 * <pre>{@code
 * @Async
 * static AsyncGenerator<String> pages(int n) {
 *   for (int i = 1; i <= n; i++) {
 *     await(sleep(0.1));
 *     Generator.yield("page " + i);
 *   }
 *   return null;            // the body finishes with return null;
 * }
 *
 * @Async
 * static Coroutine<Void> read() {
 *   for (String page : aiter(AsyncBook.pages(3))) {
 *     System.out.println(page);
 *   }
 *   return done();
 * }
 * }</pre>
 *
 * @param <T> the type of the values it yields
 */
public interface AsyncGenerator<T> {
  /**
   * A coroutine that runs the body to its next yield and finishes with that value (Python's
   * {@code anext}). Awaiting it past the end throws {@code NoSuchElementException}; an exception
   * thrown by the body is thrown there unchanged, and the generator is then finished.
   *
   * @throws IllegalStateException when awaited while another step of this generator runs
   */
  Coroutine<T> next();

  /**
   * Like {@link #next()}, resuming the body with {@code value} as what its pending
   * {@code Generator.yield} returns (Python's {@code asend}).
   */
  Coroutine<T> send(Object value);

  /**
   * A coroutine that closes the generator (Python's {@code aclose}): a body suspended at a yield
   * gets {@link GeneratorExit} thrown there, so its {@code finally} blocks run, and they may
   * await. A generator not started, or finished, is just marked finished.
   */
  Coroutine<Void> aclose();
}
