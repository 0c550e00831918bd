package io.jasyncio;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import example.Kitchen;
import example.Unprocessed;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/** What a template run as written says, with and without its generated class. */
class TemplateMessageTest {
  @Test
  void templateWhoseClassWasGeneratedNamesTheGeneratedMethodOnly() {
    assertThatThrownBy(() -> Kitchen.boilingWater(new ArrayList<>()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Kitchen.boilingWater() is an @Async template and does not run by itself;"
            + " call AsyncKitchen.boilingWater() instead")
        .message().doesNotContain("processor");
  }

  @Test
  void templateWithoutGeneratedClassSaysTheProcessorDidNotRunAndHowToAddIt() {
    assertThatThrownBy(Unprocessed::boil)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("Unprocessed.boil() is an @Async template and does not run by"
            + " itself, and AsyncUnprocessed was never generated: the jasyncio processor did not"
            + " run when Unprocessed was compiled; put io.jasyncio:jasyncio-processor on the"
            + " compiler's annotation processor path")
        .hasMessageContaining("<annotationProcessorPaths>")
        .hasMessageContaining("annotationProcessor \"io.jasyncio:jasyncio-processor:VERSION\"")
        .hasMessageContaining("-proc:full")
        .hasMessageEndingWith("then call AsyncUnprocessed.boil()");
  }

  @Test
  void nestedTemplateWithoutGeneratedClassNamesTheFlattenedClass() {
    assertThatThrownBy(() -> new Unprocessed.Inner().twice(2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("Unprocessed.Inner.twice() is an @Async template and does not"
            + " run by itself, and AsyncUnprocessed_Inner was never generated")
        .hasMessageEndingWith("then call AsyncUnprocessed_Inner.twice()");
  }
}
