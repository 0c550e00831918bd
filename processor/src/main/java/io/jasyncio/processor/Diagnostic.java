package io.jasyncio.processor;

import com.sun.source.util.TreePath;
import javax.lang.model.element.Element;

/**
 * One error: a {@link Message} from {@link Messages}, and where it points.
 *
 * <p>At most one of {@code path} and {@code element} is set: a tree when the error is inside a
 * method body, an element when it is about a declaration, neither when it is about the
 * compilation as a whole (the compiler itself, say).
 */
public record Diagnostic(Message message, TreePath path, Element element) {

  /** An error on a tree inside a method body. */
  public static Diagnostic at(TreePath path, Message message) {
    return new Diagnostic(message, path, null);
  }

  /** An error on a declaration. */
  public static Diagnostic on(Element element, Message message) {
    return new Diagnostic(message, null, element);
  }

  /** An error with no position in the sources. */
  public static Diagnostic of(Message message) {
    return new Diagnostic(message, null, null);
  }

  /** The stable tag, as in {@code [jasyncio/Tag]}. */
  public String tag() {
    return message.tag();
  }

  /** The text javac prints: {@code [jasyncio/Tag] message}. */
  public String text() {
    return message.toString();
  }
}
