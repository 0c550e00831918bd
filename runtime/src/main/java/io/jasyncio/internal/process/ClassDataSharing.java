package io.jasyncio.internal.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * The class data sharing (AppCDS) archive of a pool's worker JVMs: the classes a worker loads
 * (the JDK's, jasyncio's, the tasks'), parsed and verified once and mapped by every later worker
 * started with the same command, which makes a worker ready sooner.
 *
 * <p>One archive per worker command (launcher, JVM options, class path with each jar's size and
 * time) and JDK, in the directory the system property {@value #DIRECTORY} names (default
 * {@code ${java.io.tmpdir}/jasyncio-cds-${user.name}}; {@code off} turns sharing off). When there
 * is none, the first worker of a pool writes it as it exits ({@code -XX:ArchiveClassesAtExit},
 * JDK 13+), under a name of its own; the pool moves it into place only if that worker exited
 * normally, with a checksum beside it. A worker maps it ({@code -XX:SharedArchiveFile}) only
 * after its checksum matched: a truncated or altered archive makes the JVM crash rather than
 * ignore it. The JVM itself ignores one made for other jars. Its messages about the archive are
 * turned off, so that they do not reach the pool's standard output. An archive no pool has used
 * for {@link #UNUSED_FOR} (one for jars since rebuilt, say) is deleted when another is written.
 *
 * <table>
 *   <caption>Falls back to a normal start</caption>
 *   <tr><th>when</th><th>then</th></tr>
 *   <tr><td>the directory cannot be made or written, or others than this user may write in it,
 *       or the JDK cannot dump (non-empty directories on the class path)</td><td>no archive;
 *       workers start as without sharing</td></tr>
 *   <tr><td>the archive's checksum is missing or does not match</td><td>it is deleted and made
 *       again</td></tr>
 *   <tr><td>a worker started with it exits before it connects</td><td>{@link #failed} turns
 *       sharing off for this pool and deletes the archive; the worker is started again
 *       without</td></tr>
 * </table>
 */
public final class ClassDataSharing {
  /** System property: the directory of the archives, or {@code off}. */
  public static final String DIRECTORY = "jasyncio.worker.cds";
  /** An archive no pool has used for this long is deleted when another is written. */
  static final Duration UNUSED_FOR = Duration.ofDays(30);
  /** Keeps the JVM's messages about the archive off the worker's standard output. */
  private static final List<String> QUIET = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");

  private final Path archive;
  private final Path checksum;
  private boolean off;
  private boolean writing;
  /** The size and time of the archive last found sound, so it is read once, not per worker. */
  private long soundSize = -1;
  private long soundTime;

  private ClassDataSharing(Path archive) {
    this.archive = archive;
    this.checksum = archive == null ? null
        : archive.resolveSibling(archive.getFileName() + ".crc");
    this.off = archive == null;
  }

  /** No sharing: every worker starts with its command as it is. */
  public static ClassDataSharing off() {
    return new ClassDataSharing(null);
  }

  /**
   * Sharing for workers started with {@code command}, in the directory the system property
   * names; off if it says {@code off}, if the command's launcher is not this JVM's, or if the
   * class path holds a directory (the JDK refuses to archive from one).
   */
  public static ClassDataSharing forCommand(List<String> command) {
    String configured = System.getProperty(DIRECTORY);
    Path dir;
    if (configured == null || configured.isBlank()) {
      dir = Path.of(System.getProperty("java.io.tmpdir"),
          "jasyncio-cds-" + System.getProperty("user.name", "user"));
    } else if (configured.strip().equalsIgnoreCase("off")) {
      return off();
    } else {
      dir = Path.of(configured.strip());
    }
    return inDirectory(dir, command);
  }

  /** Sharing for workers started with {@code command}, with its archive in {@code dir}. */
  static ClassDataSharing inDirectory(Path dir, List<String> command) {
    if (System.getProperty(WorkerCommand.JAVA) != null || command.size() < 2
        || Runtime.version().feature() < 13) {
      return off();
    }
    String key;
    try {
      key = ArchiveKey.of(command);
    } catch (IOException e) {
      return off();
    }
    return key == null ? off() : new ClassDataSharing(dir.resolve("worker-" + key + ".jsa"));
  }

  /** The archive's path, or null if sharing is off from the start. */
  Path archive() {
    return archive;
  }

  /**
   * The command for the next worker, and what it does with the archive: maps it if it is there
   * and sound, writes it if it is not (one worker of the pool at a time), or neither.
   */
  public synchronized Start next(List<String> command) {
    if (off) {
      return new Start(command, null, false);
    }
    if (isSound()) {
      return new Start(with(command, "-XX:SharedArchiveFile=" + archive), null, true);
    }
    if (writing || !makeDirectory()) {
      return new Start(command, null, false);
    }
    writing = true;
    Path partial = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current()
        .pid() + "-" + System.nanoTime() + ".partial");
    return new Start(with(command, "-XX:ArchiveClassesAtExit=" + partial), partial, false);
  }

  /**
   * A worker started with {@code start} has exited with {@code exitCode}: the archive it wrote,
   * if it exited normally, is moved into place with its checksum; otherwise it is deleted.
   */
  public void exited(Start start, int exitCode) {
    if (start.writes() == null) {
      return;
    }
    Path partial = start.writes();
    try {
      if (exitCode == 0 && Files.isRegularFile(partial) && Files.size(partial) > 0) {
        long crc = crcOf(partial);
        Path sum = partial.resolveSibling(partial.getFileName() + ".crc");
        Files.writeString(sum, Long.toString(crc), StandardCharsets.US_ASCII);
        move(sum, checksum);
        move(partial, archive);
        pruneUnused(archive.getParent(), Instant.now().minus(UNUSED_FOR));
      }
    } catch (IOException e) {
      // Not written: the next pool tries again.
    } finally {
      deleteQuietly(partial);
      deleteQuietly(partial.resolveSibling(partial.getFileName() + ".crc"));
      synchronized (this) {
        writing = false;
      }
    }
  }

  /**
   * A worker started with {@code start} exited before it connected: if it used the archive
   * in any way, sharing is turned off for this pool and the archive deleted. Returns whether
   * the worker used it, so that it is worth starting one again without.
   */
  public boolean failed(Start start) {
    if (!start.maps() && start.writes() == null) {
      return false;
    }
    synchronized (this) {
      off = true;
    }
    if (start.maps()) {
      deleteQuietly(archive);
      deleteQuietly(checksum);
    }
    return true;
  }

  /**
   * How one worker starts.
   *
   * @param command its command line
   * @param writes the file it writes its archive to as it exits, or null
   * @param maps whether it maps the archive
   */
  public record Start(List<String> command, Path writes, boolean maps) {}

  /** Whether the archive is there and its checksum matches; a damaged one is deleted. */
  private boolean isSound() {
    if (!Files.isRegularFile(archive)) {
      return false;
    }
    try {
      if (!isPrivate(archive.getParent())) {
        return false;
      }
      long size = Files.size(archive);
      long time = Files.getLastModifiedTime(archive).toMillis();
      if (size == soundSize && time == soundTime) {
        return true;
      }
      long expected = Long.parseLong(Files.readString(checksum, StandardCharsets.US_ASCII).strip());
      if (crcOf(archive) == expected) {
        soundSize = size;
        soundTime = time;
        // The checksum's time says when a pool last used the archive; see pruneUnused.
        Files.setLastModifiedTime(checksum, FileTime.from(Instant.now()));
        return true;
      }
    } catch (IOException | NumberFormatException e) {
      // Missing or unreadable checksum: as good as a wrong one.
    }
    deleteQuietly(archive);
    deleteQuietly(checksum);
    return false;
  }

  /**
   * Deletes the archives in {@code dir} that no pool has used since {@code before} (those of
   * jars rebuilt since, of other JDKs, of other commands), so that the directory does not grow
   * with every build.
   */
  static void pruneUnused(Path dir, Instant before) {
    try (DirectoryStream<Path> sums = Files.newDirectoryStream(dir, "worker-*.jsa.crc")) {
      for (Path sum : sums) {
        try {
          if (Files.getLastModifiedTime(sum).toInstant().isBefore(before)) {
            String name = sum.getFileName().toString();
            deleteQuietly(sum.resolveSibling(name.substring(0, name.length() - ".crc".length())));
            deleteQuietly(sum);
          }
        } catch (IOException e) {
          // Gone meanwhile, or unreadable: leave it.
        }
      }
    } catch (IOException e) {
      // Nothing to prune.
    }
  }

  private boolean makeDirectory() {
    Path dir = archive.getParent();
    try {
      if (!Files.isDirectory(dir)) {
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
          Files.createDirectories(dir,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
          Files.createDirectories(dir);
        }
      }
      return Files.isWritable(dir) && isPrivate(dir);
    } catch (IOException | SecurityException | UnsupportedOperationException e) {
      return false;
    }
  }

  /**
   * Whether only this user can put files in {@code dir}: a worker maps the archive it finds
   * there as class data, so one planted by another user (the default directory is in the
   * shared temporary directory) must never be used.
   */
  static boolean isPrivate(Path dir) throws IOException {
    if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return true; // Windows: the user's own temporary directory
    }
    PosixFileAttributes attributes = Files.readAttributes(dir, PosixFileAttributes.class,
        LinkOption.NOFOLLOW_LINKS);
    Set<PosixFilePermission> permissions = attributes.permissions();
    return attributes.isDirectory()
        && attributes.owner().getName().equals(System.getProperty("user.name"))
        && !permissions.contains(PosixFilePermission.GROUP_WRITE)
        && !permissions.contains(PosixFilePermission.OTHERS_WRITE);
  }

  /** The command with the archive's options among the JVM options, after the launcher. */
  private static List<String> with(List<String> command, String option) {
    List<String> c = new ArrayList<>(command.size() + 3);
    c.add(command.get(0));
    c.add(option);
    c.addAll(QUIET);
    c.addAll(command.subList(1, command.size()));
    return c;
  }

  private static long crcOf(Path file) throws IOException {
    CRC32 crc = new CRC32();
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        crc.update(buffer, 0, n);
      }
    }
    return crc.getValue();
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // Left behind; the next writer replaces it.
    }
  }
}
