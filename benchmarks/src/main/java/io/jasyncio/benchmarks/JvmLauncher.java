package io.jasyncio.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Starts probe JVMs on one JDK, with this JVM's class path.
 *
 * @param home the JDK's home directory
 * @param feature its feature version (17, 21, 25, ...)
 */
record JvmLauncher(Path home, int feature) {
  /**
   * Heap of every probe: room for a million parked virtual threads, of a fixed size, and touched
   * at start-up: on a virtual machine the first write to each fresh page costs microseconds,
   * which an allocating workload would otherwise pay in bursts, for every peer alike. Fixed, since
   * a heap allowed to grow is pre-touched as it grows, inside a GC pause: with 2 GB to start, a
   * million live tasks (or threads) grew it, and one young pause took 2.5-3.2 s of touching.
   */
  static final List<String> HEAP = List.of("-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch");

  /** The JDK running this harness. */
  static JvmLauncher current() {
    return new JvmLauncher(Path.of(System.getProperty("java.home")),
        Runtime.version().feature());
  }

  /** The JDK at {@code home}, its version read from its {@code release} file. */
  static Optional<JvmLauncher> at(Path home) {
    Path release = home.resolve("release");
    if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin/java"))) {
      return Optional.empty();
    }
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(release)) {
      p.load(in);
    } catch (IOException e) {
      return Optional.empty();
    }
    String version = p.getProperty("JAVA_VERSION", "").replace("\"", "");
    return parseFeature(version).map(f -> new JvmLauncher(home, f));
  }

  /** The newest JDK of 21 or later among the directories of {@code jvmDir}, if any. */
  static Optional<JvmLauncher> newest21Plus(Path jvmDir) {
    if (!Files.isDirectory(jvmDir)) {
      return Optional.empty();
    }
    try (Stream<Path> homes = Files.list(jvmDir)) {
      return homes.map(JvmLauncher::at).flatMap(Optional::stream)
          .filter(j -> j.feature() >= 21)
          .max(Comparator.comparingInt(JvmLauncher::feature));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The feature number of a version string such as {@code 25.0.1} or {@code 1.8.0_402}. */
  static Optional<Integer> parseFeature(String version) {
    String[] parts = version.split("[.+_-]");
    try {
      int first = Integer.parseInt(parts[0]);
      return Optional.of(first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Its label in the table. */
  String label() {
    return "JDK " + feature;
  }

  /** Its {@code java} launcher. */
  String java() {
    return home.resolve("bin/java").toString();
  }

  /** The command of a probe of {@code workload} on {@code peer}. */
  List<String> command(Workload workload, Peer peer, int size, Timing timing) {
    List<String> command = new ArrayList<>();
    command.add(java());
    command.addAll(HEAP);
    if (peer == Peer.VIRTUAL_THREADS) {
      // One carrier thread, as one event loop thread.
      command.add("-Djdk.virtualThreadScheduler.parallelism=1");
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Probe.class.getName());
    command.add(workload.id);
    command.add(peer.id);
    command.add(Integer.toString(size));
    command.add(Double.toString(timing.warmupSeconds()));
    command.add(Double.toString(timing.measureSeconds()));
    command.add(Integer.toString(timing.maxRuns()));
    return command;
  }
}
