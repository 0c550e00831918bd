package io.jasyncio.processor.model;

import java.util.List;
import javax.lang.model.type.TypeKind;

/**
 * One step of a state of the machine, as data: the writer spells the runtime's protocol for
 * each (suspending, reading the resumed value, jumping, completing) and writes its Java.
 *
 * <p>{@link Code} is the template's code, copied with its names edited; the jumps patched into
 * a copied statement are steps inline in it. An expression that awaits inside it is a
 * {@link Chain} ({@link Chained}). The model writes no Java of its own: the writer spells every
 * step. Every step knows the source line it came from (0: none), which the writer marks on its
 * first line for the line table of the machine's origin.
 *
 * <p>A state number in a step is a label's id while the lowering runs, and the state's number
 * once {@link Lowering} resolves it.
 */
public sealed interface Step {
  /** The source line the step came from, or 0. */
  int line();

  /**
   * Java text, as is, but for the steps written into it ({@code inline}): a jump patched into a
   * copied statement stands in {@code text} as {@link #placeholder}{@code (i)}, and its lines
   * are indented as the placeholder's line is. {@code lines} holds the template line of each
   * line of {@code text} (the code of a placeholder's step on the placeholder's), or is empty
   * when the text is not the template's (all of it then comes from {@code line}).
   */
  record Code(String text, int line, List<Step> inline, List<Integer> lines) implements Step {
    /** The character a placeholder starts and ends with. */
    public static final char INLINE = '\u0003';

    public Code {
      lines = List.copyOf(lines);
    }

    public Code(String text, int line) {
      this(text, line, List.of(), List.of());
    }

    public Code(String text, int line, List<Step> inline) {
      this(text, line, inline, List.of());
    }

    /** Where the {@code i}-th inline step stands in the text. */
    public static String placeholder(int i) {
      return INLINE + Integer.toString(i) + INLINE;
    }

    /**
     * {@code text} with each placeholder replaced by what {@code write} makes of its step, each
     * line after the first indented as the placeholder's line is.
     */
    public String fill(java.util.function.Function<Step, String> write) {
      return fill(text, write);
    }

    /**
     * {@link #fill(java.util.function.Function)} over {@code marked}, this code's text with
     * marks the writer laid after the indentation of its lines.
     */
    public String fill(String marked, java.util.function.Function<Step, String> write) {
      String out = marked;
      for (int i = 0; i < inline.size(); i++) {
        String mark = placeholder(i);
        int at = out.indexOf(mark);
        if (at < 0) {
          continue;
        }
        int lineStart = out.lastIndexOf('\n', at) + 1;
        int indent = lineStart;
        while (indent < at && out.charAt(indent) == ' ') {
          indent++;
        }
        String pad = " ".repeat(indent - lineStart);
        out = out.substring(0, at) + write.apply(inline.get(i)).replace("\n", "\n" + pad)
            + out.substring(at + mark.length());
      }
      return out;
    }

    @Override
    public String toString() {
      return fill(s -> "[" + s + "]");
    }
  }

  /**
   * Suspends on {@code awaitable}; the machine goes on in {@code resumeState} once it is done,
   * at once when it already is. {@code where} names the await ({@code Kitchen.java:23}).
   */
  record Suspend(Value awaitable, int resumeState, String where, int line) implements Step {
    @Override
    public String toString() {
      return "suspend on " + awaitable + ", resume in " + resumeState;
    }
  }

  /**
   * A generator's yield: hands {@code value} (Java text) to its consumer and returns; the next
   * step resumes in {@code resumeState}. {@code where} names the yield.
   */
  record Yield(Text value, int resumeState, String where, int line) implements Step {
    @Override
    public String toString() {
      return "yield " + value + ", resume in " + resumeState;
    }
  }

  /**
   * Stores {@code value} in {@code target} (a declaration {@code final int x}, a field, any
   * assignable text), or evaluates it for its effect only when {@code target} is null.
   */
  record Assign(String target, Value value, int line) implements Step {
    @Override
    public String toString() {
      return (target == null ? "" : target + " = ") + value;
    }
  }

  /**
   * Stores {@code value} in a private field of the template through its accessor: {@code store}
   * is the accessor's call up to the value ({@code count$set(self, }), the value and {@code )}
   * follow.
   */
  record Store(String store, Value value, int line) implements Step {
    @Override
    public String toString() {
      return store + value + ")";
    }
  }

  /**
   * Declares local {@code name} of {@code type}, its modifiers included ({@code null}:
   * {@code var}), holding {@code value} (null: none yet).
   */
  record Declare(String type, String name, Expr value, int line) implements Step {
    @Override
    public String toString() {
      return "declare " + name + " = " + value;
    }
  }

  /** Evaluates {@code expression} for its effect. */
  record Evaluate(Expr expression, int line) implements Step {
    @Override
    public String toString() {
      return "evaluate " + expression;
    }
  }

  /**
   * Steps patched into copied code in place of a statement: in braces unless the statement
   * stood in a block or a case, where several statements may stand.
   */
  record Block(List<Step> steps, boolean braced, int line) implements Step {
    @Override
    public String toString() {
      return steps.toString();
    }
  }

  /**
   * Runs {@code code} inside {@code if (true)}: javac may judge a copied statement unable to
   * complete normally where the lowering cannot tell, and what follows must stay reachable.
   */
  record KeepReachable(Code code, int line) implements Step {
    @Override
    public String toString() {
      return "reachable after " + code;
    }
  }

  /**
   * A catch clause's start: the exception {@code resume()} caught, held in field
   * {@code caughtField}, goes to the clause's parameter as a {@code type} (field {@code field},
   * or else local {@code local}), and the field lets it go.
   */
  record Catch(String caughtField, String type, String field, String local, int line)
      implements Step {
    @Override
    public String toString() {
      return "catch " + type + " into " + (field != null ? field : local);
    }
  }

  /** Throws the exception held in field {@code thrownField}: a finally block let it wait. */
  record Rethrow(String thrownField, int line) implements Step {
    @Override
    public String toString() {
      return "throw " + thrownField;
    }
  }

  /**
   * A template's {@code assert condition : detail;} that does not await, as javac runs it but
   * with the assertion status of the template's top-level class {@code assertionClass}: when
   * assertions are on and {@code condition} is false, throws an {@code AssertionError} of
   * {@code detail} (none when null).
   */
  record Assert(String assertionClass, Value condition, Value detail, int line) implements Step {
    @Override
    public String toString() {
      return "assert " + condition + (detail == null ? "" : " : " + detail);
    }
  }

  /** Throws {@code exception}, the value of a template's {@code throw} that awaited. */
  record Throw(Value exception, int line) implements Step {
    @Override
    public String toString() {
      return "throw " + exception;
    }
  }

  /** Goes on in {@code state}. */
  record Jump(int state, int line) implements Step {
    @Override
    public String toString() {
      return "jump to " + state;
    }
  }

  /** Goes on in {@code state} when {@code condition} is {@code when}. */
  record JumpIf(Value condition, boolean when, int state, int line) implements Step {
    @Override
    public String toString() {
      return "jump to " + state + " if " + (when ? "" : "not ") + condition;
    }
  }

  /**
   * Records that the machine now runs {@code state}, which the next case is, before falling
   * into it: a catch clause is chosen by the state that was running.
   */
  record Enter(int state, int line) implements Step {
    @Override
    public String toString() {
      return "enter " + state;
    }
  }

  /** Finishes the machine with {@code value} (a generator: without it) and returns. */
  record Complete(Value value, int line) implements Step {
    @Override
    public String toString() {
      return "complete " + value;
    }
  }

  /**
   * One arm of a switch that picks the state of the case its selector matches: the case's
   * constants as the template wrote them (none: {@code default}) and that case's state, or
   * {@link #UNKNOWN} for a switch expression's default over an enum that gained a constant,
   * which throws as Java's.
   */
  record Arm(List<String> constants, int state) {
    /** The state of no case: the switch expression throws. */
    public static final int UNKNOWN = -1;

    /** Whether this is the {@code default} arm (it has no constants). */
    public boolean isDefault() {
      return constants.isEmpty();
    }
  }

  /** Goes on in the state of the case {@code selector} matches. */
  record Dispatch(Value selector, List<Arm> arms, int line) implements Step {
    @Override
    public String toString() {
      return "dispatch on " + selector + " " + arms;
    }
  }

  /**
   * Suspends on {@code awaitable}, a switch's awaited selector, held in local
   * {@code awaitableVar}; field {@code casesField} then keeps how its value (named
   * {@code valueVar}) picks the state of the matching case, which {@link JumpToCase} reads
   * once the machine resumed in {@code resumeState}.
   */
  record SuspendForCase(Value awaitable, String awaitableVar, String casesField,
      String valueVar, List<Arm> arms, int resumeState, String where, int line)
      implements Step {
    @Override
    public String toString() {
      return "suspend on " + awaitable + " for a case " + arms + ", resume in " + resumeState;
    }
  }

  /** Goes on in the state of the case the awaited selector picks (see {@link SuspendForCase}). */
  record JumpToCase(String casesField, int line) implements Step {
    @Override
    public String toString() {
      return "jump to the case " + casesField + " picks";
    }
  }

  /** What a step computes: Java text, or one of the runtime's values. */
  sealed interface Value {}

  /**
   * Java text, as is; {@code lines} holds the template line of each of its lines, or is empty
   * when it is not the template's code.
   */
  record Text(String java, List<Integer> lines) implements Value {
    public Text {
      lines = List.copyOf(lines);
    }

    public Text(String java) {
      this(java, List.of());
    }

    @Override
    public String toString() {
      return java;
    }
  }

  /** The awaitable that runs {@code chain}, an expression that awaits inside it. */
  record Chained(Chain chain) implements Value {
    @Override
    public String toString() {
      return "chain " + chain;
    }
  }

  /** How the value the machine resumed with is read. */
  enum Source {
    /** The result of the awaitable it suspended on. */
    AWAIT,
    /** The value a generator's consumer sent in at a yield. */
    SEND
  }

  /**
   * The value the machine resumed with, read as a target of {@code kind} takes it (a primitive
   * unboxed, anything else as is), as assignment conversion would.
   */
  record Resumed(Source source, TypeKind kind) implements Value {
    @Override
    public String toString() {
      return (source == Source.AWAIT ? "awaited " : "sent ") + kind.name().toLowerCase();
    }
  }

  /** The next element of the loop's iterator in field {@code iterator}, as a {@code kind}. */
  record Next(String iterator, TypeKind kind) implements Value {
    @Override
    public String toString() {
      return "next " + kind.name().toLowerCase() + " of " + iterator;
    }
  }

  /** The number of {@code state}: a label's id while the lowering runs. */
  record StateOf(int state) implements Value {
    @Override
    public String toString() {
      return "state " + state;
    }
  }

  /** Whether field {@code field} holds the number of one of {@code states}. */
  record StateIn(String field, List<Integer> states) implements Value {
    @Override
    public String toString() {
      return field + " in " + states;
    }
  }

  /** Whether the loop's iterator in field {@code iterator} has a next element. */
  record HasNext(String iterator) implements Value {
    @Override
    public String toString() {
      return "has next " + iterator;
    }
  }

  /** Whether {@code value} is null. */
  record IsNull(Value value) implements Value {
    @Override
    public String toString() {
      return value + " is null";
    }
  }

  /** An iterator over {@code iterable}, a split enhanced for's. */
  record Iterate(Value iterable) implements Value {
    @Override
    public String toString() {
      return "iterator of " + iterable;
    }
  }

  /** The awaitable of the next step of the async generator in field {@code generator}. */
  record NextStep(String generator) implements Value {
    @Override
    public String toString() {
      return "next step of " + generator;
    }
  }

  /** Whether the async generator the machine resumed from has finished. */
  record Exhausted() implements Value {
    @Override
    public String toString() {
      return "exhausted";
    }
  }

  /** Runs {@code steps} when {@code condition} holds. */
  record When(Value condition, List<Step> steps, int line) implements Step {
    @Override
    public String toString() {
      StringBuilder out = new StringBuilder("when " + condition + ":");
      steps.forEach(s -> out.append("\n  ").append(s.toString().replace("\n", "\n  ")));
      return out.toString();
    }
  }

  /**
   * Leaves a try block through its finally block, which starts in {@code finallyState}: records
   * how ({@code exit}, in field {@code exitField}) and, for a jump, where to ({@code target}, in
   * field {@code targetField}), which the finally block takes once it ran.
   */
  record Leave(String exitField, Exit exit, String targetField, Value target, int finallyState,
      int line) implements Step {
    @Override
    public String toString() {
      return "leave by " + exit.name().toLowerCase() + (target == null ? "" : " to " + target)
          + " through " + finallyState;
    }
  }

  /** Goes on in the state field {@code field} holds: a jump a finally block let wait. */
  record JumpToStateIn(String field, int line) implements Step {
    @Override
    public String toString() {
      return "jump to state in " + field;
    }
  }

  /**
   * Closes {@code resource} at the end of a try-with-resources block, unless it is null; a
   * failure to close while an exception (in {@code thrownField}) is on its way is added to it
   * as suppressed.
   */
  record Close(String resource, String exitField, String thrownField, int line)
      implements Step {
    @Override
    public String toString() {
      return "close " + resource;
    }
  }

  /**
   * Reads the result of an async resource's {@code closeAsync}: what it threw replaces the
   * pending exit (an exception in {@code thrownField}).
   */
  record Closed(String exitField, String thrownField, int line) implements Step {
    @Override
    public String toString() {
      return "closed, or throw";
    }
  }

  /**
   * How a try block with a finally block was left: the codes its pending-exit field takes (the
   * runtime's {@code PendingExit}, which every machine inherits).
   */
  enum Exit { NORMAL, THROW, RETURN, JUMP }

  /** The code {@code exit}, as the pending-exit field holds it. */
  record ExitCode(Exit exit) implements Value {
    @Override
    public String toString() {
      return exit.name().toLowerCase();
    }
  }

  /** Whether pending-exit field {@code field} holds {@code exit}. */
  record IsExit(String field, Exit exit) implements Value {
    @Override
    public String toString() {
      return field + " is " + exit.name().toLowerCase();
    }
  }

  /**
   * The awaitable that closes async resource {@code resource}, given the exception leaving its
   * block ({@code thrownField}, when {@code exitField} says one is) or null.
   */
  record CloseAsync(String resource, String exitField, String thrownField) implements Value {
    @Override
    public String toString() {
      return "close " + resource + " async";
    }
  }

  /**
   * Whether assertions are on for {@code topLevelClass}, the template's top-level class (as
   * source, qualified): the class whose status Java's {@code assert} follows in the template.
   */
  record AssertionsEnabled(String topLevelClass) implements Value {
    @Override
    public String toString() {
      return "assertions of " + topLevelClass;
    }
  }

  /**
   * A new {@code AssertionError} with {@code detail} as its message (and cause, when it is a
   * Throwable), or with none when {@code detail} is null, as a failed {@code assert} makes it.
   */
  record AssertionFailure(Value detail) implements Value {
    @Override
    public String toString() {
      return "assertion error " + detail;
    }
  }

  /** The exception {@code resume()} caught, which the machine hands to a catch clause's state. */
  record Thrown() implements Value {
    @Override
    public String toString() {
      return "thrown";
    }
  }
}
