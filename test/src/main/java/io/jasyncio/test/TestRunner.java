package io.jasyncio.test;

import io.jasyncio.Coroutine;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs a test's coroutine on a fresh loop with a virtual clock, as kotlinx-coroutines-test's
 * {@code runTest}:
 *
 * <pre>{@code
 * @Test
 * void numSumDoublesItsArgument() {
 *   int sum = runTest(scope -> new AsyncKitchen().numSum(5));   // sleeps take no real time
 *   assertThat(sum).isEqualTo(10);
 * }
 * }</pre>
 *
 * <p>Inside the coroutine, {@code await(sleep(s))} moves the virtual time at once. When the
 * coroutine returns, the test fails if it left tasks pending (listed by name and where each
 * waits; they are cancelled), an exception never retrieved or a coroutine never awaited.
 */
public final class TestRunner {
  private TestRunner() {}

  /**
   * Runs the coroutine {@code body} makes on a fresh {@link TestScope} to its end, checks what it
   * left behind and closes the loop.
   *
   * @param body makes the test's coroutine, given the scope (its loop, its clock)
   * @param <T> the coroutine's result type
   * @return the coroutine's result
   * @throws AssertionError if the coroutine left tasks pending, an exception never retrieved or
   *     a coroutine never awaited
   * @throws RuntimeException the coroutine's own exception, unchanged (checked ones too); what
   *     it left behind is then attached to it as a suppressed exception
   */
  public static <T> T runTest(Function<? super TestScope, ? extends Coroutine<T>> body) {
    TestScope scope = new TestScope();
    T result;
    try {
      result = scope.run(body.apply(scope));
    } catch (Throwable failure) {
      scope.finish().ifPresent(failure::addSuppressed);
      throw failure;
    }
    Optional<AssertionError> leaks = scope.finish();
    if (leaks.isPresent()) {
      throw leaks.get();
    }
    return result;
  }
}
