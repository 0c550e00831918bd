package io.jasyncio.internal.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which class path a worker gets, and whether it can load the worker's main class. */
class WorkerClassPathTest {
  @TempDir
  Path dir;

  @AfterEach
  void clearProperty() {
    System.clearProperty(WorkerClassPath.PROPERTY);
  }

  @Test
  void thePropertyIsTheClassPathAsItIs() {
    System.setProperty(WorkerClassPath.PROPERTY, " /opt/app/lib/* ");

    assertThat(WorkerClassPath.of(WorkerClassPathTest.class)).isEqualTo("/opt/app/lib/*");
  }

  @Test
  void theUrlsOfTheContextLoaderThatJavaClassPathLacksComeAfterItOnce() throws Exception {
    Path extra = Files.createDirectory(dir.resolve("extra"));
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    String classPath;
    try (URLClassLoader app = new URLClassLoader(new URL[] {extra.toUri().toURL()}, before)) {
      thread.setContextClassLoader(app);
      classPath = WorkerClassPath.of(WorkerClassPathTest.class);
    } finally {
      thread.setContextClassLoader(before);
    }

    List<String> entries = Arrays.asList(classPath.split(File.pathSeparator));
    assertThat(classPath).startsWith(System.getProperty("java.class.path"));
    assertThat(entries).containsOnlyOnce(extra.toString()).last().isEqualTo(extra.toString());
    assertThat(WorkerClassPath.reachable(classPath)).doesNotHaveDuplicates();
  }

  @Test
  void theMainClassIsFoundInADirectoryOrThroughAManifestClassPath() throws Exception {
    Path classes = Path.of(WorkerMain.class.getProtectionDomain().getCodeSource().getLocation()
        .toURI());
    Path empty = Files.createDirectory(dir.resolve("empty"));
    Path pointer = dir.resolve("pointer.jar");
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classes.toUri().toString());
    try (OutputStream out = Files.newOutputStream(pointer);
        JarOutputStream jar = new JarOutputStream(out, manifest)) {
      jar.flush();
    }

    assertThat(WorkerClassPath.findsWorkerMain(classes.toString())).isTrue();
    assertThat(WorkerClassPath.findsWorkerMain(pointer.toString())).isTrue();
    assertThat(WorkerClassPath.findsWorkerMain(empty + File.pathSeparator + empty + "/*"))
        .isFalse();
    assertThat(WorkerClassPath.findsWorkerMain(dir + "/*")).isTrue(); // pointer.jar
    assertThat(WorkerClassPath.findsWorkerMain("")).isFalse();
  }
}
