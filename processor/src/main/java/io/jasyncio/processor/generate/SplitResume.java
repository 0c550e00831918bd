package io.jasyncio.processor.generate;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import io.jasyncio.processor.model.MethodModel;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes the {@code resume()} of a machine whose states are too many lines for one method (see
 * {@link StateMachineWriter#SPLIT_LINES}): a dispatcher, and one method per range of states.
 *
 * <p>Each range method ({@code resumeStates0To99()}) is the switch of one {@code resume()} over
 * its own states, in its own dispatch loop: its steps are written as they would be there, jumps
 * within the range included ({@code state = n; continue dispatch;}). What leaves the range returns
 * to the dispatcher: a jump to a state of another range finds no case and returns {@code true},
 * and so does falling through past the range's last state (its case sets {@code state} first);
 * a suspension, a yield and completion return {@code false}, and the dispatcher returns.
 * Exceptions are caught in the dispatcher and routed by {@code state}, as in one
 * {@code resume()}, so a try block may span ranges; the routing's switch is a method of its own
 * ({@code routeToHandler}), which keeps the dispatcher small.
 *
 * <p>No local of the machine's code is lost by a cut: a local that is not a field of the machine
 * is only used in the state that declares it ({@code HoistedLocals} hoists any other), so any
 * boundary between states is a boundary where no such local is live.
 */
final class SplitResume {
  /** The javac option that sets the threshold, named in the dispatcher's comment. */
  private static final String OPTION = "jasyncio.splitLines";

  private final MethodModel model;
  private final int splitLines;
  private final Protocol protocol;
  private final String prefix;
  private final String routeName;
  /** The code of every step, read once to choose names it does not use. */
  private String code;

  SplitResume(MethodModel model, int splitLines) {
    this.model = model;
    this.splitLines = splitLines;
    this.protocol = new Protocol(model.kind(), model.dispatchLabel(), "return false;");
    this.prefix = fresh("resumeStates");
    this.routeName = fresh("routeToHandler");
  }

  /** The dispatcher {@code resume()} and the method of each of {@code ranges}, in order. */
  List<MethodSpec> methods(List<StateRanges.Range> ranges) {
    List<MethodSpec> out = new ArrayList<>();
    out.add(dispatcher(ranges));
    if (!model.handlers().isEmpty()) {
      out.add(routing());
    }
    for (int r = 0; r < ranges.size(); r++) {
      out.add(range(ranges.get(r), r + 1 < ranges.size() ? ranges.get(r + 1) : null));
    }
    return out;
  }

  private MethodSpec dispatcher(List<StateRanges.Range> ranges) {
    CodeBlock.Builder body = CodeBlock.builder()
        .add("// The states run in $L methods, each a range of states of about $L lines at most\n",
            ranges.size(), String.format(java.util.Locale.ROOT, "%,d", splitLines))
        .add("// ($L): one method holding them all could pass the JVM's 64 KB limit.\n",
            OPTION)
        .beginControlFlow("for (;;)");
    boolean routes = !model.handlers().isEmpty();
    if (routes) {
      body.beginControlFlow("try");
    }
    body.addStatement("boolean goesOn");
    for (int r = 0; r < ranges.size(); r++) {
      StateRanges.Range range = ranges.get(r);
      String test = r == 0
          ? "state >= " + first(range) + " && state <= " + last(range)
          : "state <= " + last(range);
      if (r == 0) {
        body.beginControlFlow("if ($L)", test);
      } else {
        body.nextControlFlow("else if ($L)", test);
      }
      body.addStatement("goesOn = $L()", name(range));
    }
    body.nextControlFlow("else")
        .addStatement("throw new $T($S + state)", IllegalStateException.class,
            model.machine() + " has no state ")
        .endControlFlow()
        .beginControlFlow("if (!goesOn)")
        .add("return; // suspended, yielded or finished\n")
        .endControlFlow();
    if (routes) {
      body.nextControlFlow("catch ($T $L)", Throwable.class, Protocol.THROWN)
          .beginControlFlow("if (!$L($L))", routeName, Protocol.THROWN)
          .addStatement("throw $L", Protocol.THROWN)
          .endControlFlow()
          .endControlFlow();
    }
    body.endControlFlow();
    return MethodSpec.methodBuilder("resume")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PROTECTED)
        .addException(Throwable.class)
        .addCode(body.build())
        .build();
  }

  /**
   * The routing of exceptions to catch clauses, as one {@code resume()} has it after its switch,
   * in a method of its own: it runs only when an exception is thrown, and the dispatcher stays
   * small enough for the JIT to compile (HotSpot compiles no method over 8,000 bytes).
   */
  private MethodSpec routing() {
    CodeBlock.Builder body = CodeBlock.builder();
    StateMachineWriter.routes(body, model, protocol, "return true;");
    body.addStatement("return false");
    return MethodSpec.methodBuilder(routeName)
        .addJavadoc("Sends {@code $L} to the catch clause or finally block of the try blocks "
            + "around the\nstate that was running, innermost first.\n\n"
            + "@return whether one takes it, in the state it set\n", Protocol.THROWN)
        .addModifiers(Modifier.PRIVATE)
        .returns(boolean.class)
        .addParameter(Throwable.class, Protocol.THROWN)
        .addCode(body.build())
        .build();
  }

  /** The method of {@code range}; {@code next} is the range after it, or null. */
  private MethodSpec range(StateRanges.Range range, StateRanges.Range next) {
    CodeBlock.Builder body = CodeBlock.builder()
        .add("$L:\n", model.dispatchLabel())
        .beginControlFlow("for (;;)")
        .beginControlFlow("switch (state)");
    for (int i = range.first(); i <= range.last(); i++) {
      StateMachineWriter.writeState(body, model.states().get(i), protocol, true);
    }
    int after = last(range) + 1;
    body.add("case $L: // $L\n", after,
            next == null ? "past the last state" : "the first state of " + name(next) + "()")
        .indent()
        .addStatement("state = $L", after)
        .addStatement("return true")
        .unindent()
        .add("default: // a state of another range\n")
        .indent()
        .addStatement("return true")
        .unindent()
        .endControlFlow()
        .endControlFlow();
    return MethodSpec.methodBuilder(name(range))
        .addJavadoc("Runs states $L to $L of {@link #resume}$L, from {@code state}.\n\n"
            + "@return true to go on in the state it set, which another method runs; false once\n"
            + "    the machine has suspended, yielded or finished\n", first(range), last(range),
            lines(range))
        .addModifiers(Modifier.PRIVATE)
        .returns(boolean.class)
        .addException(Throwable.class)
        .addCode(body.build())
        .build();
  }

  /** {@code ", Flow.java:12-40"}: the source lines the range's states start at. */
  private String lines(StateRanges.Range range) {
    int low = Integer.MAX_VALUE;
    int high = 0;
    for (int i = range.first(); i <= range.last(); i++) {
      int line = model.states().get(i).line();
      if (line > 0) {
        low = Math.min(low, line);
        high = Math.max(high, line);
      }
    }
    if (high == 0) {
      return "";
    }
    return ", " + model.fileName() + ":" + low + (high == low ? "" : "-" + high);
  }

  private int first(StateRanges.Range range) {
    return model.states().get(range.first()).number();
  }

  private int last(StateRanges.Range range) {
    return model.states().get(range.last()).number();
  }

  private String name(StateRanges.Range range) {
    return prefix + first(range) + "To" + last(range);
  }

  /**
   * {@code name}, unless the machine's code already says that word (a method of the template's
   * so named, which a machine's method of that name would hide): then {@code name2_}...
   */
  private String fresh(String name) {
    String candidate = name;
    for (int n = 2; mentions(model, candidate); n++) {
      candidate = name + n + "_";
    }
    return candidate;
  }

  private boolean mentions(MethodModel model, String word) {
    if (code == null) {
      StringBuilder all = new StringBuilder();
      for (MethodModel.State s : model.states()) {
        for (io.jasyncio.processor.model.Step step : s.steps()) {
          all.append(protocol.code(step)).append('\n');
        }
      }
      code = all.toString();
    }
    return code.contains(word);
  }
}
