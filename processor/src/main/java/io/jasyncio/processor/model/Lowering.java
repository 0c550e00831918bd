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
 * ({@link Step.Jump}), and each await into a suspension ({@link Step.Suspend}) that continues in
 * a new state. {@code break} and {@code continue} in copied code that leave a split statement
 * become jumps too, steps inline in the copied text.
 *
 * <p>It runs twice over the same body: the first run only records in which state each piece of
 * code runs (so the modeler can tell which locals live across a suspension), the second emits
 * the {@link Step steps}, whose runtime protocol the writer spells, the continuation chains of
 * {@link ExpressionAwaits} ({@link Chain}) included.
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
    Step.Text returnValue(ReturnTree r);

    /** Whether {@code call} is {@code Generator.yield(...)} rather than an await. */
    boolean isYield(MethodInvocationTree call);

    /** Whether {@code call} is {@code aiter(gen)}, an enhanced for's async source. */
    boolean isAiter(MethodInvocationTree call);

    /** Whether an await stands inside the expression of {@code owner} (not as all of it). */
    boolean awaitsInExpression(Tree owner);

    /** The chain of continuations that evaluates {@code e} and hands its value to {@code end}. */
    Chain chain(ExpressionTree e, java.util.function.Function<Expr, Chain> end);

    /**
     * The start of the store into {@code target} when it names a private field of the
     * template, {@code count$set(self, } (the value and {@code )} follow); else null.
     */
    String privateStore(ExpressionTree target);

    /** Whether {@code target} names a private field of the template (known before any edit). */
    boolean isPrivateField(ExpressionTree target);

    /** The template's top-level class, whose assertion status its {@code assert}s follow. */
    String assertionClass();

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
  private List<Step> code = new ArrayList<>();
  /** A jump that stays even when the state it goes to follows (see {@link #keepJump}). */
  private Step keptJump;
  /** The steps {@link #inline} placeholders stand for, by number. */
  private final List<Step> inlineSteps = new ArrayList<>();
  /** The source line of the statement being lowered, on the steps emitted for it. */
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
    /** Whether a return leaves through the finally block, which then passes it on. */
    boolean returns;

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
    StateNumbers numbers = new StateNumbers(allLabels);
    List<MethodModel.State> resolved = new ArrayList<>();
    for (MethodModel.State s : states) {
      List<Step> steps = new ArrayList<>();
      for (Step step : s.steps()) {
        steps.add(numbers.resolve(step));
      }
      resolved.add(new MethodModel.State(s.number(), s.comment(), s.line(), steps));
    }
    return resolved;
  }

  /**
   * Drops the empty state after a split statement that ends the method ({@code if} whose
   * branches both return, a try block that returns through its finally): no jump goes there,
   * and an empty last case would read as falling into the switch's {@code default} throw. The
   * fall-through marker ({@link Step.Enter}) into it goes too.
   */
  private void dropUnreachableEnd() {
    MethodModel.State last = states.get(states.size() - 1);
    if (states.size() < 2 || !last.steps().isEmpty()) {
      return;
    }
    Label end = allLabels.stream().filter(l -> l.number == last.number()).findFirst()
        .orElseThrow();
    List<Step> before = states.get(states.size() - 2).steps();
    boolean marked = !before.isEmpty()
        && before.get(before.size() - 1) instanceof Step.Enter e && e.state() == end.id;
    List<Step> rest = marked ? before.subList(0, before.size() - 1) : before;
    for (MethodModel.State s : states) {
      for (Step step : s.steps() == before ? rest : s.steps()) {
        if (StateNumbers.refersTo(step, end)) {
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
      case SYNCHRONIZED -> copying.copiedSynchronized((com.sun.source.tree.SynchronizedTree) s);
      case ASSERT -> suspensions.lowerAssert((com.sun.source.tree.AssertTree) s);
      case EXPRESSION_STATEMENT, VARIABLE, RETURN, THROW -> {
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
    Step.Value condition = condition(i.getCondition(), i);
    Label otherwise = freshLabel();
    Label end = freshLabel();
    Label whenFalse = i.getElseStatement() != null ? otherwise : end;
    jumpIf(condition, false, whenFalse);
    statement(i.getThenStatement());
    if (i.getElseStatement() != null) {
      jump(end);
      start(otherwise, source.line(i.getElseStatement()), "else");
      statement(i.getElseStatement());
    }
    start(end, source.line(i), "after if");
  }


  /**
   * Returns {@code value} from where the lowering now is: completes the machine, or records the
   * return and runs the enclosing finally blocks first.
   */
  void emitReturn(Step.Value value) {
    returnSteps(value).forEach(this::add);
  }

  /** The steps of {@link #emitReturn}. */
  List<Step> returnSteps(Step.Value value) {
    if (regions.isEmpty()) {
      return List.of(new Step.Complete(value, sourceLine));
    }
    return List.of(new Step.Assign(names.returnedField(), value, sourceLine),
        exit(regions.peek(), Step.Exit.RETURN, null));
  }

  /**
   * Leaves for {@code label} of target {@code t}, a jump from the top of a state: directly, or
   * through the finally blocks between here and there (see {@link #leaveText}).
   */
  void emitLeave(Target t, Label label) {
    add(leave(t, label));
  }

  /** The step of {@link #emitLeave}. */
  Step leave(Target t, Label label) {
    Region through = leaving(t, label);
    return through == null ? new Step.Jump(label.id, sourceLine)
        : exit(through, Step.Exit.JUMP, new Step.StateOf(label.id));
  }

  /** A pending return, once the finally blocks of {@code r} and inside it have run. */
  Step returnFrom(Region r) {
    return r == null ? new Step.Complete(new Step.Text(names.returnedField()), sourceLine)
        : exit(r, Step.Exit.RETURN, null);
  }

  /**
   * Records an exit of {@code kind} in {@code r} (to {@code target} for a jump) and runs its
   * finally block.
   */
  Step exit(Region r, Step.Exit kind, Step.Value target) {
    if (kind == Step.Exit.RETURN) {
      r.returns = true;
    }
    return new Step.Leave(r.fields.kind(), kind, target == null ? null : r.fields.target(),
        target, r.finallyStart.id, sourceLine);
  }

  /**
   * The innermost finally block a jump to {@code label} of target {@code t} goes through, or
   * null when it goes directly; records the jump in every region it leaves.
   */
  private Region leaving(Target t, Label label) {
    Region innermost = regions.peek();
    if (innermost == null || regions.size() <= t.finallies()) {
      return null;
    }
    // Every region pushed after the target encloses this jump but not the target.
    List<Region> leaving = new ArrayList<>(regions).subList(0, regions.size() - t.finallies());
    for (int i = 0; i < leaving.size(); i++) {
      boolean leavesOuter = i + 1 < leaving.size();
      leaving.get(i).jumps.merge(label, leavesOuter, Boolean::logicalOr);
    }
    return innermost;
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

  /** The condition's value; an awaited condition suspends first and reads the awaited value. */
  Step.Value condition(ExpressionTree condition, Tree owner) {
    ExpressionTree inner = condition;
    while (inner instanceof ParenthesizedTree p) {
      inner = p.getExpression();
    }
    if (forms.awaitsInExpression(owner)) {
      suspensions.suspendOnChain(inner, owner, Chain.Result::new);
      return new Step.Resumed(Step.Source.AWAIT, javax.lang.model.type.TypeKind.BOOLEAN);
    }
    MethodInvocationTree await = forms.awaitIn(owner);
    if (await != null) {
      return new Step.Resumed(suspensions.suspendAt(await, owner),
          javax.lang.model.type.TypeKind.BOOLEAN);
    }
    fragments.put(condition, number);
    copies(inner);
    return emit ? text(inner) : new Step.Text("");
  }

  void exitUnless(Step.Value condition, Label exit) {
    if (condition instanceof Step.Text t && t.java().equals("true")) {
      return; // while (true): only a break leaves it
    }
    jumpIf(condition, false, exit);
  }

  /** Jumps to {@code label} when {@code condition} is {@code when}. */
  void jumpIf(Step.Value condition, boolean when, Label label) {
    add(new Step.JumpIf(condition, when, label.id, sourceLine));
  }

  // ---- states and jumps

  /**
   * Starts the state {@code label} names, which begins at source line {@code line}; its comment
   * reads {@code Kitchen.java:18, what}.
   */
  void start(Label label, int line, String what) {
    if (!code.isEmpty() && code.get(code.size() - 1) instanceof Step.Jump j
        && j.state() == label.id && j != keptJump) {
      code.remove(code.size() - 1); // the next case follows: fall through
      terminated = false;
    }
    if (trackState && !terminated && !stateSet) {
      // Falling through into the next case: state must name the code now running, since a
      // catch clause is chosen by it.
      add(new Step.Enter(label.id, sourceLine));
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
      add(new Step.Jump(label.id, sourceLine));
      terminated = true;
    }
  }

  /**
   * Keeps the jump just emitted even when the state it goes to follows. The jump after the
   * value of a switch expression's arm has always been written out (it was one piece of text
   * with the assignment); falling through instead would do the same, in other text.
   */
  void keepJump() {
    if (emit && !code.isEmpty()) {
      keptJump = code.get(code.size() - 1);
    }
  }

  /**
   * Emits Java text, from the statement being lowered; the steps its {@link #inline}
   * placeholders stand for go with it.
   */
  void emit(String line) {
    add(code(line, List.of()));
  }

  /** {@link #emit}: the template's text, with the template line of each of its lines. */
  void emit(SourceText.Rendered copied) {
    add(code(copied.text(), copied.lines()));
  }

  /** {@link #emit}, inside {@code if (true)} (see {@link Step.KeepReachable}). */
  void emitReachable(SourceText.Rendered copied) {
    add(new Step.KeepReachable(code(copied.text(), copied.lines()), sourceLine));
  }

  private Step.Code code(String line, List<Integer> lines) {
    if (line.indexOf(Step.Code.INLINE) < 0) {
      return new Step.Code(line, sourceLine, List.of(), lines);
    }
    List<Step> steps = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int at = 0;
    for (int i = line.indexOf(Step.Code.INLINE); i >= 0;
        i = line.indexOf(Step.Code.INLINE, at)) {
      int end = line.indexOf(Step.Code.INLINE, i + 1);
      text.append(line, at, i).append(Step.Code.placeholder(steps.size()));
      steps.add(inlineSteps.get(Integer.parseInt(line.substring(i + 1, end))));
      at = end + 1;
    }
    return new Step.Code(text.append(line.substring(at)).toString(), sourceLine, steps, lines);
  }

  /**
   * Text that stands for {@code steps} on one line, for a jump patched into a copied
   * statement; {@link #emit} takes the steps back when it emits that statement.
   */
  String inline(List<Step> steps, boolean braced) {
    String mark = Step.Code.placeholder(inlineSteps.size());
    inlineSteps.add(new Step.Block(steps, braced, sourceLine));
    return mark;
  }

  /** Emits {@code step}, when this run emits. */
  void add(Step step) {
    if (emit) {
      code.add(step);
    }
  }

  /** The template's code of {@code tree}, as a value, with the line of each of its lines. */
  Step.Text text(Tree tree) {
    SourceText.Rendered code = source.rendered(tree);
    return new Step.Text(code.text(), code.lines());
  }

  /** The template's code of {@code tree}, as an expression, with the line of each of its lines. */
  Expr.Code copied(Tree tree) {
    SourceText.Rendered code = source.rendered(tree);
    return new Expr.Code(code.text(), code.lines());
  }

  /** The source line of the statement being lowered. */
  int sourceLine() {
    return sourceLine;
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
}
