package io.jasyncio.processor.model;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.tree.YieldTree;
import io.jasyncio.processor.scan.SourceText;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lowers a method body into the states of a state machine.
 *
 * <p>A statement that contains no suspension is copied as written. One that does is split: a
 * block statement by statement, an {@code if} or a loop into states joined by jumps
 * ({@code state = n; continue dispatch;}), and each await into a suspension that continues in a
 * new state. {@code break} and {@code continue} in copied code that leave a split statement
 * become jumps too.
 *
 * <p>It runs twice over the same body: the first run only records in which state each piece of
 * code runs (so the modeler can tell which locals live across a suspension), the second emits
 * the code.
 *
 * <p>This class keeps the states, the labels code jumps to and the jumps themselves (through
 * the finally blocks in between), and lowers blocks, {@code if} and labeled statements; each
 * other construct has its own class: {@link LoopLowering}, {@link SwitchLowering},
 * {@link TryLowering}, {@link SuspensionLowering} (statements that suspend) and
 * {@link CopiedStatements} (statements that do not).
 */
final class Lowering {
  /**
   * What the lowering asks of the modeler about the template's suspensions and returns; names,
   * types, hoisted locals and source text come from the modeler's parts directly.
   */
  interface Forms {
    String fileName();

    boolean isDoneCall(ExpressionTree e);

    /** The await call a statement form or condition holds, or null. */
    MethodInvocationTree awaitIn(Tree formOrCondition);

    /** The value a copied {@code return} finishes with: done's argument, or a generator's. */
    String returnValue(ReturnTree r);

    /** Whether {@code call} is {@code Generator.yield(...)} rather than an await. */
    boolean isYield(MethodInvocationTree call);

    /** Whether {@code call} is {@code aiter(gen)}, an enhanced for's async source. */
    boolean isAiter(MethodInvocationTree call);

    /** The statement that finishes the machine with {@code value} (a return's value). */
    String finishText(String value);

    /** Whether an await stands inside the expression of {@code owner} (not as all of it). */
    boolean awaitsInExpression(Tree owner);

    /** The chain of continuations that evaluates {@code e} and hands its value to {@code end}. */
    ExpressionAwaits.Code chain(ExpressionTree e,
        java.util.function.Function<String, ExpressionAwaits.Code> end);

    /** The method's result type {@code T} of {@code Coroutine<T>}, as source. */
    String resultType();

    /** Whether an await stands inside {@code t}. */
    boolean suspendsIn(Tree t);

    /**
     * Declarations of the copies that the template's lambdas and classes in {@code unit} read
     * instead of the machine's fields, to emit right before the code of {@code unit}, which
     * then names them; {@code chain} when the unit becomes a chain of continuations.
     */
    List<String> copiesBefore(Tree unit, boolean chain);
  }


  final Forms forms;
  final SourceText source;
  final MachineNames names;
  final VariableTypes types;
  final HoistedLocals locals;
  private final Set<Tree> suspending;
  final boolean emit;
  private final boolean trackState;
  private final List<MethodModel.State> states = new ArrayList<>();
  final Map<Tree, Integer> fragments = new IdentityHashMap<>();
  final Deque<Target> targets = new ArrayDeque<>();
  private final List<Label> allLabels = new ArrayList<>();
  final Deque<Region> regions = new ArrayDeque<>();
  final Set<Tree> declaredTypes =
      java.util.Collections.newSetFromMap(new IdentityHashMap<>());
  private List<String> code = new ArrayList<>();
  /** The source line of the statement being lowered, marked on the code emitted for it. */
  private int sourceLine;
  /** The source line of the state being built (see {@link MethodModel.State#line()}). */
  private int stateLine;
  private String comment;
  int number;
  boolean terminated;
  boolean splitAny;
  boolean stateSet;
  final LoopLowering loops = new LoopLowering(this);
  final SwitchLowering switches = new SwitchLowering(this);
  final TryLowering tries = new TryLowering(this);
  final SuspensionLowering suspensions = new SuspensionLowering(this);
  final CopiedStatements copying = new CopiedStatements(this);

  /** A place code jumps to: a state whose number is known once it starts. */
  static final class Label {
    final int id;
    int number = -1;

    Label(int id) {
      this.id = id;
    }

    String ref() {
      return "\u0000" + id + "\u0000";
    }
  }

  /**
   * A split statement that break or continue may leave: a loop (continueTo set), a switch
   * (breakable), or a labeled statement (only by its label).
   */
  record Target(Tree statement, String label, Label breakTo, Label continueTo,
      boolean breakable, int finallies) {
    Target(Tree statement, String label, Label breakTo, Label continueTo, boolean breakable) {
      this(statement, label, breakTo, continueTo, breakable, -1);
    }

    Target(Tree statement, String label, Label breakTo, Label continueTo) {
      this(statement, label, breakTo, continueTo, continueTo != null, -1);
    }
  }

  /**
   * A split try statement with a finally block, while its try and catch blocks are lowered:
   * every way out of them goes through the finally states, which then take the pending exit.
   */
  static final class Region {
    final Label finallyStart;
    final MachineNames.ExitFields fields;
    final Region outer;
    /** Jump targets the finally continues to, and whether each leaves the outer region too. */
    final Map<Label, Boolean> jumps = new java.util.LinkedHashMap<>();

    Region(Label finallyStart, MachineNames.ExitFields fields, Region outer) {
      this.finallyStart = finallyStart;
      this.fields = fields;
      this.outer = outer;
    }
  }

  /**
   * @param forms the modeler's answers about suspensions and returns
   * @param suspending every statement (and the body) that contains a suspension
   * @param emit false for the first run, which only records states
   * @param trackState whether falling into the next case must set {@code state}, because
   *     exceptions are routed by it (the body has a split try statement)
   */
  Lowering(Forms forms, SourceText source, MachineNames names, VariableTypes types,
      HoistedLocals locals, Set<Tree> suspending, boolean emit, boolean trackState) {
    this.forms = forms;
    this.source = source;
    this.names = names;
    this.types = types;
    this.locals = locals;
    this.suspending = suspending;
    this.emit = emit;
    this.trackState = trackState;
  }

  /** Lowers {@code body}; returns the states (empty when not emitting). */
  List<MethodModel.State> lower(BlockTree body) {
    stateLine = body.getStatements().isEmpty() ? 0 : source.line(body.getStatements().get(0));
    comment = stateLine == 0 ? forms.fileName() : forms.fileName() + ":" + stateLine;
    for (StatementTree s : body.getStatements()) {
      statement(s);
    }
    close();
    if (!emit) {
      return states;
    }
    dropUnreachableEnd();
    List<MethodModel.State> resolved = new ArrayList<>();
    for (MethodModel.State s : states) {
      List<String> lines = new ArrayList<>();
      for (String line : s.code()) {
        lines.add(resolve(line));
      }
      resolved.add(new MethodModel.State(s.number(), s.comment(), s.line(), lines));
    }
    return resolved;
  }

  /**
   * Drops the empty state after a split statement that ends the method ({@code if} whose
   * branches both return, a try block that returns through its finally): no jump goes there,
   * and an empty last case would read as falling into the switch's {@code default} throw. The
   * fall-through marker {@code state = n;} into it goes too.
   */
  private void dropUnreachableEnd() {
    MethodModel.State last = states.get(states.size() - 1);
    if (states.size() < 2 || !last.code().isEmpty()) {
      return;
    }
    Label end = allLabels.stream().filter(l -> l.number == last.number()).findFirst()
        .orElseThrow();
    List<String> before = states.get(states.size() - 2).code();
    String marker = "state = " + end.ref() + ";";
    boolean marked = !before.isEmpty()
        && SourceLines.strip(before.get(before.size() - 1)).equals(marker);
    List<String> rest = marked ? before.subList(0, before.size() - 1) : before;
    for (MethodModel.State s : states) {
      for (String line : s.code() == before ? rest : s.code()) {
        if (line.contains(end.ref())) {
          return; // a jump the template's constants make dead, as in while (1 > 0)
        }
      }
    }
    if (tries.handlers.stream().anyMatch(h -> h.handler() == end)) {
      return;
    }
    states.remove(states.size() - 1);
    if (marked) {
      before.remove(before.size() - 1);
    }
  }

  /** The catch clauses of split try statements, innermost ranges first. */
  List<MethodModel.Handler> handlers() {
    return tries.handlers();
  }

  /** Whether a compound statement was split, so the machine needs its dispatch loop. */
  boolean splitAny() {
    return splitAny;
  }

  /** The state each recorded piece of code runs in. */
  Map<Tree, Integer> fragments() {
    return fragments;
  }

  // ---- statements

  void statement(StatementTree s) {
    sourceLine = source.line(s);
    if (s instanceof YieldTree y) {
      switches.yieldStatement(y);
      return;
    }
    if (!suspending.contains(s)) {
      copying.copied(s);
      return;
    }
    switch (s.getKind()) {
      case BLOCK -> {
        splitAny = true;
        ((BlockTree) s).getStatements().forEach(this::statement);
      }
      case IF -> lowerIf((IfTree) s);
      case WHILE_LOOP -> loops.lowerWhile((WhileLoopTree) s, null);
      case DO_WHILE_LOOP -> loops.lowerDo((DoWhileLoopTree) s, null);
      case FOR_LOOP -> loops.lowerFor((ForLoopTree) s, null);
      case ENHANCED_FOR_LOOP -> loops.lowerForEach((EnhancedForLoopTree) s, null);
      case SWITCH -> switches.lowerSwitch((SwitchTree) s, null);
      case TRY -> tries.lowerTry((TryTree) s);
      case LABELED_STATEMENT -> lowerLabeled((LabeledStatementTree) s);
      case EXPRESSION_STATEMENT, VARIABLE, RETURN -> {
        if (s instanceof VariableTree v && v.getType() != null) {
          // int x = await(a()), y = 2;: y shares x's type tree and is copied on its own
          declaredTypes.add(v.getType());
        }
        if (forms.awaitsInExpression(s)) {
          suspensions.expressionStatement(s);
        } else if (!switches.switchExpressionIn(s)) {
          suspensions.suspendingForm(s);
        }
      }
      default -> throw new IllegalStateException("cannot split " + s.getKind());
    }
  }

  private void lowerIf(IfTree i) {
    splitAny = true;
    String condition = condition(i.getCondition(), i);
    Label otherwise = freshLabel();
    Label end = freshLabel();
    Label whenFalse = i.getElseStatement() != null ? otherwise : end;
    emit("if (!(" + condition + ")) {\n  " + jumpText(whenFalse).replace("\n", "\n  ") + "\n}");
    statement(i.getThenStatement());
    if (i.getElseStatement() != null) {
      jump(end);
      start(otherwise, source.line(i.getElseStatement()), "else");
      statement(i.getElseStatement());
    }
    start(end, source.line(i), "after if");
  }

  /**
   * How a try block was left, the codes its pending-exit field takes (the runtime's
   * {@code PendingExit}, which every machine inherits).
   */
  static final String NORMAL = "EXIT_NORMAL";
  static final String THROW = "EXIT_THROW";
  static final String RETURN = "EXIT_RETURN";
  static final String JUMP = "EXIT_JUMP";

  /** A return from where the lowering now is: through every enclosing finally block. */
  String returnText(String value) {
    if (regions.isEmpty()) {
      return forms.finishText(value) + "\nreturn;";
    }
    return names.returnedField() + " = " + value + ";\n" + exitVia(regions.peek(), RETURN, null);
  }

  /** A pending return, once the finally blocks of {@code r} and inside it have run. */
  String returnFrom(Region r) {
    return r == null ? forms.finishText(names.returnedField()) + "\nreturn;"
        : exitVia(r, RETURN, null);
  }

  /** Records an exit of {@code kind} in {@code r} and runs its finally block. */
  String exitVia(Region r, String kind, String target) {
    String out = r.fields.kind() + " = " + kind + ";\n";
    if (target != null) {
      out += r.fields.target() + " = " + target + ";\n";
    }
    return out + "state = " + r.finallyStart.ref() + ";\ncontinue " + names.dispatchLabel()
        + ";";
  }

  /**
   * Jumps from code inside the split statements to {@code label} of target {@code t}: directly,
   * or through the finally blocks of the try statements between here and there.
   */
  String leaveText(Target t, Label label) {
    Region innermost = regions.peek();
    if (innermost == null || regions.size() <= t.finallies()) {
      return jumpText(label);
    }
    // Every region pushed after the target encloses this jump but not the target.
    List<Region> leaving = new ArrayList<>(regions).subList(0, regions.size() - t.finallies());
    for (int i = 0; i < leaving.size(); i++) {
      boolean leavesOuter = i + 1 < leaving.size();
      leaving.get(i).jumps.merge(label, leavesOuter, Boolean::logicalOr);
    }
    return exitVia(innermost, JUMP, label.ref());
  }

  void pushTarget(Target t) {
    targets.push(new Target(t.statement(), t.label(), t.breakTo(), t.continueTo(),
        t.breakable(), regions.size()));
  }

  private void lowerLabeled(LabeledStatementTree l) {
    String label = l.getLabel().toString();
    StatementTree inner = l.getStatement();
    switch (inner.getKind()) {
      case WHILE_LOOP -> loops.lowerWhile((WhileLoopTree) inner, label);
      case DO_WHILE_LOOP -> loops.lowerDo((DoWhileLoopTree) inner, label);
      case FOR_LOOP -> loops.lowerFor((ForLoopTree) inner, label);
      case ENHANCED_FOR_LOOP -> loops.lowerForEach((EnhancedForLoopTree) inner, label);
      case SWITCH -> switches.lowerSwitch((SwitchTree) inner, label);
      default -> {
        splitAny = true;
        Label end = freshLabel();
        pushTarget(new Target(l, label, end, null));
        statement(inner);
        targets.pop();
        start(end, source.line(l), "after " + label);
      }
    }
  }

  /** The condition's code; an awaited condition suspends first and reads the awaited value. */
  String condition(ExpressionTree condition, Tree owner) {
    ExpressionTree inner = condition;
    while (inner instanceof ParenthesizedTree p) {
      inner = p.getExpression();
    }
    if (forms.awaitsInExpression(owner)) {
      suspensions.suspendOnChain(inner, owner, v -> SuspensionLowering.done(v));
      return "awaitedBoolean()";
    }
    MethodInvocationTree await = forms.awaitIn(owner);
    if (await != null) {
      return suspensions.suspendAt(await, owner) + "Boolean()";
    }
    fragments.put(condition, number);
    copies(inner);
    return emit ? source.render(inner) : "";
  }

  void exitUnless(String condition, Label exit) {
    if (condition.equals("true")) {
      return; // while (true): only a break leaves it
    }
    emit("if (!(" + condition + ")) {\n  " + jumpText(exit).replace("\n", "\n  ") + "\n}");
  }

  // ---- states and jumps

  /**
   * Starts the state {@code label} names, which begins at source line {@code line}; its comment
   * reads {@code Kitchen.java:18, what}.
   */
  void start(Label label, int line, String what) {
    if (!code.isEmpty() && SourceLines.strip(code.get(code.size() - 1)).equals(jumpText(label))) {
      code.remove(code.size() - 1); // the next case follows: fall through
      terminated = false;
    }
    if (trackState && !terminated && !stateSet) {
      // Falling through into the next case: state must name the code now running, since a
      // catch clause is chosen by it.
      emit("state = " + label.ref() + ";");
    }
    close();
    stateSet = false;
    number++;
    label.number = number;
    comment = forms.fileName() + ":" + line + ", " + what;
    stateLine = line;
    terminated = false;
    if (emit) {
      code.addAll(locals.constantsFor(number));
    }
  }

  /** A new label, numbered once its state starts. */
  Label freshLabel() {
    Label label = new Label(allLabels.size());
    allLabels.add(label);
    return label;
  }

  private void close() {
    states.add(new MethodModel.State(number, comment, stateLine, code));
    code = new ArrayList<>();
  }

  void jump(Label label) {
    if (!terminated) {
      emit(jumpText(label));
      terminated = true;
    }
  }

  String jumpText(Label label) {
    return "state = " + label.ref() + ";\ncontinue " + names.dispatchLabel() + ";";
  }

  void emit(String line) {
    if (emit) {
      code.add(SourceLines.mark(line, sourceLine));
    }
  }

  /**
   * Emits the copies the template's lambdas and classes in {@code unit} capture, right before
   * the code of {@code unit}: in the machine, the variables they read are fields.
   */
  void copies(Tree unit) {
    if (emit) {
      forms.copiesBefore(unit, false).forEach(this::emit);
    }
  }

  private String resolve(String line) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    for (int i = line.indexOf('\u0000'); i >= 0; i = line.indexOf('\u0000', at)) {
      int end = line.indexOf('\u0000', i + 1);
      out.append(line, at, i)
          .append(allLabels.get(Integer.parseInt(line.substring(i + 1, end))).number);
      at = end + 1;
    }
    return out.append(line.substring(at)).toString();
  }
}
