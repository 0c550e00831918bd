package io.jasyncio.internal.process;

import io.jasyncio.SerializableFunction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.InvalidObjectException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * What frames carry, in Java serialization: a task (a function and its arguments), its results,
 * or the exception it failed with. Writing names the part that could not be serialized; reading
 * goes through a {@link GadgetFilter} with the pool's {@link Limits} and resolves classes with a
 * given loader; reading fails with an exception, never with an {@code Error} of this JVM.
 */
public final class Payloads {
  private Payloads() {}

  /** How a worker calls a task's function. */
  public enum Shape {
    /** A {@code SerializableFunction}, applied to each argument. */
    FUNCTION("the function"),
    /** A {@code Callable}, called once (its one argument is null). */
    CALLABLE("the callable"),
    /** A {@code Runnable}, run once; its result is null. */
    RUNNABLE("the runnable");

    private final String role;

    Shape(String role) {
      this.role = role;
    }
  }

  /**
   * The class loader to read the results of {@code function} with: its own class's, so results
   * resolve as the function's code does (the context loader, or the system one, for a class of
   * the boot loader).
   */
  public static ClassLoader loaderOf(Object function) {
    ClassLoader loader = function.getClass().getClassLoader();
    if (loader == null) {
      loader = Thread.currentThread().getContextClassLoader();
    }
    return loader != null ? loader : ClassLoader.getSystemClassLoader();
  }

  /** A decoded task: the function, how to call it, and its arguments, one call each. */
  public record Task(Shape shape, Object function, List<Object> arguments) {
    /**
     * Runs the task here: the function applied to each argument in order, or the callable's
     * result, or null after the runnable ran; the first exception is thrown unchanged.
     */
    @SuppressWarnings("unchecked")
    public List<Object> run() throws Exception {
      List<Object> results = new ArrayList<>(arguments.size());
      switch (shape) {
        case FUNCTION -> {
          var fn = (SerializableFunction<Object, Object>) function;
          for (Object argument : arguments) {
            results.add(fn.apply(argument));
          }
        }
        case CALLABLE -> results.add(((Callable<Object>) function).call());
        case RUNNABLE -> {
          ((Runnable) function).run();
          results.add(null);
        }
      }
      return results;
    }
  }

  /**
   * Serializes a task.
   *
   * @throws NotSerializableException naming the part (and the class inside it) that cannot be
   *     serialized
   */
  public static byte[] task(Shape shape, Object function, List<?> arguments) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeInt(shape.ordinal());
      write(out, function, shape.role);
      out.writeInt(arguments.size());
      CompactValues.Writer values = new CompactValues.Writer(out);
      for (int i = 0; i < arguments.size(); i++) {
        write(values, arguments.get(i), arguments.size() == 1 ? "the argument" : "argument " + i);
      }
    }
    return bytes.toByteArray();
  }

  /** Serializes results, naming the one that cannot be serialized. */
  public static byte[] results(List<?> results) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeInt(results.size());
      CompactValues.Writer values = new CompactValues.Writer(out);
      for (int i = 0; i < results.size(); i++) {
        write(values, results.get(i), results.size() == 1 ? "the result" : "the result " + i);
      }
    }
    return bytes.toByteArray();
  }

  /**
   * Serializes an exception with its type, message, stack trace and causes; one that cannot be
   * serialized is replaced by a {@code RuntimeException} with its type and message in the message
   * and its stack trace.
   */
  public static byte[] failure(Throwable t) {
    try {
      return serialize(t);
    } catch (IOException | RuntimeException e) {
      RuntimeException stand = new RuntimeException(t.getClass().getName() + ": " + t.getMessage()
          + " [the worker could not send this exception itself: " + e + "]");
      stand.setStackTrace(t.getStackTrace());
      try {
        return serialize(stand);
      } catch (IOException impossible) {
        throw new IllegalStateException(impossible);
      }
    }
  }

  /**
   * Reads a task written by {@link #task}, within the limits the system properties set (see
   * {@link Limits#fromSystemProperties()}): for readers other than a pool's workers.
   */
  public static Task readTask(byte[] payload, ClassLoader loader)
      throws IOException, ClassNotFoundException {
    return readTask(payload, loader, Limits.fromSystemProperties());
  }

  /** Reads results written by {@link #results}, as {@link #readTask(byte[], ClassLoader)}. */
  public static List<Object> readResults(byte[] payload, ClassLoader loader)
      throws IOException, ClassNotFoundException {
    return readResults(payload, loader, Limits.fromSystemProperties());
  }

  /** Reads an exception written by {@link #failure}, as {@link #readTask(byte[], ClassLoader)}. */
  public static Throwable readFailure(byte[] payload, ClassLoader loader)
      throws IOException, ClassNotFoundException {
    return readFailure(payload, loader, Limits.fromSystemProperties());
  }

  /**
   * Reads a task written by {@link #task}.
   *
   * @throws InvalidClassException if the filter rejects a class or a limit is reached
   * @throws InvalidObjectException if the payload nests deeper than the thread's stack can read
   *     or does not fit in the heap
   */
  public static Task readTask(byte[] payload, ClassLoader loader,
      Limits limits)
      throws IOException, ClassNotFoundException {
    try (Input in = new Input(payload, loader, limits)) {
      int shape = in.readInt();
      if (shape < 0 || shape >= Shape.values().length) {
        throw new InvalidClassException("a task frame holds an unknown shape " + shape);
      }
      Object function = in.readChecked();
      int n = in.readCount(payload.length);
      List<Object> arguments = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        arguments.add(in.readValue());
      }
      return new Task(Shape.values()[shape], function, arguments);
    }
  }

  /** Reads results written by {@link #results}. */
  public static List<Object> readResults(byte[] payload, ClassLoader loader,
      Limits limits)
      throws IOException, ClassNotFoundException {
    try (Input in = new Input(payload, loader, limits)) {
      int n = in.readCount(payload.length);
      List<Object> results = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        results.add(in.readValue());
      }
      return results;
    }
  }

  /** Reads an exception written by {@link #failure}. */
  public static Throwable readFailure(byte[] payload, ClassLoader loader,
      Limits limits)
      throws IOException, ClassNotFoundException {
    try (Input in = new Input(payload, loader, limits)) {
      Object t = in.readChecked();
      if (!(t instanceof Throwable throwable)) {
        throw new InvalidClassException(String.valueOf(t), "a failure frame holds no Throwable");
      }
      return throwable;
    }
  }

  private static byte[] serialize(Object o) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(o);
    }
    return bytes.toByteArray();
  }

  private static void write(ObjectOutputStream out, Object part, String role) throws IOException {
    try {
      out.writeObject(part);
    } catch (NotSerializableException e) {
      throw notSerializable(part, role, e);
    }
  }

  private static void write(CompactValues.Writer out, Object part, String role)
      throws IOException {
    try {
      out.write(part);
    } catch (NotSerializableException e) {
      throw notSerializable(part, role, e);
    }
  }

  private static NotSerializableException notSerializable(Object part, String role,
      NotSerializableException e) {
    String type = part.getClass().getName();
    String culprit = e.getMessage();
    StringBuilder message = new StringBuilder(role).append(" (").append(type).append(")");
    if (culprit != null && !culprit.equals(type)) {
      message.append(" holds a ").append(culprit).append(", which");
    }
    message.append(" is not Serializable, so it cannot cross to or from another JVM");
    if (culprit != null && culprit.contains("$$Lambda")) {
      message.append("; a lambda is serializable only when its target type is, such as"
          + " SerializableFunction or SerializableCallable, and only if what it captures is");
    }
    NotSerializableException clear = new NotSerializableException(message.toString());
    clear.initCause(e);
    return clear;
  }

  /** A filtered stream over one payload that resolves classes with a given loader. */
  private static final class Input extends ObjectInputStream {
    private final ClassLoader loader;
    private final GadgetFilter filter;
    private final CompactValues.Reader values;

    Input(byte[] payload, ClassLoader loader, Limits limits) throws IOException {
      this(new PayloadBytes(payload), loader, limits);
    }

    private Input(PayloadBytes bytes, ClassLoader loader, Limits limits) throws IOException {
      super(bytes);
      this.loader = loader;
      this.filter = new GadgetFilter(limits, bytes.length());
      setObjectInputFilter(filter);
      this.values = new CompactValues.Reader(this, filter, loader, bytes::position);
    }

    /** An argument or a result, written by {@link CompactValues.Writer}; as readChecked. */
    Object readValue() throws IOException, ClassNotFoundException {
      return checked(values::read);
    }

    /** A count of objects to follow: each takes at least a byte, so it is below the length. */
    int readCount(int payloadBytes) throws IOException {
      int n = readInt();
      if (n < 0 || n > payloadBytes) {
        throw new InvalidObjectException("a payload of " + payloadBytes + " bytes cannot hold "
            + n + " objects: a corrupt or forged stream");
      }
      return n;
    }

    /**
     * readObject, with the filter's reason in the exception when it rejects something, and an
     * exception instead of the errors a graph too deep or too large for this JVM causes.
     */
    Object readChecked() throws IOException, ClassNotFoundException {
      return checked(this::readObject);
    }

    private Object checked(Read read) throws IOException, ClassNotFoundException {
      try {
        return read.read();
      } catch (StackOverflowError e) {
        // Thrown deep inside readObject and caught here, its frames gone: the thread goes on.
        InvalidObjectException clear = new InvalidObjectException("objects nested too deep for"
            + " the stack of thread " + Thread.currentThread().getName() + "; the system property "
            + Limits.MAX_DEPTH + " lowers the depth accepted");
        clear.initCause(e);
        throw clear;
      } catch (OutOfMemoryError e) {
        InvalidObjectException clear = new InvalidObjectException("the objects do not fit in"
            + " this JVM's heap (" + e.getMessage() + "); the system properties "
            + Limits.MAX_FRAME_BYTES + " and " + Limits.MAX_ARRAY_BYTES + " bound them");
        clear.initCause(e);
        throw clear;
      } catch (InvalidClassException e) {
        String why = filter.rejection();
        if (why == null) {
          throw e;
        }
        InvalidClassException clear = new InvalidClassException(
            "rejected by the jasyncio deserialization filter: " + why);
        clear.initCause(e);
        throw clear;
      }
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc)
        throws IOException, ClassNotFoundException {
      try {
        return Class.forName(desc.getName(), false, loader);
      } catch (ClassNotFoundException e) {
        // Primitive types and classes the loader does not see but the JDK does.
        return super.resolveClass(desc);
      }
    }
  }

  /** One read from an {@link Input}. */
  @FunctionalInterface
  private interface Read {
    Object read() throws IOException, ClassNotFoundException;
  }
}
