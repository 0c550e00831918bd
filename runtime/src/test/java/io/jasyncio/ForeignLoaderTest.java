package io.jasyncio;

import static org.assertj.core.api.Assertions.assertThat;

import io.jasyncio.internal.process.WorkerClassPath;
import java.io.File;
import java.lang.ProcessBuilder.Redirect;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process pool made by an application that its launcher loads through a {@code URLClassLoader}
 * while {@code java.class.path} is the launcher's, as under {@code mvn exec:java}: a JVM runs
 * {@code Launcher.java} as a source file (so its class path is empty), which loads
 * {@link ForeignLoaderApp} from this module's classes through a class loader of its own.
 */
@Tag("fault")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ForeignLoaderTest {
  private static final String LAUNCHER = """
      import java.net.URL;
      import java.net.URLClassLoader;
      import java.nio.file.Path;

      public class Launcher {
        public static void main(String[] args) throws Exception {
          URL[] urls = new URL[args.length];
          for (int i = 0; i < args.length; i++) {
            urls[i] = Path.of(args[i]).toUri().toURL();
          }
          try (URLClassLoader app = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
            app.loadClass("io.jasyncio.ForeignLoaderApp").getMethod("main", String[].class)
                .invoke(null, (Object) new String[0]);
          }
        }
      }
      """;

  @TempDir
  Path dir;

  @Test
  void workersGetTheClassPathOfTheLoaderThatLoadedThePoolsCode() throws Exception {
    String printed = launch();

    assertThat(printed).contains("result 42");
  }

  @Test
  void aWorkerThatCannotLoadItsMainClassFailsTheTaskNamingTheClassPathAndTheOption()
      throws Exception {
    Path empty = Files.createDirectory(dir.resolve("empty"));

    String printed = launch("-D" + WorkerClassPath.PROPERTY + "=" + empty);

    assertThat(printed).contains("failed io.jasyncio.BrokenWorkerException: a worker JVM (pid ")
        .contains("cannot load its main class io.jasyncio.internal.process.WorkerMain")
        .contains("the class path it was given, '" + empty + "'")
        .contains("-D" + WorkerClassPath.PROPERTY + "=<class path>");
  }

  /** Runs the launcher with {@code options} and returns what it printed. */
  private String launch(String... options) throws Exception {
    Path launcher = dir.resolve("Launcher.java");
    Files.writeString(launcher, LAUNCHER);
    List<String> command = new ArrayList<>();
    command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator
        + "java");
    command.add("-Djasyncio.worker.cds=off");
    command.addAll(List.of(options));
    command.add(launcher.toString());
    command.add(location(ProcessPool.class));      // the runtime's classes
    command.add(location(ForeignLoaderApp.class)); // the application's
    Process app = new ProcessBuilder(command).redirectError(Redirect.INHERIT).start();
    String printed = new String(app.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(app.waitFor()).as(printed).isZero();
    return printed;
  }

  private static String location(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }
}
