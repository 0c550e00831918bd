package io.jasyncio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A pool's JVM killed outright ({@code SIGKILL}: no shutdown hook, no close) leaves no worker
 * behind: the worker sees its socket and its standard input end, and exits.
 */
@Tag("fault")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ParentDeathTest {

  @Test
  void workerExitsWhenItsPoolsJvmIsKilled() throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator
        + "java";
    Process parent = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        ParentThatDies.class.getName()).redirectError(Redirect.INHERIT).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(),
          StandardCharsets.UTF_8));
      String line = out.readLine();
      while (line != null && !line.startsWith("worker ")) {
        line = out.readLine();
      }
      assertThat(line).startsWith("worker ");
      ProcessHandle worker = ProcessHandle.of(Long.parseLong(line.substring(7).strip()))
          .orElseThrow();

      parent.destroyForcibly();

      worker.onExit().get(30, TimeUnit.SECONDS);
      assertThat(worker.isAlive()).isFalse();
    } finally {
      parent.destroyForcibly();
    }
  }
}
