package io.jasyncio.internal.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.SerializableFunction;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.InvalidClassException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.commons.collections.functors.InvokerTransformer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The worker JVM and its wire format, driven by hand. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public class WorkerMainTest {

  public static int blockForever(String startedLine) throws InterruptedException {
    System.out.println(startedLine);
    new CountDownLatch(1).await();
    return 0;
  }

  @Test
  void workerExitsWhenItsInputClosesEvenInTheMiddleOfATask() throws Exception {
    Process worker = new ProcessBuilder(WorkerCommand.forPoolOf(1))
        .redirectError(Redirect.INHERIT).start();
    try {
      DataOutputStream in = new DataOutputStream(worker.getOutputStream());
      DataInputStream out = new DataInputStream(new BufferedInputStream(worker.getInputStream()));
      SerializableFunction<String, Integer> fn = WorkerMainTest::blockForever;
      new Frame(Frame.TASK, 1, Payloads.task(Payloads.Shape.FUNCTION, fn, List.of("started")))
          .writeTo(in);

      Frame ready = Frame.readFrom(out);
      Frame printed = Frame.readFrom(out);
      in.close(); // what the pool's death does to the pipe

      assertThat(ready.kind()).isEqualTo(Frame.READY);
      assertThat(ready.id()).isEqualTo(worker.pid());
      assertThat(printed.kind()).isEqualTo(Frame.OUTPUT);
      assertThat(new String(printed.payload(), StandardCharsets.UTF_8)).startsWith("started");
      assertThat(worker.waitFor()).isZero();
    } finally {
      worker.destroyForcibly();
    }
  }

  @Test
  void framesRoundTripAndACorruptLengthIsRefused() throws Exception {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    new Frame(Frame.RESULTS, 42, new byte[] {1, 2, 3}).writeTo(new DataOutputStream(bytes));
    byte[] wire = bytes.toByteArray();

    Frame back = Frame.readFrom(new DataInputStream(new java.io.ByteArrayInputStream(wire)));

    assertThat(back.kind()).isEqualTo(Frame.RESULTS);
    assertThat(back.id()).isEqualTo(42);
    assertThat(back.payload()).containsExactly(1, 2, 3);
    assertThat(Frame.readFrom(new DataInputStream(new java.io.ByteArrayInputStream(new byte[0]))))
        .isNull();
    wire[0] = (byte) 0x7f;
    assertThatThrownBy(() -> Frame.readFrom(
        new DataInputStream(new java.io.ByteArrayInputStream(wire))))
        .isInstanceOf(java.io.StreamCorruptedException.class);
  }

  @Test
  void filterDeniesGadgetsByNameAndAdmitsApplicationClasses() {
    assertThat(GadgetFilter.isDenied("org.apache.commons.collections.functors.InvokerTransformer"))
        .isTrue();
    assertThat(GadgetFilter.isDenied("org.apache.commons.collections4.functors.ChainedTransformer"))
        .isTrue();
    assertThat(GadgetFilter.isDenied("org.codehaus.groovy.runtime.MethodClosure")).isTrue();
    assertThat(GadgetFilter.isDenied(
        "com.sun.org.apache.xalan.internal.xsltc.trax.TemplatesImpl")).isTrue();
    assertThat(GadgetFilter.isDenied("java.util.ArrayList")).isFalse();
    assertThat(GadgetFilter.isDenied("java.lang.invoke.SerializedLambda")).isFalse();
    assertThat(GadgetFilter.isDenied("com.example.Order")).isFalse();
  }

  @Test
  void readingAPayloadWithAGadgetFailsNamingIt() throws Exception {
    byte[] results = Payloads.results(List.of("fine", new InvokerTransformer[] {}));

    assertThatThrownBy(() -> Payloads.readResults(results, getClass().getClassLoader()))
        .isInstanceOf(InvalidClassException.class)
        .hasMessageContaining("InvokerTransformer is a known deserialization gadget");
  }

  @Test
  void exceptionThatCannotBeSerializedArrivesAsItsTypeMessageAndTrace() throws Exception {
    IllegalStateException odd = new IllegalStateException("odd") {
      private static final long serialVersionUID = 1L;
      @SuppressWarnings("unused")
      private final transient Object ok = new Object();
      private final Object notOk = new Object();
    };

    Throwable back = Payloads.readFailure(Payloads.failure(odd), getClass().getClassLoader());

    assertThat(back).isInstanceOf(RuntimeException.class)
        .hasMessageStartingWith(odd.getClass().getName() + ": odd [the worker could not send");
    assertThat(back.getStackTrace()).isEqualTo(odd.getStackTrace());
    assertThat(odd).extracting("notOk").isNotNull();
  }
}
