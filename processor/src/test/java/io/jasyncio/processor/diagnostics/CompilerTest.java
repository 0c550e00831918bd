package io.jasyncio.processor.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.processor.AsyncProcessor;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;
import org.junit.jupiter.api.Test;

/**
 * {@code [jasyncio/Compiler]}: jasyncio reads method bodies through javac's Compiler Tree API, so
 * under another compiler (Eclipse's, say) it reports one error, with no position, and does
 * nothing else. {@code Trees.instance} accepts only javac's own processing environment, so a
 * proxy stands for the other compiler.
 */
class CompilerTest {

  /** What a processor printed: its kind, its text, and the element it was on, if any. */
  private record Printed(Kind kind, String text, Element element) {}

  /** A messager that keeps what it is asked to print. */
  private static final class RecordingMessager implements Messager {
    final List<Printed> printed = new ArrayList<>();

    @Override
    public void printMessage(Kind kind, CharSequence msg) {
      printed.add(new Printed(kind, msg.toString(), null));
    }

    @Override
    public void printMessage(Kind kind, CharSequence msg, Element e) {
      printed.add(new Printed(kind, msg.toString(), e));
    }

    @Override
    public void printMessage(Kind kind, CharSequence msg, Element e, AnnotationMirror a) {
      printed.add(new Printed(kind, msg.toString(), e));
    }

    @Override
    public void printMessage(Kind kind, CharSequence msg, Element e, AnnotationMirror a,
        AnnotationValue v) {
      printed.add(new Printed(kind, msg.toString(), e));
    }
  }

  /** A processing environment that is not javac's: it has a messager and nothing else. */
  private static ProcessingEnvironment otherCompiler(Messager messager) {
    return (ProcessingEnvironment) Proxy.newProxyInstance(
        CompilerTest.class.getClassLoader(), new Class<?>[] {ProcessingEnvironment.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "getMessager" -> messager;
          case "toString" -> "another compiler's processing environment";
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }

  @Test
  void aCompilerWithoutTheTreeApiGetsOneErrorWithNoPosition() {
    RecordingMessager messager = new RecordingMessager();
    AsyncProcessor processor = new AsyncProcessor();

    processor.init(otherCompiler(messager));

    assertThat(messager.printed).hasSize(1);
    Printed error = messager.printed.get(0);
    assertThat(error.kind()).isEqualTo(Kind.ERROR);
    assertThat(error.text()).startsWith("[jasyncio/Compiler] ");
    assertThat(error.element()).isNull();
  }

  @Test
  void afterThatErrorRoundsDoNothing() {
    RecordingMessager messager = new RecordingMessager();
    AsyncProcessor processor = new AsyncProcessor();
    processor.init(otherCompiler(messager));

    // No round environment is needed: the processor must not look at it.
    boolean claimed = processor.process(Set.of(), null);

    assertThat(claimed).isFalse();
    assertThat(messager.printed).hasSize(1);
  }
}
