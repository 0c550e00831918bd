package io.jasyncio.test;

import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that gives each test method a fresh {@link TestScope} (a loop on a virtual
 * clock) as a parameter, and fails the test if, when the method returns, the scope's loop has
 * tasks still pending, an exception never retrieved or a coroutine never awaited:
 *
 * <pre>{@code
 * @ExtendWith(VirtualTimeExtension.class)
 * class KitchenTest {
 *   @Test
 *   void waterBoilsAfterTwoSeconds(TestScope scope) {
 *     Task<Void> boiling = scope.createTask(AsyncKitchen.boilingWater());
 *     scope.advanceTimeBy(1.5);
 *     assertThat(boiling.isDone()).isFalse();
 *     scope.advanceUntilIdle();
 *     assertThat(scope.currentTime()).isEqualTo(2.0);
 *   }
 * }
 * }</pre>
 *
 * <p>A method that takes no {@code TestScope} is left alone. A test that already failed is not
 * failed again for what it left behind: its tasks are cancelled and its loop closed all the same.
 */
public final class VirtualTimeExtension implements ParameterResolver, AfterEachCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(VirtualTimeExtension.class);

  /** The extension, as JUnit makes it from {@code @ExtendWith}. */
  public VirtualTimeExtension() {}

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TestScope.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    // One scope per test method, however many parameters ask for it.
    return context.getStore(NAMESPACE)
        .getOrComputeIfAbsent(TestScope.class, k -> new TestScope(), TestScope.class);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    TestScope scope = context.getStore(NAMESPACE).remove(TestScope.class, TestScope.class);
    if (scope == null) {
      return;
    }
    Optional<AssertionError> leaks = scope.finish();
    if (leaks.isPresent() && context.getExecutionException().isEmpty()) {
      throw leaks.get();
    }
  }
}
