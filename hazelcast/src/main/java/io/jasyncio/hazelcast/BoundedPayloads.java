package io.jasyncio.hazelcast;

import io.jasyncio.internal.process.CompactValues;
import io.jasyncio.internal.process.GadgetFilter;
import io.jasyncio.internal.process.Limits;
import io.jasyncio.internal.process.PayloadBytes;
import io.jasyncio.internal.process.Payloads;
import io.jasyncio.internal.process.Payloads.Shape;
import io.jasyncio.internal.process.Payloads.Task;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what {@link Payloads} writes (a task, results, an exception) as {@code Payloads} does,
 * through the process pool's {@link GadgetFilter}, and within the cluster's
 * {@link PayloadLimits}. (The runtime's readers take no filter of the caller's; when they do, this
 * class can shrink to the limits.)
 */
final class BoundedPayloads {
  private final PayloadLimits limits;

  BoundedPayloads(PayloadLimits limits) {
    this.limits = limits;
  }

  /** Reads a task, as {@link Payloads#readTask}. */
  Task readTask(byte[] payload, ClassLoader loader) throws IOException, ClassNotFoundException {
    try (Input in = open(payload, loader)) {
      int shape = in.readInt();
      if (shape < 0 || shape >= Shape.values().length) {
        throw new InvalidClassException("a task payload holds an unknown shape " + shape);
      }
      Object function = in.readChecked();
      List<Object> arguments = in.readList();
      return new Task(Shape.values()[shape], function, arguments);
    }
  }

  /** Reads results, as {@link Payloads#readResults}. */
  List<Object> readResults(byte[] payload, ClassLoader loader)
      throws IOException, ClassNotFoundException {
    try (Input in = open(payload, loader)) {
      return in.readList();
    }
  }

  /** Reads an exception, as {@link Payloads#readFailure}. */
  Throwable readFailure(byte[] payload, ClassLoader loader)
      throws IOException, ClassNotFoundException {
    try (Input in = open(payload, loader)) {
      Object t = in.readChecked();
      if (!(t instanceof Throwable throwable)) {
        throw new InvalidClassException(String.valueOf(t), "a failure payload holds no Throwable");
      }
      return throwable;
    }
  }

  /** The process pool's limits, which the gadget filter checks too. */
  private static final Limits POOL_LIMITS = Limits.fromSystemProperties();

  /** The stream over {@code payload}, once its size is checked. */
  private Input open(byte[] payload, ClassLoader loader) throws IOException {
    limits.checkSize(payload);
    return new Input(payload, loader);
  }

  /** A stream over one payload, filtered by the limits and then by the gadget filter. */
  private final class Input extends ObjectInputStream {
    private final ClassLoader loader;
    private final PayloadLimits.Filter bounds = limits.filter();
    private final GadgetFilter gadgets;
    private final CompactValues.Reader values;

    Input(byte[] payload, ClassLoader loader) throws IOException {
      this(new PayloadBytes(payload), loader);
    }

    private Input(PayloadBytes bytes, ClassLoader loader) throws IOException {
      super(bytes);
      this.loader = loader;
      // The gadget deny list, the JVM-wide filter and the process pool's own bounds (its read
      // time among them) after this cluster's tighter ones.
      this.gadgets = new GadgetFilter(POOL_LIMITS, bytes.length());
      ObjectInputFilter both = info -> {
        ObjectInputFilter.Status status = bounds.checkInput(info);
        return status == ObjectInputFilter.Status.REJECTED ? status : gadgets.checkInput(info);
      };
      setObjectInputFilter(both);
      this.values = new CompactValues.Reader(this, both, loader, bytes::position);
    }

    List<Object> readList() throws IOException, ClassNotFoundException {
      int n = readInt();
      if (n < 0 || n > limits.references()) {
        throw new InvalidClassException("a payload announces " + n + " objects");
      }
      List<Object> items = new ArrayList<>(Math.min(n, 1024));
      for (int i = 0; i < n; i++) {
        items.add(checked(values::read));
      }
      return items;
    }

    /** readObject, with the reason in the exception when a filter rejects something. */
    Object readChecked() throws IOException, ClassNotFoundException {
      return checked(this::readObject);
    }

    private Object checked(Read read) throws IOException, ClassNotFoundException {
      try {
        return read.read();
      } catch (InvalidClassException e) {
        String why = bounds.rejection() != null ? "over a cluster limit: " + bounds.rejection()
            : gadgets.rejection() != null
                ? "by the jasyncio deserialization filter: " + gadgets.rejection() : null;
        if (why == null) {
          throw e;
        }
        InvalidClassException clear = new InvalidClassException("rejected " + why);
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
