package io.jasyncio.internal.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jasyncio.SerializableFunction;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.InvalidClassException;
import java.lang.ProcessBuilder.Redirect;
import java.net.Socket;
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

  private static final Limits LIMITS = Limits.fromSystemProperties();

  @Test
  void workerExitsWhenItsInputClosesEvenInTheMiddleOfATask() throws Exception {
    try (Handshake handshake = Handshake.listen()) {
      Process worker = new ProcessBuilder(WorkerCommand.forPoolOf(1, LIMITS))
          .redirectError(Redirect.INHERIT).start();
      try (Socket channel = greet(worker, handshake)) {
        DataOutputStream in = new DataOutputStream(channel.getOutputStream());
        DataInputStream out = new DataInputStream(
            new BufferedInputStream(channel.getInputStream()));
        SerializableFunction<String, Integer> fn = WorkerMainTest::blockForever;
        new Frame(Frame.TASK, 1, Payloads.task(Payloads.Shape.FUNCTION, fn, List.of("started")))
            .writeTo(in, LIMITS.maxFrameBytes());

        Frame ready = Frame.readFrom(out, LIMITS.maxFrameBytes());
        Frame printed = Frame.readFrom(out, LIMITS.maxFrameBytes());
        worker.getOutputStream().close(); // what the pool's death does to the pipe

        assertThat(ready.kind()).isEqualTo(Frame.READY);
        assertThat(ready.id()).isEqualTo(worker.pid());
        assertThat(printed.kind()).isEqualTo(Frame.OUTPUT);
        assertThat(new String(printed.payload(), StandardCharsets.UTF_8)).startsWith("started");
        assertThat(worker.waitFor()).isZero();
      } finally {
        worker.destroyForcibly();
      }
    }
  }

  @Test
  void workerExitsWhenItsChannelClosesEvenInTheMiddleOfATask() throws Exception {
    try (Handshake handshake = Handshake.listen()) {
      Process worker = new ProcessBuilder(WorkerCommand.forPoolOf(1, LIMITS))
          .redirectError(Redirect.INHERIT).start();
      try {
        Socket channel = greet(worker, handshake);
        DataInputStream out = new DataInputStream(
            new BufferedInputStream(channel.getInputStream()));
        SerializableFunction<String, Integer> fn = WorkerMainTest::blockForever;
        new Frame(Frame.TASK, 1, Payloads.task(Payloads.Shape.FUNCTION, fn, List.of("started")))
            .writeTo(new DataOutputStream(channel.getOutputStream()), LIMITS.maxFrameBytes());
        Frame.readFrom(out, LIMITS.maxFrameBytes()); // READY
        Frame.readFrom(out, LIMITS.maxFrameBytes()); // "started": the task runs

        channel.close();

        assertThat(worker.waitFor()).isZero();
      } finally {
        worker.destroyForcibly();
      }
    }
  }

  @Test
  void aConnectionWithoutTheSecretIsDroppedAndTheWorkerStillGetsIn() throws Exception {
    try (Handshake handshake = Handshake.listen()) {
      String greeting = handshake.greeting();
      int port = Integer.parseInt(greeting.substring(0, greeting.indexOf(' ')));
      Socket intruder = new Socket(java.net.InetAddress.getLoopbackAddress(), port);
      intruder.getOutputStream().write(new byte[Handshake.SECRET_BYTES]);
      intruder.getOutputStream().flush();
      Socket worker = Handshake.connect(greeting);

      Socket accepted = handshake.accept(30_000);

      assertThat(intruder.getInputStream().read()).isEqualTo(-1); // closed unheard
      assertThat(accepted.getPort()).isEqualTo(worker.getLocalPort());
      accepted.close();
      worker.close();
    }
  }

  /** Tells a started worker where to connect, and takes its connection. */
  private static Socket greet(Process worker, Handshake handshake) throws Exception {
    worker.getOutputStream().write(handshake.greeting().getBytes(StandardCharsets.US_ASCII));
    worker.getOutputStream().flush();
    return handshake.accept(60_000);
  }

  @Test
  void framesRoundTripAndACorruptLengthIsRefused() throws Exception {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    new Frame(Frame.RESULTS, 42, new byte[] {1, 2, 3})
        .writeTo(new DataOutputStream(bytes), LIMITS.maxFrameBytes());
    byte[] wire = bytes.toByteArray();

    Frame back = Frame.readFrom(new DataInputStream(new java.io.ByteArrayInputStream(wire)),
        LIMITS.maxFrameBytes());

    assertThat(back.kind()).isEqualTo(Frame.RESULTS);
    assertThat(back.id()).isEqualTo(42);
    assertThat(back.payload()).containsExactly(1, 2, 3);
    assertThat(Frame.readFrom(new DataInputStream(new java.io.ByteArrayInputStream(new byte[0])),
        LIMITS.maxFrameBytes())).isNull();
    wire[0] = (byte) 0x7f;
    assertThatThrownBy(() -> Frame.readFrom(
        new DataInputStream(new java.io.ByteArrayInputStream(wire)), LIMITS.maxFrameBytes()))
        .isInstanceOf(java.io.InvalidObjectException.class)
        .hasMessageContaining(Limits.MAX_FRAME_BYTES);
    wire[0] = (byte) 0x80;
    assertThatThrownBy(() -> Frame.readFrom(
        new DataInputStream(new java.io.ByteArrayInputStream(wire)), LIMITS.maxFrameBytes()))
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

    assertThatThrownBy(() -> Payloads.readResults(results, getClass().getClassLoader(), LIMITS))
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

    Throwable back = Payloads.readFailure(Payloads.failure(odd), getClass().getClassLoader(),
        LIMITS);

    assertThat(back).isInstanceOf(RuntimeException.class)
        .hasMessageStartingWith(odd.getClass().getName() + ": odd [the worker could not send");
    assertThat(back.getStackTrace()).isEqualTo(odd.getStackTrace());
    assertThat(odd).extracting("notOk").isNotNull();
  }
}
