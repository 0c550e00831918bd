package io.jasyncio.internal.process;

import java.io.File;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that starts a worker JVM: this JVM's {@code java} launcher, the application's
 * class path ({@link WorkerClassPath}), this JVM's module path, a share of its heap limit, and
 * {@link WorkerMain}.
 *
 * <p>System properties that change it (set on the pool's JVM):
 * <ul>
 *   <li>{@code jasyncio.worker.java}: the launcher to use instead of
 *       {@code ${java.home}/bin/java};
 *   <li>{@code jasyncio.worker.classpath}: the class path, instead of the one
 *       {@link WorkerClassPath} finds;
 *   <li>{@code jasyncio.worker.jvmArgs}: more JVM options, separated by spaces (for example
 *       {@code -Xmx2g}, which wins over the share since it comes later);
 *   <li>{@code jasyncio.worker.startSeconds}: how long a worker may take to start and connect
 *       back before it is killed and its task fails (default 120);
 *   <li>{@code jasyncio.worker.cds}: where the class data sharing archive of the workers is kept,
 *       or {@code off} (see {@link ClassDataSharing}, which adds its options to this command).
 * </ul>
 *
 * <p>The pool's {@link Limits} go on the command line too, so that a worker checks what it
 * reads against the same numbers as its pool.
 *
 * <p>A class path that is a single manifest-only jar (as Maven Surefire makes) needs nothing
 * special: the launcher reads its {@code Class-Path} the same way in the worker.
 */
public final class WorkerCommand {
  /** System property: the java launcher of the workers. */
  public static final String JAVA = "jasyncio.worker.java";
  /** System property: extra JVM options of the workers. */
  public static final String JVM_ARGS = "jasyncio.worker.jvmArgs";
  /** System property: the seconds a worker may take to start and connect back. */
  public static final String START_SECONDS = "jasyncio.worker.startSeconds";
  /** The least heap a worker gets, in MiB, however many workers share this JVM's limit. */
  static final long MIN_HEAP_MIB = 64;

  private WorkerCommand() {}

  /** The command for one of {@code workers} workers, with the limits the system properties set. */
  public static List<String> forPoolOf(int workers) {
    return forPoolOf(workers, Limits.fromSystemProperties());
  }

  /** The command for one of {@code workers} workers that read with {@code limits}. */
  public static List<String> forPoolOf(int workers, Limits limits) {
    return forPoolOf(workers, limits, null);
  }

  /**
   * The command for one of {@code workers} workers that read with {@code limits}, of a pool made
   * by {@code user} (null if unknown), whose loader may know classes {@code java.class.path}
   * lacks.
   */
  public static List<String> forPoolOf(int workers, Limits limits, Class<?> user) {
    List<String> command = new ArrayList<>();
    command.add(launcher());
    command.add("-Xmx" + heapShareMib(workers) + "m");
    // A worker out of memory exits (code 3) and is replaced, instead of limping on.
    command.add("-XX:+ExitOnOutOfMemoryError");
    command.add("-XX:+UseSerialGC");
    command.add("-D" + WorkerMain.STDOUT_ENCODING + "=" + stdoutEncoding());
    command.addAll(limits.asJvmOptions());
    String extra = System.getProperty(JVM_ARGS, "").trim();
    if (!extra.isEmpty()) {
      command.addAll(List.of(extra.split("\\s+")));
    }
    String modulePath = System.getProperty("jdk.module.path", "");
    if (!modulePath.isEmpty()) {
      command.add("--module-path");
      command.add(modulePath);
      command.add("--add-modules");
      command.add("ALL-MODULE-PATH");
    }
    String classPath = WorkerClassPath.of(user);
    if (!classPath.isEmpty()) {
      command.add("-cp");
      command.add(classPath);
    }
    Module module = WorkerMain.class.getModule();
    if (module.isNamed()) {
      command.add("-m");
      command.add(module.getName() + "/" + WorkerMain.class.getName());
    } else {
      command.add(WorkerMain.class.getName());
    }
    return command;
  }

  /** How long a worker may take to start and connect back, in milliseconds. */
  public static long startTimeoutMillis() {
    return SystemProperty.wholeNumber(START_SECONDS, 120, 1) * 1000;
  }

  private static String launcher() {
    String configured = System.getProperty(JAVA);
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    String exe = File.separatorChar == '\\' ? "java.exe" : "java";
    return System.getProperty("java.home") + File.separator + "bin" + File.separator + exe;
  }

  /** This JVM's heap limit divided among the workers, at least {@link #MIN_HEAP_MIB}. */
  static long heapShareMib(int workers) {
    long max = Runtime.getRuntime().maxMemory();
    long share = max == Long.MAX_VALUE ? 1024 : max / (1024 * 1024) / Math.max(1, workers);
    return Math.max(MIN_HEAP_MIB, share);
  }

  /** The charset this JVM's standard output uses, so a worker's prints come out the same. */
  private static String stdoutEncoding() {
    String name = System.getProperty("stdout.encoding");
    if (name == null) {
      name = System.getProperty("sun.stdout.encoding");
    }
    return name != null ? name : Charset.defaultCharset().name();
  }
}
