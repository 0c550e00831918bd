package io.jasyncio.internal.process;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The name of a worker command's {@link ClassDataSharing} archive: a digest of the JDK, the
 * command line, and the size and time of each jar on its class path, so that a rebuilt jar or
 * another JDK gets an archive of its own rather than one the JVM would refuse.
 */
final class ArchiveKey {
  private ArchiveKey() {}

  /**
   * A digest of what the archive depends on: the JDK, the command, and the size and time of
   * each class path jar (those a manifest's {@code Class-Path} names too); null if the class
   * path holds a directory, which the JDK does not archive from.
   */
  static String of(List<String> command) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IOException(e);
    }
    update(digest, System.getProperty("java.home"));
    update(digest, System.getProperty("java.vm.version"));
    for (String part : command) {
      update(digest, part);
    }
    int cp = command.indexOf("-cp");
    List<Path> entries = new ArrayList<>();
    if (cp >= 0 && cp + 1 < command.size()) {
      for (String entry : command.get(cp + 1).split(File.pathSeparator)) {
        if (!entry.isEmpty()) {
          entries.add(Path.of(entry));
        }
      }
    }
    for (int i = 0; i < entries.size(); i++) {
      Path entry = entries.get(i).toAbsolutePath();
      if (Files.isDirectory(entry)) {
        return null;
      }
      if (!Files.isRegularFile(entry)) {
        continue; // the launcher skips it as well
      }
      update(digest, entry + " " + Files.size(entry) + " " + Files.getLastModifiedTime(entry));
      if (i < 1_000) {
        entries.addAll(manifestClassPath(entry));
      }
    }
    return HexFormat.of().formatHex(digest.digest(), 0, 16);
  }

  /** The entries a jar's manifest adds to the class path (Maven Surefire's jar has them all). */
  private static List<Path> manifestClassPath(Path jar) {
    List<Path> entries = new ArrayList<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      Manifest manifest = file.getManifest();
      String classPath = manifest == null ? null
          : manifest.getMainAttributes().getValue("Class-Path");
      if (classPath != null) {
        for (String url : classPath.strip().split("\\s+")) {
          try {
            URI uri = jar.toUri().resolve(url);
            if ("file".equals(uri.getScheme())) {
              entries.add(Path.of(uri));
            }
          } catch (IllegalArgumentException e) {
            // Not a file URL: the launcher ignores it too.
          }
        }
      }
    } catch (IOException e) {
      // Not a jar the launcher can read either.
    }
    return entries;
  }

  private static void update(MessageDigest digest, String part) {
    digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
  }

}
