package io.jasyncio.processor;

import com.sun.source.util.TreePath;
import javax.lang.model.element.Element;

/**
 * One error found in user code: a stable tag, a sentence, and where it points.
 *
 * <p>Exactly one of {@code path} and {@code element} is set: a tree when the error is inside a
 * method body, an element when it is about a declaration.
 */
public record Diagnostic(String tag, String message, TreePath path, Element element) {

  /** An error on a tree inside a method body. */
  public static Diagnostic at(TreePath path, String tag, String message) {
    return new Diagnostic(tag, message, path, null);
  }

  /** An error on a declaration. */
  public static Diagnostic on(Element element, String tag, String message) {
    return new Diagnostic(tag, message, null, element);
  }

  /** The text javac prints: {@code [jasyncio/Tag] message}. */
  public String text() {
    return "[jasyncio/" + tag + "] " + message;
  }
}
