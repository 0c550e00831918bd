package io.jasyncio.processor.model;

import io.jasyncio.processor.Diagnostic;

/** A construct the validator let through but the modeler cannot rewrite, as a diagnostic. */
public final class ModelException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Diagnostic diagnostic;

  /** Fails modeling with {@code diagnostic}. */
  public ModelException(Diagnostic diagnostic) {
    super(diagnostic.text());
    this.diagnostic = diagnostic;
  }

  /** The error to report. */
  public Diagnostic diagnostic() {
    return diagnostic;
  }
}
