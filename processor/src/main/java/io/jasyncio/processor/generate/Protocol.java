package io.jasyncio.processor.generate;

import io.jasyncio.processor.model.Step;
import io.jasyncio.processor.scan.MethodKind;
import javax.lang.model.type.TypeKind;

/**
 * The runtime's protocol, spelled once: how a step of a state calls the members every machine
 * inherits ({@code CoroutineMachine}, {@code GeneratorMachine}, {@code AsyncGeneratorMachine})
 * and how it moves between the cases of {@code resume()}.
 */
final class Protocol {
  /** The name of the exception {@code resume()} catches to route it to a handler's state. */
  static final String THROWN = "thrown";

  private final MethodKind kind;
  private final String dispatchLabel;
  /** How a step leaves the method it runs in once the machine suspended or finished. */
  private final String stop;

  /** The protocol of a machine for a method of {@code kind} whose loop is {@code dispatchLabel}. */
  Protocol(MethodKind kind, String dispatchLabel) {
    this(kind, dispatchLabel, "return;");
  }

  /**
   * The same for steps written in a method that leaves with {@code stop} once the machine
   * suspended or finished: {@code "return false;"} in a method that runs a range of the states.
   */
  Protocol(MethodKind kind, String dispatchLabel, String stop) {
    this.kind = kind;
    this.dispatchLabel = dispatchLabel;
    this.stop = stop;
  }

  /** The Java text of {@code step}. */
  String code(Step step) {
    if (step instanceof Step.Code c) {
      return c.fill(SourceLines.mark(c.text(), c.lines()), this::code);
    }
    if (step instanceof Step.Block b) {
      StringBuilder inner = new StringBuilder();
      for (Step s : b.steps()) {
        inner.append(inner.length() == 0 ? "" : "\n").append(code(s));
      }
      return b.braced() ? "{\n  " + inner.toString().replace("\n", "\n  ") + "\n}"
          : inner.toString();
    }
    if (step instanceof Step.Suspend s) {
      return "if (suspendOn(" + value(s.awaitable()) + ", " + s.resumeState() + ")) {\n"
          + "  " + stop + " // " + s.where() + " suspends\n}";
    }
    if (step instanceof Step.Yield y) {
      return "produce(" + value(y.value()) + ", " + y.resumeState() + ");\n" + stop + " // "
          + y.where() + " yields";
    }
    if (step instanceof Step.Store s) {
      return s.store() + value(s.value()) + ");";
    }
    if (step instanceof Step.Assign a) {
      return (a.target() == null ? "" : a.target() + " = ") + value(a.value()) + ";";
    }
    if (step instanceof Step.KeepReachable k) {
      return "if (true) {\n  " + code(k.code()).replace("\n", "\n  ") + "\n}";
    }
    if (step instanceof Step.Catch c) {
      String target = c.field() != null ? c.field() : c.type() + " " + c.local();
      return target + " = (" + c.type() + ") " + c.caughtField() + ";\n" + c.caughtField()
          + " = null;";
    }
    if (step instanceof Step.Assert a) {
      return "if (" + value(new Step.AssertionsEnabled(a.assertionClass())) + " && !("
          + value(a.condition()) + ")) {\n  throw "
          + value(new Step.AssertionFailure(a.detail())).replace("\n", "\n  ") + ";\n}";
    }
    if (step instanceof Step.Throw t) {
      // An awaited exception is typed only here.
      return "throw " + (t.exception() instanceof Step.Resumed ? "(Throwable) " : "")
          + value(t.exception()) + ";";
    }
    if (step instanceof Step.Rethrow r) {
      return "throw " + r.thrownField() + ";";
    }
    if (step instanceof Step.Declare d) {
      return ChainWriter.declaration(d.type(), d.name(), d.value());
    }
    if (step instanceof Step.Evaluate e) {
      return ChainWriter.expression(e.expression()) + ";";
    }
    if (step instanceof Step.Jump j) {
      return jump(j.state());
    }
    if (step instanceof Step.JumpIf j) {
      String condition = value(j.condition());
      return "if (" + (j.when() ? condition : "!(" + condition + ")") + ") {\n  "
          + jump(j.state()).replace("\n", "\n  ") + "\n}";
    }
    if (step instanceof Step.Enter e) {
      return "state = " + e.state() + ";";
    }
    if (step instanceof Step.Complete c) {
      return (kind == MethodKind.ASYNC_GENERATOR ? "finish();" : "complete(" + value(c.value())
          + ");") + "\n" + stop;
    }
    if (step instanceof Step.When w) {
      StringBuilder inner = new StringBuilder();
      for (Step s : w.steps()) {
        inner.append(inner.length() == 0 ? "" : "\n").append(code(s));
      }
      return "if (" + value(w.condition()) + ") {\n  " + inner.toString().replace("\n", "\n  ")
          + "\n}";
    }
    if (step instanceof Step.Leave x) {
      return x.exitField() + " = " + exitCode(x.exit()) + ";\n"
          + (x.target() == null ? "" : x.targetField() + " = " + value(x.target()) + ";\n")
          + jump(Integer.toString(x.finallyState()));
    }
    if (step instanceof Step.JumpToStateIn j) {
      return jump(j.field());
    }
    if (step instanceof Step.Close c) {
      return "if (" + c.resource() + " != null) {\n"
          + "  if (" + c.exitField() + " == " + exitCode(Step.Exit.THROW) + ") {\n"
          + "    try {\n      " + c.resource() + ".close();\n"
          + "    } catch (Throwable closing) {\n      " + c.thrownField()
          + ".addSuppressed(closing);\n"
          + "    }\n"
          + "  } else {\n    " + c.resource() + ".close();\n  }\n}";
    }
    if (step instanceof Step.Closed c) {
      return "try {\n  awaited();\n} catch (Throwable closing) {\n  " + c.thrownField()
          + " = closing;\n  " + c.exitField() + " = " + exitCode(Step.Exit.THROW) + ";\n}";
    }
    if (step instanceof Step.Dispatch d) {
      StringBuilder text = new StringBuilder("switch (" + value(d.selector()) + ") {\n");
      for (Step.Arm arm : d.arms()) {
        text.append("  ").append(head(arm)).append(":\n    ")
            .append(arm.state() == Step.Arm.UNKNOWN ? UNKNOWN_CONSTANT + ";"
                : jump(arm.state()).replace("\n", "\n    "))
            .append('\n');
      }
      return text.append("}").toString();
    }
    if (step instanceof Step.SuspendForCase c) {
      StringBuilder chooser = new StringBuilder();
      c.arms().forEach(a -> chooser.append("    ").append(head(a)).append(" -> ")
          .append(a.state() == Step.Arm.UNKNOWN ? UNKNOWN_CONSTANT : a.state()).append(";\n"));
      return "{\n  var " + c.awaitableVar() + " = " + value(c.awaitable()).replace("\n", "\n  ")
          + ";\n  " + c.casesField() + " = cases(" + c.awaitableVar() + ", " + c.valueVar()
          + " -> switch (" + c.valueVar() + ") {\n" + chooser + "  });\n"
          + "  if (suspendOn(" + c.awaitableVar() + ", " + c.resumeState() + ")) {\n"
          + "    " + stop + " // " + c.where() + " suspends\n  }\n}";
    }
    if (step instanceof Step.JumpToCase j) {
      return jump(j.casesField() + ".applyAsInt(awaited())");
    }
    throw new IllegalArgumentException("no code for " + step);
  }

  /** {@code case A, B} or {@code default}. */
  private static String head(Step.Arm arm) {
    return arm.isDefault() ? "default" : "case " + String.join(", ", arm.constants());
  }

  /** What a switch expression with no default does for a constant it does not know. */
  private static final String UNKNOWN_CONSTANT = "throw new IncompatibleClassChangeError()";

  private String jump(int state) {
    return jump(Integer.toString(state));
  }

  private String jump(String state) {
    return "state = " + state + ";\ncontinue " + dispatchLabel + ";";
  }

  /** The constant of the runtime's {@code PendingExit} for {@code exit}. */
  static String exitCode(Step.Exit exit) {
    return "EXIT_" + exit.name();
  }

  /** The Java expression of {@code value}. */
  static String value(Step.Value value) {
    if (value instanceof Step.Text t) {
      return SourceLines.mark(t.java(), t.lines());
    }
    if (value instanceof Step.StateOf s) {
      return Integer.toString(s.state());
    }
    if (value instanceof Step.StateIn s) {
      return String.join(" || ", s.states().stream().map(n -> s.field() + " == " + n).toList());
    }
    if (value instanceof Step.HasNext h) {
      return h.iterator() + ".hasNext()";
    }
    if (value instanceof Step.IsNull n) {
      return value(n.value()) + " == null";
    }
    if (value instanceof Step.Chained c) {
      return ChainWriter.awaitable(c.chain());
    }
    if (value instanceof Step.Resumed r) {
      return (r.source() == Step.Source.AWAIT ? "awaited" : "received") + suffix(r.kind()) + "()";
    }
    if (value instanceof Step.Next n) {
      return (isPrimitive(n.kind()) ? "next" + suffix(n.kind()) : "nextElement") + "("
          + n.iterator() + ")";
    }
    if (value instanceof Step.Iterate i) {
      return "iterate(" + value(i.iterable()) + ")";
    }
    if (value instanceof Step.NextStep n) {
      return "anext(" + n.generator() + ")";
    }
    if (value instanceof Step.Exhausted) {
      return "exhausted()";
    }
    if (value instanceof Step.ExitCode e) {
      return exitCode(e.exit());
    }
    if (value instanceof Step.IsExit e) {
      return e.field() + " == " + exitCode(e.exit());
    }
    if (value instanceof Step.CloseAsync c) {
      return "closeAsync(" + c.resource() + ", " + c.exitField() + " == "
          + exitCode(Step.Exit.THROW) + " ? " + c.thrownField() + " : null)";
    }
    if (value instanceof Step.AssertionsEnabled a) {
      return a.topLevelClass() + ".class.desiredAssertionStatus()";
    }
    if (value instanceof Step.AssertionFailure f) {
      // An awaited detail, awaited(), takes the Object constructor, as Java's assert does for
      // a boxed value too: the message reads the same, and a Throwable is also the cause.
      return "new AssertionError(" + (f.detail() == null ? "" : value(f.detail())) + ")";
    }
    if (value instanceof Step.Thrown) {
      return THROWN;
    }
    throw new IllegalArgumentException("no code for " + value);
  }

  private static boolean isPrimitive(TypeKind kind) {
    return kind.isPrimitive();
  }

  /** The member of a family ({@code awaitedInt}, {@code nextInt}) that reads a {@code kind}. */
  private static String suffix(TypeKind kind) {
    return switch (kind) {
      case BOOLEAN -> "Boolean";
      case BYTE -> "Byte";
      case SHORT -> "Short";
      case CHAR -> "Char";
      case INT -> "Int";
      case LONG -> "Long";
      case FLOAT -> "Float";
      case DOUBLE -> "Double";
      default -> "";
    };
  }
}
