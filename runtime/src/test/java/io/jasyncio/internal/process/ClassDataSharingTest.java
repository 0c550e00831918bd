package io.jasyncio.internal.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ClassDataSharingTest {
  private static final Limits LIMITS = Limits.fromSystemProperties();
  private final AtomicLong ids = new AtomicLong();

  @TempDir
  Path dir;

  @Test
  void classPathWithADirectoryStartsWorkersAsTheyAre() throws IOException {
    Path classes = Files.createDirectories(dir.resolve("classes"));
    Files.writeString(classes.resolve("A.class"), "not empty");
    List<String> command = List.of("java", "-cp", classes.toString(), "Main");

    ClassDataSharing sharing = ClassDataSharing.inDirectory(dir.resolve("cds"), command);

    assertThat(sharing.archive()).isNull();
    assertThat(sharing.next(command).command()).isEqualTo(command);
  }

  @Test
  void theFirstWorkerWritesTheArchiveAndLaterOnesMapIt() throws IOException {
    List<String> command = commandWith(jar("app.jar"));
    ClassDataSharing sharing = ClassDataSharing.inDirectory(dir.resolve("cds"), command);

    ClassDataSharing.Start writer = sharing.next(command);
    ClassDataSharing.Start meanwhile = sharing.next(command);
    Files.write(writer.writes(), new byte[] {1, 2, 3}); // what the JVM dumps as it exits
    sharing.exited(writer, 0);
    ClassDataSharing.Start reader = sharing.next(command);

    assertThat(writer.command()).anyMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit="))
        .contains("-Xlog:cds=off").endsWith("Main");
    assertThat(meanwhile.command()).isEqualTo(command); // one writer at a time
    assertThat(Files.exists(writer.writes())).isFalse();
    assertThat(reader.maps()).isTrue();
    assertThat(reader.command()).contains("-XX:SharedArchiveFile=" + sharing.archive());
  }

  @Test
  void aWorkerThatExitsAbnormallyLeavesNoArchive() throws IOException {
    List<String> command = commandWith(jar("app.jar"));
    ClassDataSharing sharing = ClassDataSharing.inDirectory(dir.resolve("cds"), command);

    ClassDataSharing.Start writer = sharing.next(command);
    Files.write(writer.writes(), new byte[] {1, 2, 3}); // perhaps cut short
    sharing.exited(writer, 137);

    assertThat(Files.exists(sharing.archive())).isFalse();
    assertThat(Files.exists(writer.writes())).isFalse();
    assertThat(sharing.next(command).writes()).isNotNull(); // the next worker tries again
  }

  @Test
  void anArchiveWhoseChecksumDoesNotMatchIsDeletedAndWrittenAgain() throws IOException {
    List<String> command = commandWith(jar("app.jar"));
    ClassDataSharing sharing = ClassDataSharing.inDirectory(dir.resolve("cds"), command);
    ClassDataSharing.Start writer = sharing.next(command);
    Files.write(writer.writes(), new byte[] {1, 2, 3});
    sharing.exited(writer, 0);
    Files.write(sharing.archive(), new byte[] {1, 2, 4}); // damaged after it was written

    ClassDataSharing again = ClassDataSharing.inDirectory(dir.resolve("cds"), command);
    ClassDataSharing.Start next = again.next(command);

    assertThat(next.maps()).isFalse();
    assertThat(next.writes()).isNotNull();
    assertThat(Files.exists(again.archive())).isFalse();
  }

  @Test
  void anUnwritableDirectoryStartsWorkersAsTheyAre() throws IOException {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    List<String> command = commandWith(jar("app.jar"));
    ClassDataSharing sharing = ClassDataSharing.inDirectory(file.resolve("cds"), command);

    assertThat(sharing.next(command).command()).isEqualTo(command);
  }

  @Test
  void anArchiveInADirectoryOthersMayWriteIsNeverMapped() throws IOException {
    List<String> command = commandWith(jar("app.jar"));
    Path cds = dir.resolve("cds");
    ClassDataSharing sharing = ClassDataSharing.inDirectory(cds, command);
    ClassDataSharing.Start writer = sharing.next(command);
    Files.write(writer.writes(), new byte[] {1, 2, 3});
    sharing.exited(writer, 0);
    assumeTrue(cds.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Files.setPosixFilePermissions(cds, PosixFilePermissions.fromString("rwxrwxrwx"));

    ClassDataSharing.Start next = ClassDataSharing.inDirectory(cds, command).next(command);

    assertThat(next.command()).isEqualTo(command); // planted by anyone: neither mapped nor written
  }

  @Test
  void aFailedStartWithTheArchiveTurnsSharingOffAndDeletesIt() throws IOException {
    List<String> command = commandWith(jar("app.jar"));
    ClassDataSharing sharing = ClassDataSharing.inDirectory(dir.resolve("cds"), command);
    ClassDataSharing.Start writer = sharing.next(command);
    Files.write(writer.writes(), new byte[] {1, 2, 3});
    sharing.exited(writer, 0);

    boolean worthAgain = sharing.failed(sharing.next(command));

    assertThat(worthAgain).isTrue();
    assertThat(Files.exists(sharing.archive())).isFalse();
    assertThat(sharing.next(command).command()).isEqualTo(command);
    assertThat(sharing.failed(sharing.next(command))).isFalse(); // plain: nothing to blame
  }

  @Test
  void archivesUnusedForAMonthAreDeletedWhenAnotherIsWritten() throws IOException {
    Path cds = Files.createDirectories(dir.resolve("cds"));
    Path old = Files.write(cds.resolve("worker-old.jsa"), new byte[] {1});
    Path oldSum = Files.writeString(cds.resolve("worker-old.jsa.crc"), "1");
    Files.setLastModifiedTime(oldSum, FileTime.from(Instant.now().minus(Duration.ofDays(31))));
    Path recent = Files.write(cds.resolve("worker-recent.jsa"), new byte[] {1});
    Path recentSum = Files.writeString(cds.resolve("worker-recent.jsa.crc"), "1");
    Files.setLastModifiedTime(recentSum, FileTime.from(Instant.now().minus(Duration.ofDays(29))));
    List<String> command = commandWith(jar("app.jar"));
    ClassDataSharing sharing = ClassDataSharing.inDirectory(cds, command);

    ClassDataSharing.Start writer = sharing.next(command);
    Files.write(writer.writes(), new byte[] {1, 2, 3});
    sharing.exited(writer, 0);

    assertThat(old).doesNotExist();
    assertThat(oldSum).doesNotExist();
    assertThat(recent).exists();
    assertThat(recentSum).exists();
    assertThat(sharing.archive()).exists();
  }

  @Test
  void theSystemPropertyTurnsItOff() {
    String before = System.getProperty(ClassDataSharing.DIRECTORY);
    System.setProperty(ClassDataSharing.DIRECTORY, "off");
    try {
      List<String> command = List.of("java", "-cp", "app.jar", "Main");
      assertThat(ClassDataSharing.forCommand(command).next(command).command())
          .isEqualTo(command);
    } finally {
      if (before == null) {
        System.clearProperty(ClassDataSharing.DIRECTORY);
      } else {
        System.setProperty(ClassDataSharing.DIRECTORY, before);
      }
    }
  }

  @Test
  @Timeout(180)
  void realWorkersWriteTheArchiveOnceAndStartWithItThen() throws Exception {
    List<String> command = workerCommand();
    Path cds = dir.resolve("cds");

    assertThat(runOnce(command, cds)).isEqualTo(5);
    ClassDataSharing after = ClassDataSharing.inDirectory(cds, command);
    assertThat(Files.size(after.archive())).isPositive();
    assertThat(after.next(command).maps()).isTrue();
    assertThat(runOnce(command, cds)).isEqualTo(5);
  }

  @Test
  @Timeout(180)
  void aWorkerThatCannotStartWithTheArchiveIsStartedAgainWithoutIt() throws Exception {
    List<String> command = workerCommand();
    Path cds = dir.resolve("cds");
    runOnce(command, cds);
    // Cut short with a checksum that matches: a JVM that maps it crashes as it starts.
    Path archive = ClassDataSharing.inDirectory(cds, command).archive();
    byte[] whole = Files.readAllBytes(archive);
    byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 3);
    Files.write(archive, cut);
    CRC32 crc = new CRC32();
    crc.update(cut);
    Files.writeString(archive.resolveSibling(archive.getFileName() + ".crc"),
        Long.toString(crc.getValue()));

    assertThat(runOnce(command, cds)).isEqualTo(5);
    if (Runtime.version().feature() <= 17) {
      // JDK 17 crashes on the cut archive: the pool deleted it and started the worker again
      // without it. JDK 25 checks an archive and starts without a bad one by itself, so there
      // the archive may stay (and the worker above ran without it all the same).
      assertThat(Files.exists(archive)).isFalse();
    }
  }

  /** Runs one task on a one-worker engine with sharing in {@code cds}, and closes it. */
  private Object runOnce(List<String> command, Path cds) throws Exception {
    Workers workers = new Workers(1, command, ClassDataSharing.inDirectory(cds, command),
        LIMITS, 120_000);
    try {
      CompletableFuture<List<Object>> future = new CompletableFuture<>();
      byte[] payload = Payloads.task(Payloads.Shape.FUNCTION, CdsProbe.length(),
          List.of("hello"));
      workers.submit(new Job<>(ids.incrementAndGet(), payload, getClass().getClassLoader(),
          future, r -> r, List::of, 0));
      return future.get(120, TimeUnit.SECONDS).get(0);
    } finally {
      assertThat(workers.close(TimeUnit.SECONDS.toNanos(60), TimeUnit.SECONDS.toNanos(30)))
          .isTrue();
    }
  }

  /**
   * A worker's command whose class path is one jar of the runtime's classes and
   * {@link CdsProbe}: the JDK archives classes from jars only. A crash leaves its report in the
   * temporary directory, not in the module's.
   */
  private List<String> workerCommand() throws IOException, URISyntaxException {
    Path runtime = Path.of(Workers.class.getProtectionDomain().getCodeSource().getLocation()
        .toURI());
    Path tests = Path.of(CdsProbe.class.getProtectionDomain().getCodeSource().getLocation()
        .toURI());
    Path jar = dir.resolve("worker.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      add(out, runtime, runtime);
      for (String name : List.of("CdsProbe.class")) {
        Path probe = tests.resolve("io/jasyncio/internal/process").resolve(name);
        out.putNextEntry(new JarEntry("io/jasyncio/internal/process/" + name));
        Files.copy(probe, out);
        out.closeEntry();
      }
    }
    List<String> command = new ArrayList<>(WorkerCommand.forPoolOf(1, LIMITS));
    int cp = command.indexOf("-cp");
    command.set(cp + 1, jar.toString());
    command.add(1, "-XX:ErrorFile=" + dir.resolve("hs_err_pid%p.log"));
    return command;
  }

  private static void add(JarOutputStream out, Path root, Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(file)) {
          out.putNextEntry(new JarEntry(root.relativize(file).toString().replace('\\', '/')));
          Files.copy(file, out);
          out.closeEntry();
        }
      }
    }
  }

  private List<String> commandWith(Path jar) {
    return List.of("java", "-Xmx64m", "-cp", jar.toString(), "Main");
  }

  private Path jar(String name) throws IOException {
    Path jar = dir.resolve(name);
    try (OutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.flush();
    }
    return jar;
  }
}
