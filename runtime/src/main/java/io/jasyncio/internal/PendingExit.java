package io.jasyncio.internal;

/**
 * How a split try block was left, which a generated machine keeps in the try statement's
 * {@code exitN} field while its finally block runs; the finally block then goes on that way:
 *
 * <pre>{@code
 * case 4: { // Pantry.java:18, resumed
 *   awaited();
 *   System.out.println("closing " + shelf);
 *   if (exit1 == EXIT_THROW) {
 *     throw exitThrown1;
 *   }
 *   if (exit1 == EXIT_RETURN) {
 *     complete(returned);
 *     return;
 *   }
 * }
 * }</pre>
 *
 * <p>Internal API: every machine base class implements it, so generated code names the codes
 * unqualified.
 */
public interface PendingExit {
  /** The try block completed normally: after the finally block, the code after the try runs. */
  int EXIT_NORMAL = 0;

  /** An exception left the try block, kept in {@code exitThrownN}: rethrown after finally. */
  int EXIT_THROW = 1;

  /** A return left the try block, its value kept in {@code returned}: returned after finally. */
  int EXIT_RETURN = 2;

  /** A break or continue left the try block for state {@code exitTargetN}: taken after finally. */
  int EXIT_JUMP = 3;
}
