package io.jasyncio.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.jasyncio.processor.model.MethodModel;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Writes one {@link MethodModel} as JavaPoet: the state machine class and the method that
 * creates it. Touches neither javac nor the Filer.
 */
public final class StateMachineWriter {
  static final ClassName MACHINE = ClassName.get("io.jasyncio.internal", "CoroutineMachine");
  static final ClassName GENERATOR_MACHINE =
      ClassName.get("io.jasyncio.internal", "GeneratorMachine");
  static final ClassName ASYNC_GENERATOR_MACHINE =
      ClassName.get("io.jasyncio.internal", "AsyncGeneratorMachine");
  static final ClassName ORIGIN = ClassName.get("io.jasyncio.internal", "Origin");

  /**
   * The lines of code a machine's states may take in one method. A machine whose states are
   * written as more lines runs them in several methods, each holding a range of states of at
   * most this many lines (see {@link SplitResume}); below it the machine is one {@code resume()}.
   *
   * <p>The JVM allows a method 64 KB of code. Measured on the mix of {@code ManyAwaitsSource}
   * (benchmarks), a line of a machine's states compiles to 4-5 bytes (lambda bodies, which are
   * lines too, compile to methods of their own): one {@code resume()} passes 64 KB at about
   * 13,000 lines (700 awaits), and a range of 1,000 lines is 2.6-3.7 KB. A range would pass
   * 64 KB only at 65 bytes a line on average, and a typical one stays under HotSpot's 8,000
   * bytes past which the JIT never compiles a method ({@code -XX:+DontCompileHugeMethods}).
   */
  public static final int SPLIT_LINES = 1_000;

  private final String templateClass;
  private final int splitLines;

  /** A writer for methods of the class named {@code templateClass} in its package. */
  public StateMachineWriter(String templateClass) {
    this(templateClass, SPLIT_LINES);
  }

  /** The same, splitting machines whose states pass {@code splitLines} lines. */
  public StateMachineWriter(String templateClass, int splitLines) {
    this.templateClass = templateClass;
    this.splitLines = splitLines;
  }

  /** The machine class for {@code model}. */
  public TypeSpec machine(MethodModel model) {
    TypeSpec.Builder type = TypeSpec.classBuilder(model.machine())
        .addJavadoc("State machine for {@link $L#$L}, $L.\n", templateClass, model.name(),
            model.source())
        .addAnnotation(suppress(model.suppressed()))
        .addModifiers(Modifier.PRIVATE)
        .addTypeVariables(model.typeVariables())
        .addTypeVariables(model.machineTypeVariables())
        .superclass(ParameterizedTypeName.get(ClassName.bestGuess(model.kind().machine()),
            model.valueType().box()));
    if (model.isStatic()) {
      type.addModifiers(Modifier.STATIC);
    }
    type.addModifiers(Modifier.FINAL);

    if (model.kind() != io.jasyncio.processor.scan.MethodKind.GENERATOR) {
      addOrigin(type, model);
    }
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
        .addStatement("super($S)", model.name());
    for (MethodModel.Field p : model.parameters()) {
      FieldSpec.Builder field = FieldSpec.builder(p.type(), p.name(), Modifier.PRIVATE);
      if (p.isFinal()) {
        field.addModifiers(Modifier.FINAL);
      }
      type.addField(field.build());
      constructor.addParameter(p.type(), p.name());
      constructor.addStatement("this.$N = $N", p.name(), p.name());
    }
    for (MethodModel.Field h : model.hoisted()) {
      type.addField(FieldSpec.builder(h.type(), h.name(), Modifier.PRIVATE)
          .addJavadoc("$L\n", h.comment())
          .build());
    }
    type.addMethod(constructor.build());
    type.addMethods(resumeMethods(model));
    return type.build();
  }

  /**
   * The machine's origin, for async stack traces: the template's class, method and file, the
   * source line of each state, and a placeholder for the table of its lines, which the class
   * writer fills in once the file is formatted.
   */
  private static void addOrigin(TypeSpec.Builder type, MethodModel model) {
    String stateLines = model.states().stream().map(s -> Integer.toString(s.line()))
        .collect(Collectors.joining(", "));
    type.addField(FieldSpec.builder(ORIGIN, model.originField(), Modifier.PRIVATE,
            Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Where this machine's code is in $L, for stack traces.\n", model.fileName())
        .initializer("$T.of($S, $S, $S,\n$>$>$L,\n$L$<$<)", ORIGIN, model.templateClass(), model.name(),
            model.fileName(), SourceLines.placeholder(), stateLines)
        .build());
    type.addMethod(MethodSpec.methodBuilder("origin")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PROTECTED)
        .returns(ORIGIN)
        .addStatement("return $N", model.originField())
        .build());
  }

  /** {@code resume()}, and when its states pass {@link #splitLines}, the methods of their ranges. */
  private List<MethodSpec> resumeMethods(MethodModel model) {
    Protocol protocol = new Protocol(model.kind(), model.dispatchLabel());
    int[] lines = new int[model.states().size()];
    for (int i = 0; i < lines.length; i++) {
      lines[i] = linesOf(model.states().get(i), protocol);
    }
    List<StateRanges.Range> ranges = StateRanges.of(lines, splitLines);
    if (ranges.size() == 1) {
      return List.of(resume(model, protocol));
    }
    return new SplitResume(model, splitLines).methods(ranges);
  }

  /** How many lines {@code state} is written as: its case, its steps and its closing brace. */
  private static int linesOf(MethodModel.State state, Protocol protocol) {
    int lines = 2;
    for (io.jasyncio.processor.model.Step step : state.steps()) {
      lines += StateRanges.linesOf(protocol.code(step));
    }
    return lines;
  }

  /**
   * Writes {@code s} as a case of a switch over {@code state}: a block of its own when
   * {@code braced}, so locals of sibling Java blocks that land in one switch cannot clash.
   */
  static void writeState(CodeBlock.Builder body, MethodModel.State s, Protocol protocol,
      boolean braced) {
    if (braced) {
      body.add("case $L: { // $L\n", s.number(), s.comment()).indent();
    } else {
      body.add("case $L: // $L\n", s.number(), s.comment()).indent();
    }
    for (io.jasyncio.processor.model.Step step : s.steps()) {
      body.add("$L\n", SourceLines.mark(protocol.code(step), step.line()));
    }
    body.unindent();
    if (braced) {
      body.add("}\n");
    }
  }

  private MethodSpec resume(MethodModel model, Protocol protocol) {
    CodeBlock.Builder body = CodeBlock.builder();
    boolean routes = !model.handlers().isEmpty();
    if (model.dispatchLoop()) {
      // States jump to each other with "state = n; continue dispatch;". Each case is a block
      // of its own, so locals of sibling Java blocks that land in one switch cannot clash.
      body.add("$L:\n", model.dispatchLabel()).beginControlFlow("for (;;)");
    }
    if (routes) {
      body.beginControlFlow("try");
    }
    body.beginControlFlow("switch (state)");
    for (MethodModel.State s : model.states()) {
      writeState(body, s, protocol, model.dispatchLoop());
    }
    body.add("default:\n").indent()
        .addStatement("throw new $T($S + state)", IllegalStateException.class,
            model.machine() + " has no state ")
        .unindent()
        .endControlFlow();
    if (routes) {
      routeExceptions(body, model, protocol);
    }
    if (model.dispatchLoop()) {
      body.endControlFlow();
    }
    return MethodSpec.methodBuilder("resume")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PROTECTED)
        .addException(Throwable.class)
        .addCode(body.build())
        .build();
  }

  /**
   * Sends an exception thrown in a try block's states to its catch clause: the state that was
   * running says which try blocks enclose it, innermost first.
   */
  private static void routeExceptions(CodeBlock.Builder body, MethodModel model,
      Protocol protocol) {
    body.nextControlFlow("catch ($T $L)", Throwable.class, Protocol.THROWN);
    routes(body, model, protocol, "continue " + model.dispatchLabel() + ";");
    body.addStatement("throw $L", Protocol.THROWN)
        .endControlFlow();
  }

  /**
   * The switch over {@code state} that sends the exception {@code thrown} to the handler of the
   * try blocks around that state, innermost first: each route sets {@code state} to the handler
   * and ends with {@code goOn}; a state no handler takes falls out of the switch.
   */
  static void routes(CodeBlock.Builder body, MethodModel model, Protocol protocol,
      String goOn) {
    body.beginControlFlow("switch (state)");
    java.util.Map<String, List<Integer>> statesByRoute = new java.util.LinkedHashMap<>();
    int lastState = model.states().get(model.states().size() - 1).number();
    for (int s = 0; s <= lastState; s++) {
      StringBuilder route = new StringBuilder();
      for (MethodModel.Handler h : model.handlers()) {
        if (h.firstState() > s || s > h.lastState()) {
          continue;
        }
        String go = h.assignments().stream().map(protocol::code)
            .collect(Collectors.joining("\n")) + "\nstate = " + h.handlerState()
            + ";\n" + goOn + "\n";
        if (h.types().isEmpty()) {
          route.append(go); // a finally block takes everything: nothing after it is reached
          break;
        }
        String test = h.types().stream().map(t -> Protocol.THROWN + " instanceof " + t)
            .collect(Collectors.joining(" || "));
        route.append("if (").append(test).append(") {\n  ")
            .append(go.trim().replace("\n", "\n  ")).append("\n}\n");
      }
      if (route.length() > 0) {
        statesByRoute.computeIfAbsent(route.toString(), k -> new java.util.ArrayList<>()).add(s);
      }
    }
    for (java.util.Map.Entry<String, List<Integer>> r : statesByRoute.entrySet()) {
      for (int s : r.getValue()) {
        body.add("case $L:\n", s);
      }
      body.indent().add("$L", r.getKey());
      if (!r.getKey().endsWith(goOn + "\n") || r.getKey().endsWith("}\n")) {
        body.addStatement("break");
      }
      body.unindent();
    }
    body.endControlFlow();
  }

  /** The generated method that callers call: it creates the machine and runs nothing. */
  public MethodSpec factory(MethodModel model) {
    MethodSpec.Builder m = MethodSpec.methodBuilder(model.name())
        .addJavadoc(model.kind() == io.jasyncio.processor.scan.MethodKind.COROUTINE
            ? "Creates the coroutine of {@link $L#$L}; running it is awaiting it.\n"
            : "Creates the generator of {@link $L#$L}; each step runs it to its next yield.\n",
            templateClass, model.name())
        .addModifiers(model.visibility())
        .addTypeVariables(model.typeVariables())
        .returns(model.returnType())
        .addExceptions(model.thrown())
        .varargs(model.varargs());
    if (model.deprecated()) {
      m.addAnnotation(Deprecated.class);
    }
    if (model.safeVarargs()) {
      // The template promised safety; handing the array on to the machine is what it does.
      m.addAnnotation(SafeVarargs.class);
      m.addAnnotation(com.palantir.javapoet.AnnotationSpec.builder(SuppressWarnings.class)
          .addMember("value", "$S", "varargs").build());
    }
    if (model.isStatic()) {
      m.addModifiers(Modifier.STATIC);
    } else {
      m.addAnnotation(Override.class);
    }
    for (MethodModel.Field p : model.parameters()) {
      m.addParameter(p.type(), p.sourceName());
    }
    String args = model.parameters().stream().map(MethodModel.Field::sourceName)
        .collect(Collectors.joining(", "));
    String diamond = model.typeVariables().isEmpty() && model.machineTypeVariables().isEmpty()
        ? "" : "<>";
    m.addStatement("return new $L$L($L)", model.machine(), diamond, args);
    return m.build();
  }

  /** Fall-through between cases is the machine's design; the rest is what the template had. */
  private static com.palantir.javapoet.AnnotationSpec suppress(List<String> templates) {
    com.palantir.javapoet.AnnotationSpec.Builder a =
        com.palantir.javapoet.AnnotationSpec.builder(SuppressWarnings.class)
            .addMember("value", "$S", "fallthrough");
    for (String warning : templates) {
      a.addMember("value", "$S", warning);
    }
    return a.build();
  }

  /** Every type name the writer itself emits, so the class writer can import them safely. */
  static List<TypeName> ownTypes() {
    return List.of(MACHINE, GENERATOR_MACHINE, ASYNC_GENERATOR_MACHINE, ORIGIN,
        ClassName.get(IllegalStateException.class),
        ClassName.get(SuppressWarnings.class), ClassName.get(Override.class),
        ClassName.get(Throwable.class), AsyncClassWriter.GENERATED);
  }
}
