package io.jasyncio.processor.fuzz;

/**
 * The switches and weights of the shapes beyond the int language ({@link ShapeGenerator},
 * {@link TypedOperands}): each weight is a system property
 * {@code jasyncio.fuzz.weight.<shape>}, 0 to leave the shape out.
 */
final class ShapeOptions {
  private ShapeOptions() {}

  private static int weight(String shape, int otherwise) {
    return Integer.getInteger("jasyncio.fuzz.weight." + shape, otherwise);
  }

  /**
   * Whether the fields and plain helper methods the shapes use are private, reached by the
   * generated class through handles (on; {@code -Djasyncio.fuzz.private=false} for
   * package-private ones, which it reaches by inheritance). Fields inherited from the base
   * class stay package-private: a private one would not be inherited.
   */
  static final boolean PRIVATE = Boolean.parseBoolean(
      System.getProperty("jasyncio.fuzz.private", "true"));

  /**
   * Whether awaits stand in the positions the processor took last (on;
   * {@code -Djasyncio.fuzz.positions=false} leaves them out): a compound assignment to an array
   * element or to another object's field whose value awaits, {@code throw await(...)} and an
   * enhanced {@code for} over an expression that awaits inside it.
   */
  static final boolean POSITIONS = Boolean.parseBoolean(
      System.getProperty("jasyncio.fuzz.positions", "true"));

  /** Bodies in a hundred that are instance methods reading and writing fields. */
  static final int INSTANCE = weight("instance", 35);
  /** In a hundred int leaves, how many read a field (where fields are in scope). */
  static final int FIELDS = weight("fields", 12);
  /**
   * In a hundred rich expressions, how many call overloads, a static nested class's methods or
   * an {@code @Async} method through a method reference.
   */
  static final int CALLS = weight("calls", 25);
  /** In a hundred statements, how many test a pattern binding that lives across awaits. */
  static final int PATTERNS = weight("patterns", 3);
  /** In a hundred statements, how many declare an array with an initializer that may await. */
  static final int ARRAYS = weight("arrays", 3);
  /**
   * In a hundred statements, how many declare or update a local of another type than int
   * ({@code long}, {@code char}, {@code byte}, {@code short}, {@code Integer}, {@code String});
   * and in a hundred rich expressions, how many mix such operands into an int.
   */
  static final int TYPED = weight("typed", 8);

  /** The modifier of the fields and plain helpers the shapes use. */
  static String access() {
    return PRIVATE ? "private " : "";
  }
}
