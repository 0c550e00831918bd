package io.jasyncio.processor.scan;

import com.sun.source.util.TreePath;

/**
 * A local's type names a class that does not exist yet in this round (typically an
 * {@code AsyncFoo} this very compilation generates), so the class is modeled again in a later
 * round, once it does.
 */
public final class TypeNotYetKnownException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient TreePath local;
  private final String name;

  public TypeNotYetKnownException(TreePath local, String name) {
    super("type of " + name + " not known yet");
    this.local = local;
    this.name = name;
  }

  /** The declaration whose type is missing. */
  public TreePath local() {
    return local;
  }

  /** The local's name. */
  public String name() {
    return name;
  }
}
