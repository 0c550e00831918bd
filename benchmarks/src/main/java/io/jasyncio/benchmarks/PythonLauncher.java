package io.jasyncio.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the asyncio peer: the script {@code jasyncio_peers.py}, taken from this jar into a
 * temporary file, with the machine's {@code python3} (standard library only).
 *
 * @param python the interpreter command
 * @param script where the script was copied
 * @param version what {@code python --version} printed, e.g. {@code Python 3.11.7}
 */
record PythonLauncher(String python, Path script, String version) {
  static final String SCRIPT = "jasyncio_peers.py";

  /** The launcher for {@code python}, or empty (with the reason on standard error) if it fails. */
  static Optional<PythonLauncher> find(String python) {
    try {
      Process p = new ProcessBuilder(python, "--version").redirectErrorStream(true).start();
      String version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
          .strip();
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        System.err.println(python + " --version failed: " + version);
        return Optional.empty();
      }
      Path script = Files.createTempFile("jasyncio_peers", ".py");
      script.toFile().deleteOnExit();
      try (InputStream in = PythonLauncher.class.getResourceAsStream("/" + SCRIPT)) {
        if (in == null) {
          throw new IOException(SCRIPT + " is missing from the class path");
        }
        Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
      }
      return Optional.of(new PythonLauncher(python, script, version));
    } catch (IOException e) {
      System.err.println("cannot run " + python + ": " + e.getMessage());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** The command that runs {@code workload} of {@code size}. */
  List<String> command(Workload workload, int size, Timing timing) {
    return List.of(python, script.toString(), workload.id, Integer.toString(size),
        Double.toString(timing.warmupSeconds()), Double.toString(timing.measureSeconds()),
        Integer.toString(timing.maxRuns()));
  }
}
