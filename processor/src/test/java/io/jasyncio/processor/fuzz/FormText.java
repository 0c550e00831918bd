package io.jasyncio.processor.fuzz;

import io.jasyncio.processor.fuzz.Ast.Expr;
import io.jasyncio.processor.fuzz.Ast.Form;
import io.jasyncio.processor.fuzz.Ast.FormStmt;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the text of a {@link Form} or a {@link FormStmt}: the same text for both versions of a
 * body, with holes for int expressions, and where the {@code @Async} body awaits, what the plain
 * body writes instead.
 */
final class FormText {
  private final List<String> async = new ArrayList<>(List.of(""));
  private final List<String> plain = new ArrayList<>(List.of(""));
  private final List<Expr> holes = new ArrayList<>();
  private final List<String> reads = new ArrayList<>();
  private boolean awaits;
  private boolean visible;

  /** Text both versions write. */
  FormText text(String text) {
    return split(text, text);
  }

  /** Text that differs: {@code asyncText} in the {@code @Async} body, else {@code plainText}. */
  FormText split(String asyncText, String plainText) {
    async.set(async.size() - 1, async.get(async.size() - 1) + asyncText);
    plain.set(plain.size() - 1, plain.get(plain.size() - 1) + plainText);
    return this;
  }

  /**
   * The start of an await of the typed helper {@code slowX}, whose plain twin is
   * {@code v(keepX(...))}; the caller closes it with {@code "))"}.
   */
  FormText await(String suffix) {
    awaits = true;
    return split("await(slow" + suffix + "(", "v(keep" + suffix + "(");
  }

  /** Marks the text as awaiting (its await is written with {@link #split}). */
  FormText awaiting() {
    awaits = true;
    return this;
  }

  /** Marks the text as logging or throwing. */
  FormText visible() {
    visible = true;
    return this;
  }

  FormText hole(Expr e) {
    holes.add(e);
    async.add("");
    plain.add("");
    return this;
  }

  /** A local, field or array element, written and recorded as read. */
  FormText read(String name) {
    reads.add(Flow.base(name));
    return text(name);
  }

  boolean awaits() {
    return awaits;
  }

  Form expr(String shape) {
    return new Form(shape, List.copyOf(async), List.copyOf(plain), List.copyOf(holes),
        List.copyOf(reads), awaits, visible);
  }

  FormStmt stmt(String shape, String declares, boolean completes) {
    return new FormStmt(shape, List.copyOf(async), List.copyOf(plain), List.copyOf(holes),
        declares, List.copyOf(reads), awaits, completes);
  }
}
