package io.jasyncio.benchmarks;

/**
 * The source of a class whose one {@code @Async} method awaits a given number of times: the
 * input of {@link CompileTimeBenchmark}, which asks how the processor's time grows with the size
 * of a method.
 *
 * <p>The awaits cycle through shapes the rewrite lowers differently, so the lowering's main
 * paths all run: a local's value ({@code int x3 = await(f(3));}), an await in an
 * {@code if} with an {@code else}, in a {@code while} loop, in a {@code try} with a
 * {@code catch}, and two awaits inside one expression ({@code total += await(f(9)) +
 * await(g(9));}). {@code total} and the loops' counters live across awaits, so they become
 * fields; the other locals stay locals.
 *
 * <p>The method, annotated {@code @Async}, begins:
 *
 * <pre>{@code
 * public static Coroutine<Long> many(int n) {
 *   long total = 0;
 *   int x0 = await(f(0));
 *   total += x0;
 *   if (n > 1) {
 *     int x1 = await(f(1));
 *     total += x1;
 *   } else {
 *     total -= 1;
 *   }
 *   ...
 * }</pre>
 *
 * <p>{@code f(k)} finishes with {@code k}, {@code g(k)} with {@code 2 * k}; called with {@code n}
 * at least the number of statements, the method returns {@link #expectedTotal()}.
 */
public final class ManyAwaitsSource {
  /** The package of the generated class. */
  public static final String PACKAGE = "io.jasyncio.benchmarks.generated";
  /** The simple name of the generated class; the processor writes {@code Async} + this. */
  public static final String CLASS_NAME = "ManyAwaits";
  /** The {@code @Async} method with all the awaits; its parameter is {@code int n}. */
  public static final String METHOD = "many";

  /** The shapes, in the order they cycle. */
  private static final int SHAPES = 5;

  private final int awaits;

  /** The source of a method with {@code awaits} awaits (at least 1). */
  public ManyAwaitsSource(int awaits) {
    if (awaits < 1) {
      throw new IllegalArgumentException("awaits must be at least 1: " + awaits);
    }
    this.awaits = awaits;
  }

  /** The binary name of the generated class. */
  public static String className() {
    return PACKAGE + "." + CLASS_NAME;
  }

  /** The binary name of the class the processor writes for it. */
  public static String asyncClassName() {
    return PACKAGE + ".Async" + CLASS_NAME;
  }

  /** How many statements the method has: called with at least this, every branch is taken. */
  public int statements() {
    int count = 0;
    for (int left = awaits; left > 0; count++) {
      left -= awaitsOf(count % SHAPES, left);
    }
    return count;
  }

  /** What {@code many(statements())} returns. */
  public long expectedTotal() {
    long total = 0;
    int left = awaits;
    for (int k = 0; left > 0; k++) {
      int shape = k % SHAPES;
      switch (shape) {
        case 0, 1 -> total += k;            // f(k)
        case 2 -> total += 2L * k;          // f(k), twice round the loop
        case 3 -> total += 2L * k;          // g(k)
        default -> total += awaitsOf(shape, left) == 2 ? 3L * k : k;  // f(k) + g(k), or f(k)
      }
      left -= awaitsOf(shape, left);
    }
    return total;
  }

  /** The whole compilation unit. */
  public String text() {
    StringBuilder out = new StringBuilder(awaits * 80 + 1_000);
    out.append("package ").append(PACKAGE).append(";\n\n")
        .append("import static io.jasyncio.Asyncio.*;\n\n")
        .append("import io.jasyncio.Coroutine;\n")
        .append("import io.jasyncio.annotations.Async;\n\n")
        .append("public class ").append(CLASS_NAME).append(" {\n")
        .append("  @Async\n")
        .append("  static Coroutine<Integer> f(int k) {\n")
        .append("    return done(k);\n")
        .append("  }\n\n")
        .append("  @Async\n")
        .append("  static Coroutine<Integer> g(int k) {\n")
        .append("    return done(2 * k);\n")
        .append("  }\n\n")
        .append("  @Async\n")
        .append("  public static Coroutine<Long> ").append(METHOD).append("(int n) {\n")
        .append("    long total = 0;\n");
    int left = awaits;
    for (int k = 0; left > 0; k++) {
      int shape = k % SHAPES;
      appendStatement(out, shape, k, awaitsOf(shape, left));
      left -= awaitsOf(shape, left);
    }
    out.append("    return done(total);\n")
        .append("  }\n")
        .append("}\n");
    return out.toString();
  }

  /** How many awaits statement {@code shape} writes when {@code left} are still to write. */
  private static int awaitsOf(int shape, int left) {
    return shape == 4 && left >= 2 ? 2 : 1;
  }

  private static void appendStatement(StringBuilder out, int shape, int k, int awaits) {
    switch (shape) {
      case 0 -> out.append("    int x").append(k).append(" = await(f(").append(k).append("));\n")
          .append("    total += x").append(k).append(";\n");
      case 1 -> out.append("    if (n > ").append(k).append(") {\n")
          .append("      int x").append(k).append(" = await(f(").append(k).append("));\n")
          .append("      total += x").append(k).append(";\n")
          .append("    } else {\n")
          .append("      total -= 1;\n")
          .append("    }\n");
      case 2 -> out.append("    int i").append(k).append(" = 0;\n")
          .append("    while (i").append(k).append(" < 2) {\n")
          .append("      total += await(f(").append(k).append("));\n")
          .append("      i").append(k).append("++;\n")
          .append("    }\n");
      case 3 -> out.append("    try {\n")
          .append("      total += await(g(").append(k).append("));\n")
          .append("    } catch (IllegalStateException e) {\n")
          .append("      total = -1;\n")
          .append("    }\n");
      default -> {
        out.append("    total += await(f(").append(k).append("))");
        if (awaits == 2) {
          out.append(" + await(g(").append(k).append("))");
        }
        out.append(";\n");
      }
    }
  }
}
