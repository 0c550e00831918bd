package io.jasyncio.internal.process;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The class path a worker JVM starts with: the application's, which is not always this JVM's
 * {@code java.class.path}. Under {@code mvn exec:java}, an IDE runner, a plug-in host or any
 * launcher that loads the application through a class loader of its own, {@code java.class.path}
 * is the launcher's, and a worker started with it cannot even load {@link WorkerMain}.
 *
 * <p>So the class path is, in this order:
 * <ol>
 *   <li>the system property {@value #PROPERTY}, if set: used as it is, for the cases nothing
 *       below can see (a fat jar whose jars are nested in it, a loader that is not a
 *       {@code URLClassLoader});</li>
 *   <li>otherwise {@code java.class.path}, then what it lacks of: the location jasyncio's own
 *       classes were loaded from, the location of the class that made the pool, and the
 *       {@code file:} URLs of every {@code URLClassLoader} from that class's loader and from the
 *       thread's context loader up to the system loader, parents first.</li>
 * </ol>
 */
public final class WorkerClassPath {
  /** System property: the class path of the workers, instead of the one found. */
  public static final String PROPERTY = "jasyncio.worker.classpath";
  /** What a worker's class path must hold, as a resource name. */
  static final String MAIN_RESOURCE = WorkerMain.class.getName().replace('.', '/') + ".class";

  private WorkerClassPath() {}

  /**
   * The workers' class path for a pool made by {@code user} (null if unknown), on the calling
   * thread.
   */
  public static String of(Class<?> user) {
    String configured = System.getProperty(PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return configured.strip();
    }
    String own = System.getProperty("java.class.path", "");
    Set<Path> reachable = reachable(own);
    List<Path> found = new ArrayList<>();
    addLocation(found, WorkerMain.class);
    if (user != null) {
      addLocation(found, user);
      addUrls(found, user.getClassLoader());
    }
    addUrls(found, Thread.currentThread().getContextClassLoader());
    StringBuilder classPath = new StringBuilder(own);
    for (Path p : found) {
      if (reachable.add(p)) {
        classPath.append(classPath.length() == 0 ? "" : File.pathSeparator).append(p);
      }
    }
    return classPath.toString();
  }

  /** Whether a JVM started with {@code classPath} finds {@link WorkerMain}. */
  public static boolean findsWorkerMain(String classPath) {
    for (Path entry : reachable(classPath)) {
      if (Files.isDirectory(entry)) {
        if (Files.isRegularFile(entry.resolve(MAIN_RESOURCE))) {
          return true;
        }
      } else if (Files.isRegularFile(entry)) {
        try (JarFile jar = new JarFile(entry.toFile())) {
          if (jar.getEntry(MAIN_RESOURCE) != null) {
            return true;
          }
        } catch (IOException e) {
          // Not a jar: the launcher skips it too.
        }
      }
    }
    return false;
  }

  /**
   * The directories and jars a JVM started with {@code classPath} reads, as the launcher finds
   * them: each entry, the jars of a {@code dir/*} wildcard, and what the manifest
   * {@code Class-Path} of a jar names (a Maven Surefire class path is one such jar).
   */
  static Set<Path> reachable(String classPath) {
    Set<Path> reachable = new LinkedHashSet<>();
    for (String entry : classPath.split(File.pathSeparator)) {
      if (entry.isEmpty()) {
        continue;
      }
      try {
        if (entry.endsWith("*")) {
          Path dir = Path.of(entry.substring(0, entry.length() - 1));
          if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, "*.{jar,JAR}")) {
              for (Path jar : jars) {
                addReachable(reachable, jar);
              }
            }
          }
        } else {
          addReachable(reachable, Path.of(entry));
        }
      } catch (IOException | InvalidPathException e) {
        // An entry the launcher cannot read either.
      }
    }
    return reachable;
  }

  private static void addReachable(Set<Path> reachable, Path entry) {
    Path p = entry.toAbsolutePath().normalize();
    if (!reachable.add(p) || !Files.isRegularFile(p)) {
      return;
    }
    List<Path> referenced = new ArrayList<>();
    try (JarFile jar = new JarFile(p.toFile())) {
      Manifest manifest = jar.getManifest();
      String classPath = manifest == null ? null
          : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
      if (classPath != null) {
        URI base = p.toUri();
        for (String url : classPath.trim().split("\\s+")) {
          try {
            referenced.add(Path.of(base.resolve(url)));
          } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            // Not a file URL: the launcher skips it too.
          }
        }
      }
    } catch (IOException e) {
      return; // not a jar
    }
    for (Path r : referenced) {
      addReachable(reachable, r);
    }
  }

  /** The file: URLs of {@code loader} and its parents, parents first. */
  private static void addUrls(List<Path> into, ClassLoader loader) {
    List<ClassLoader> chain = new ArrayList<>();
    for (ClassLoader l = loader; l != null; l = l.getParent()) {
      chain.add(0, l);
    }
    for (ClassLoader l : chain) {
      if (l instanceof URLClassLoader urls) {
        for (URL url : urls.getURLs()) {
          addFile(into, url);
        }
      }
    }
  }

  /** Where {@code type} was loaded from, if it is a file. */
  private static void addLocation(List<Path> into, Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    if (source != null && source.getLocation() != null) {
      addFile(into, source.getLocation());
    }
  }

  private static void addFile(List<Path> into, URL url) {
    if (!"file".equalsIgnoreCase(url.getProtocol())) {
      return; // a jar nested in a jar, a URL over the network: no launcher reads those
    }
    try {
      into.add(Path.of(url.toURI()).toAbsolutePath().normalize());
    } catch (URISyntaxException | IllegalArgumentException e) {
      // A malformed file URL names nothing a worker could load.
    }
  }
}
