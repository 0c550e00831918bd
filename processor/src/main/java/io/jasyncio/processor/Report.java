package io.jasyncio.processor;

import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.tools.Diagnostic.Kind;

/**
 * Errors found by one step (checking a class's {@code @Async} methods, a unit's stray awaits,
 * the compiler itself); prints nothing until {@link #printTo}, the only place the processor
 * prints.
 */
public final class Report {
  private final List<Diagnostic> errors = new ArrayList<>();

  /** Records an error. */
  public void add(Diagnostic diagnostic) {
    if (!errors.contains(diagnostic)) { // a class-level error found through each of its methods
      errors.add(diagnostic);
    }
  }

  /** Records all errors of another report. */
  public void addAll(Report other) {
    other.errors.forEach(this::add);
  }

  /** Whether no error was recorded. */
  public boolean isClean() {
    return errors.isEmpty();
  }

  /** The recorded errors, in the order found. */
  public List<Diagnostic> errors() {
    return List.copyOf(errors);
  }

  /**
   * Prints every error through javac's messager, on its tree or element, or with no position;
   * {@code trees} may be null when no error is on a tree.
   */
  public void printTo(Messager messager, Trees trees) {
    for (Diagnostic d : errors) {
      if (d.path() != null) {
        trees.printMessage(Kind.ERROR, d.text(), d.path().getLeaf(), d.path().getCompilationUnit());
      } else if (d.element() != null) {
        messager.printMessage(Kind.ERROR, d.text(), d.element());
      } else {
        messager.printMessage(Kind.ERROR, d.text());
      }
    }
  }
}
