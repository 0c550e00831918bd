package io.jasyncio;

import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.internal.process.Limits;
import io.jasyncio.internal.process.WorkerCommand;
import java.io.File;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A real answer larger than the pool's heap, in a pool JVM of 64 MiB ({@link SmallHeapParent}):
 * by default the worker refuses to send it; with the limit raised past the heap, the pool runs
 * out of memory reading it, and that fails the task, not the thread that reads answers.
 */
@Tag("fault")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SmallHeapParentTest {

  @Test
  void answerLargerThanThePoolsHeapFailsItsTaskAndThePoolServesOn() throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator
        + "java";
    Process parent = new ProcessBuilder(java, "-Xmx64m", "-XX:+UseSerialGC",
        "-D" + WorkerCommand.JVM_ARGS + "=-Xmx1g",
        "-cp", System.getProperty("java.class.path"), SmallHeapParent.class.getName(),
        Integer.toString(100 << 20))
        .redirectError(Redirect.INHERIT).start();
    String printed = new String(parent.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(parent.waitFor()).as(printed).isZero();
    List<String> lines = printed.lines().filter(l -> l.matches("(default|raised|then): .*"))
        .toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).startsWith("default: java.io.InvalidObjectException: the task's"
        + " result is").contains(Limits.MAX_FRAME_BYTES);
    assertThat(lines.get(1)).isEqualTo("then: true");
    assertThat(lines.get(2)).startsWith("raised: java.io.InvalidObjectException: the task's"
        + " answer does not fit in this JVM's heap").contains("was killed and replaced");
    assertThat(lines.get(3)).isEqualTo("then: true");
  }
}
