package io.jasyncio;

/**
 * Thrown into a suspended generator at its {@code Generator.yield} by {@link Generator#close()},
 * so its {@code finally} blocks run (Python's {@code GeneratorExit}).
 *
 * <p>It is an {@code Error}, not an {@code Exception}, for the reason Python makes
 * {@code GeneratorExit} a {@code BaseException}: a body's {@code catch (Exception e)} must not
 * swallow it. A body that catches it must finish (return) rather than yield again.
 */
public final class GeneratorExit extends Error {
  private static final long serialVersionUID = 1L;

  /** The exit thrown into the generator named {@code generator}. */
  public GeneratorExit(String generator) {
    super("generator " + generator + " is closing");
  }
}
