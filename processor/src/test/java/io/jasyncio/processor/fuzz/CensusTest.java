package io.jasyncio.processor.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.processor.fuzz.Ast.Body;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The generator's mix without compiling anything: the same seed gives the same body, and the
 * default weights reach every shape {@link Census} counts, but no shape that
 * {@link ShapeOptions#POSITIONS} keeps out.
 */
class CensusTest {
  private static final List<Body> BODIES = LongStream.range(20_250_601L, 20_250_901L)
      .mapToObj(BodyGenerator::generate)
      .toList();

  @Test
  void aSeedAlwaysGivesTheSameBody() {
    assertThat(BodyGenerator.generate(20_250_700L)).isEqualTo(BODIES.get(99));
  }

  @Test
  void theDefaultMixExercisesEveryShape() {
    Set<String> seen = new TreeSet<>();
    BODIES.forEach(body -> seen.addAll(Census.of(body)));
    assertThat(seen).contains("instance", "thisField", "otherField", "inheritedField",
        "staticField", "overload", "asyncOverload", "instanceAsync", "nested", "methodRef",
        "patternBinding", "arrayInit", "arrayStoreAwait", "long", "char", "boxed", "string",
        "narrowing", "mixed");
    if (!ShapeOptions.POSITIONS) {
      assertThat(seen).doesNotContain("throwAwait", "compoundElsewhereAwait",
          "forEachAwaitInside");
    }
  }
}
