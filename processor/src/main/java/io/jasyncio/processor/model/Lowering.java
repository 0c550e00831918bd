package io.jasyncio.processor.model;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.tree.YieldTree;
import io.jasyncio.processor.scan.JumpsOut;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javax.lang.model.type.TypeKind;

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
 */
final class Lowering {

  /** What the lowering asks of the modeler about names, types and text. */
  interface Forms {
    String render(Tree t);

    String renderStatement(Tree t);

    int line(Tree t);

    String fileName();

    /** The field a hoisted local lives in, or null when the local stays a local. */
    String fieldOf(VariableTree v);

    /** The name a local that stays a local is declared with. */
    String localName(VariableTree v);

    String initializer(VariableTree v);

    String declaredType(VariableTree v);

    /** The type as the declaration spells it ({@code var} stays {@code var}). */
    String sourceType(VariableTree v);

    TypeKind kindOfLocal(VariableTree v);

    TypeKind kindOfTarget(AssignmentTree a);

    String doneValue(MethodInvocationTree done);

    boolean isDoneCall(ExpressionTree e);

    /** Declarations of constant locals to repeat at the start of {@code state}. */
    List<String> constantsFor(int state);

    /** The type a catch parameter is declared with (a union's closest common superclass). */
    String catchType(CatchTree c);

    /** The field a caught exception waits in until its catch clause runs. */
    String caughtField();

    /** The fields where a try statement's pending exit waits while its finally block runs. */
    record ExitFields(String kind, String thrown, String target) {}

    /** The pending-exit fields of a try statement or one of its resources, allocated once. */
    ExitFields exitFields(Tree t);

    /** Makes {@code v} a field: code the lowering writes in other states uses it. */
    void mustHoist(VariableTree v);

    /** The field a return value waits in while finally blocks run. */
    String returnedField();

    /** The label of the machine's dispatch loop, which no label of the template uses. */
    String dispatchLabel();

    /** The field that keeps an enhanced for loop's iterator across suspensions. */
    String iteratorField(EnhancedForLoopTree loop);

    /** The await call a statement form or condition holds, or null. */
    MethodInvocationTree awaitIn(Tree formOrCondition);

    void replace(Tree t, Supplier<String> text);

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

    /** Makes every local {@code e} uses a field: continuation lambdas read and write them. */
    void hoistLocalsIn(Tree e);

    /** The chain of continuations that evaluates {@code e} and hands its value to {@code end}. */
    ExpressionAwaits.Code chain(ExpressionTree e,
        java.util.function.Function<String, ExpressionAwaits.Code> end);

    /** The method's result type {@code T} of {@code Coroutine<T>}, as source. */
    String resultType();

    /** The source text between two trees (an operator), replacements applied. */
    String renderBetween(Tree before, Tree after);

    /** A name for a local the lowering declares that no code of the method uses. */
    String uniqueLocal(String base);

    /** Whether the try-with-resources resource {@code resource} is an AsyncCloseable. */
    boolean closesAsync(Tree resource);

    /** The field holding the generator of {@code for (T v : aiter(gen))}. */
    String asyncIteratorField(EnhancedForLoopTree loop);

    /** Whether an await stands inside {@code t}. */
    boolean suspendsIn(Tree t);

    /** Makes the local {@code a} assigns a field, if it assigns a local. */
    void mustHoistTarget(AssignmentTree a);

    /** The field keeping the case chooser of a switch whose selector awaits. */
    String casesField();

    /** A name no code of the method uses, for a local the lowering declares for {@code owner}. */
    String freshName(String base, Tree owner);

    /**
     * Declarations of the copies that the template's lambdas and classes in {@code unit} read
     * instead of the machine's fields, to emit right before the code of {@code unit}, which
     * then names them; {@code chain} when the unit becomes a chain of continuations.
     */
    List<String> copiesBefore(Tree unit, boolean chain);
  }

  private final Forms forms;
  private final Set<Tree> suspending;
  private final boolean emit;
  private final boolean trackState;
  private final List<MethodModel.State> states = new ArrayList<>();
  private final Map<Tree, Integer> fragments = new IdentityHashMap<>();
  private final Deque<Target> targets = new ArrayDeque<>();
  private final List<Label> allLabels = new ArrayList<>();
  private final List<PendingHandler> handlers = new ArrayList<>();
  private final Deque<Region> regions = new ArrayDeque<>();
  private final Deque<Yield> yields = new ArrayDeque<>();
  private final Set<Tree> declaredTypes =
      java.util.Collections.newSetFromMap(new IdentityHashMap<>());
  private List<String> code = new ArrayList<>();
  /** The source line of the statement being lowered, marked on the code emitted for it. */
  private int sourceLine;
  /** The source line of the state being built (see {@link MethodModel.State#line()}). */
  private int stateLine;
  private String comment;
  private int number;
  private boolean terminated;
  private boolean splitAny;
  private boolean stateSet;

  /** A place code jumps to: a state whose number is known once it starts. */
  private final class Label {
    final int id = allLabels.size();
    int number = -1;

    Label() {
      allLabels.add(this);
    }

    String ref() {
      return "\u0000" + id + "\u0000";
    }
  }

  /**
   * A split statement that break or continue may leave: a loop (continueTo set), a switch
   * (breakable), or a labeled statement (only by its label).
   */
  private record Target(Tree statement, String label, Label breakTo, Label continueTo,
      boolean breakable, int finallies) {
    Target(Tree statement, String label, Label breakTo, Label continueTo, boolean breakable) {
      this(statement, label, breakTo, continueTo, breakable, -1);
    }

    Target(Tree statement, String label, Label breakTo, Label continueTo) {
      this(statement, label, breakTo, continueTo, continueTo != null, -1);
    }
  }

  /**
   * Where the value of a split switch expression goes: each arm and {@code yield} writes it
   * ({@code assign}) and leaves for the end of the switch ({@code target}); a switch expression
   * that is the value of {@code return done(...)} returns it instead.
   */
  private record Yield(java.util.function.UnaryOperator<String> assign, boolean returns,
      TypeKind kind, Target target) {}

  /**
   * A split try statement with a finally block, while its try and catch blocks are lowered:
   * every way out of them goes through the finally states, which then take the pending exit.
   */
  private final class Region {
    final Forms.ExitFields fields;
    final Label finallyStart = new Label();
    final Region outer;
    /** Jump targets the finally continues to, and whether each leaves the outer region too. */
    final Map<Label, Boolean> jumps = new java.util.LinkedHashMap<>();

    Region(Forms.ExitFields fields, Region outer) {
      this.fields = fields;
      this.outer = outer;
    }
  }

  /**
   * @param suspending every statement (and the body) that contains a suspension
   * @param emit false for the first run, which only records states
   * @param trackState whether falling into the next case must set {@code state}, because
   *     exceptions are routed by it (the body has a split try statement)
   */
  Lowering(Forms forms, Set<Tree> suspending, boolean emit, boolean trackState) {
    this.forms = forms;
    this.suspending = suspending;
    this.emit = emit;
    this.trackState = trackState;
  }

  /** Lowers {@code body}; returns the states (empty when not emitting). */
  List<MethodModel.State> lower(BlockTree body) {
    stateLine = body.getStatements().isEmpty() ? 0 : forms.line(body.getStatements().get(0));
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
    if (handlers.stream().anyMatch(h -> h.handler() == end)) {
      return;
    }
    states.remove(states.size() - 1);
    if (marked) {
      before.remove(before.size() - 1);
    }
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

  private void statement(StatementTree s) {
    sourceLine = forms.line(s);
    if (s instanceof YieldTree y) {
      yieldStatement(y);
      return;
    }
    if (!suspending.contains(s)) {
      copied(s);
      return;
    }
    switch (s.getKind()) {
      case BLOCK -> {
        splitAny = true;
        ((BlockTree) s).getStatements().forEach(this::statement);
      }
      case IF -> lowerIf((IfTree) s);
      case WHILE_LOOP -> lowerWhile((WhileLoopTree) s, null);
      case DO_WHILE_LOOP -> lowerDo((DoWhileLoopTree) s, null);
      case FOR_LOOP -> lowerFor((ForLoopTree) s, null);
      case ENHANCED_FOR_LOOP -> lowerForEach((EnhancedForLoopTree) s, null);
      case SWITCH -> lowerSwitch((SwitchTree) s, null);
      case TRY -> lowerTry((TryTree) s);
      case LABELED_STATEMENT -> lowerLabeled((LabeledStatementTree) s);
      case EXPRESSION_STATEMENT, VARIABLE, RETURN -> {
        if (s instanceof VariableTree v && v.getType() != null) {
          // int x = await(a()), y = 2;: y shares x's type tree and is copied on its own
          declaredTypes.add(v.getType());
        }
        if (forms.awaitsInExpression(s)) {
          expressionStatement(s);
        } else if (!switchExpressionIn(s)) {
          suspendingForm(s);
        }
      }
      default -> throw new IllegalStateException("cannot split " + s.getKind());
    }
  }

  private void lowerIf(IfTree i) {
    splitAny = true;
    String condition = condition(i.getCondition(), i);
    Label otherwise = new Label();
    Label end = new Label();
    Label whenFalse = i.getElseStatement() != null ? otherwise : end;
    emit("if (!(" + condition + ")) {\n  " + jumpText(whenFalse).replace("\n", "\n  ") + "\n}");
    statement(i.getThenStatement());
    if (i.getElseStatement() != null) {
      jump(end);
      start(otherwise, forms.line(i.getElseStatement()), "else");
      statement(i.getElseStatement());
    }
    start(end, forms.line(i), "after if");
  }

  private void lowerWhile(WhileLoopTree w, String label) {
    splitAny = true;
    Label top = new Label();
    Label end = new Label();
    start(top, forms.line(w), "while");
    String condition = condition(w.getCondition(), w);
    exitUnless(condition, end);
    pushTarget(new Target(w, label, end, top));
    statement(w.getStatement());
    targets.pop();
    jump(top);
    start(end, forms.line(w), "after while");
  }

  private void lowerDo(DoWhileLoopTree d, String label) {
    splitAny = true;
    Label top = new Label();
    Label test = new Label();
    Label end = new Label();
    start(top, forms.line(d), "do");
    pushTarget(new Target(d, label, end, test));
    statement(d.getStatement());
    targets.pop();
    start(test, forms.line(d.getCondition()), "do condition");
    String condition = condition(d.getCondition(), d);
    emit("if (" + condition + ") {\n  " + jumpText(top).replace("\n", "\n  ") + "\n}");
    start(end, forms.line(d), "after do");
  }

  private void lowerFor(ForLoopTree f, String label) {
    splitAny = true;
    for (StatementTree init : f.getInitializer()) {
      statement(init);
    }
    Label top = new Label();
    Label update = new Label();
    Label end = new Label();
    start(top, forms.line(f), "for");
    if (f.getCondition() != null) {
      exitUnless(condition(f.getCondition(), f), end);
    }
    pushTarget(new Target(f, label, end, update));
    statement(f.getStatement());
    targets.pop();
    start(update, forms.line(f), "for update");
    for (ExpressionStatementTree u : f.getUpdate()) {
      statement(u);
    }
    jump(top);
    start(end, forms.line(f), "after for");
  }

  /**
   * {@code for (T v : xs) body}: the position in {@code xs} must survive suspensions, so it
   * lives in an iterator field; each turn reads the next element into {@code v}.
   */
  private void lowerForEach(EnhancedForLoopTree each, String label) {
    splitAny = true;
    MethodInvocationTree source0 = forms.awaitIn(each);
    if (source0 != null && forms.isAiter(source0)) {
      lowerAsyncFor(each, source0.getArguments().get(0), label);
      return;
    }
    String iterator = forms.iteratorField(each);
    MethodInvocationTree await = forms.awaitIn(each);
    String source;
    if (await != null) {
      source = suspendAt(await, each) + "()";
    } else {
      fragments.put(each.getExpression(), number);
      copies(each.getExpression());
      source = emit ? forms.render(each.getExpression()) : "";
    }
    emit(iterator + " = iterate(" + source + ");");
    Label top = new Label();
    Label end = new Label();
    start(top, forms.line(each), "for each");
    exitUnless(iterator + ".hasNext()", end);
    VariableTree v = each.getVariable();
    fragments.put(v, number);
    if (emit) {
      String value = BodyModeler.nextCall(forms.kindOfLocal(v), iterator);
      String field = forms.fieldOf(v);
      emit(field != null ? field + " = " + value + ";"
          : forms.declaredType(v) + " " + forms.localName(v) + " = " + value + ";");
    }
    pushTarget(new Target(each, label, end, top));
    statement(each.getStatement());
    targets.pop();
    jump(top);
    start(end, forms.line(each), "after for each");
  }

  /**
   * {@code for (T v : aiter(gen)) body}: the generator lives in a field; each turn awaits its
   * next step, leaves the loop when it finished, and else reads the value into {@code v}.
   */
  private void lowerAsyncFor(EnhancedForLoopTree each, ExpressionTree generator, String label) {
    String source = forms.asyncIteratorField(each);
    fragments.put(generator, number);
    copies(generator);
    emit(source + " = " + (emit ? forms.render(generator) : "") + ";");
    Label top = new Label();
    Label end = new Label();
    start(top, forms.line(each), "async for");
    suspendText("anext(" + source + ")", each);
    emit("if (exhausted()) {\n  " + jumpText(end).replace("\n", "\n  ") + "\n}");
    VariableTree v = each.getVariable();
    fragments.put(v, number);
    if (emit) {
      String value = BodyModeler.awaitedCall(forms.kindOfLocal(v));
      String field = forms.fieldOf(v);
      emit(field != null ? field + " = " + value + ";"
          : forms.declaredType(v) + " " + forms.localName(v) + " = " + value + ";");
    }
    pushTarget(new Target(each, label, end, top));
    statement(each.getStatement());
    targets.pop();
    jump(top);
    start(end, forms.line(each), "after async for");
  }

  /**
   * A switch statement: the selector is evaluated by a copied switch that only jumps to the
   * state of the matching case; the cases follow in their order, so one that does not break
   * falls through into the next as Java's does, and an arrow case ends with a jump out.
   */
  private void lowerSwitch(SwitchTree sw, String label) {
    splitAny = true;
    Label end = new Label();
    List<Label> cases = dispatch(sw, sw.getExpression(), sw.getCases(), end, false);
    pushTarget(new Target(sw, label, end, null, true));
    for (int i = 0; i < sw.getCases().size(); i++) {
      CaseTree c = sw.getCases().get(i);
      start(cases.get(i), forms.line(c), "case");
      if (c.getCaseKind() == CaseTree.CaseKind.RULE) {
        Tree body = c.getBody();
        if (body instanceof StatementTree st) {
          statement(st);
        } else {
          fragments.put(body, number);
          copies(body);
          emit(emit ? forms.render(body) + ";" : "");
        }
        jump(end);
      } else {
        for (StatementTree st : c.getStatements()) {
          statement(st);
        }
      }
    }
    targets.pop();
    start(end, forms.line(sw), "after switch");
  }

  /** What a switch expression with no default does for a constant it does not know. */
  private static final String UNKNOWN_CONSTANT = "throw new IncompatibleClassChangeError()";

  /** One arm of a dispatching switch: its {@code case ...}/{@code default}, where it goes. */
  private record Arm(String head, Label target) {}

  /**
   * Jumps to the state of the case the selector matches, and returns the cases' labels. An
   * awaited selector ({@code switch (await(x))}) suspends first, with a chooser typed by what
   * {@code x} yields; a switch with no default goes to {@code end}, or for a switch expression
   * throws as Java's does when an enum gained a constant.
   */
  private List<Label> dispatch(Tree sw, ExpressionTree selector, List<? extends CaseTree> cases,
      Label end, boolean isExpression) {
    while (selector instanceof ParenthesizedTree p) {
      selector = p.getExpression();
    }
    List<Label> labels = new ArrayList<>();
    List<Arm> arms = new ArrayList<>();
    boolean hasDefault = false;
    for (CaseTree c : cases) {
      Label l = new Label();
      labels.add(l);
      c.getExpressions().forEach(e -> fragments.put(e, number));
      if (c.getExpressions().isEmpty()) {
        hasDefault = true;
        arms.add(new Arm("default", l));
      } else if (emit) {
        List<String> constants = new ArrayList<>();
        c.getExpressions().forEach(e -> constants.add(forms.render(e)));
        arms.add(new Arm("case " + String.join(", ", constants), l));
      }
    }
    if (!hasDefault) {
      // a switch expression over an enum that gained a constant: javac's code throws this
      arms.add(new Arm("default", isExpression ? null : end));
    }
    MethodInvocationTree await = forms.awaitIn(sw);
    if (await != null) {
      // The selector's type is known only where its awaitable is: the chooser is typed there.
      ExpressionTree awaitable = await.getArguments().get(0);
      fragments.put(awaitable, number);
      String casesField = forms.casesField();
      String awaited = forms.freshName("selector", sw);
      String value = forms.freshName("selected", selector);
      Label resume = new Label();
      int line = forms.line(sw);
      copies(awaitable);
      if (emit) {
        StringBuilder chooser = new StringBuilder();
        arms.forEach(a -> chooser.append("    ").append(a.head()).append(" -> ")
            .append(a.target() == null ? UNKNOWN_CONSTANT : a.target().ref()).append(";\n"));
        emit("{\n  var " + awaited + " = " + forms.render(awaitable).replace("\n", "\n  ")
            + ";\n  " + casesField + " = cases(" + awaited + ", " + value + " -> switch (" + value
            + ") {\n" + chooser + "  });\n"
            + "  if (suspendOn(" + awaited + ", " + resume.ref() + ")) {\n"
            + "    return; // " + forms.fileName() + ":" + line + " suspends\n  }\n}");
      }
      stateSet = true;
      start(resume, line, "resumed");
      emit("state = " + casesField + ".applyAsInt(awaited());\ncontinue "
          + forms.dispatchLabel() + ";");
      terminated = true;
      return labels;
    }
    fragments.put(selector, number);
    copies(selector);
    if (emit) {
      StringBuilder text = new StringBuilder("switch (" + forms.render(selector) + ") {\n");
      for (Arm arm : arms) {
        text.append("  ").append(arm.head()).append(":\n    ").append(arm.target() == null
            ? UNKNOWN_CONSTANT + ";" : jumpText(arm.target()).replace("\n", "\n    "))
            .append('\n');
      }
      emit(text.append("}").toString());
    }
    terminated = true; // every way through the switch above jumps or throws
    return labels;
  }

  /**
   * A statement whose value is a switch expression that awaits ({@code T v = switch ...;},
   * {@code v = switch ...;}, {@code return done(switch ...);}): lowered like a switch statement
   * whose arms write the value where it goes. Returns false for any other statement.
   */
  private boolean switchExpressionIn(StatementTree s) {
    ExpressionTree value = null;
    if (s instanceof VariableTree v) {
      value = v.getInitializer();
    } else if (s instanceof ExpressionStatementTree e
        && e.getExpression() instanceof AssignmentTree a) {
      value = a.getExpression();
    } else if (s instanceof ReturnTree r && r.getExpression() instanceof MethodInvocationTree d
        && forms.isDoneCall(d) && d.getArguments().size() == 1) {
      value = d.getArguments().get(0);
    }
    while (value instanceof ParenthesizedTree p) {
      value = p.getExpression();
    }
    if (!(value instanceof SwitchExpressionTree sx) || forms.awaitIn(s) != null) {
      return false;
    }
    Yield sink;
    if (s instanceof VariableTree v) {
      forms.mustHoist(v);
      sink = new Yield(x -> forms.fieldOf(v) + " = " + x + ";", false,
          forms.kindOfLocal(v), null);
    } else if (s instanceof ExpressionStatementTree e) {
      AssignmentTree a = (AssignmentTree) e.getExpression();
      forms.mustHoistTarget(a);
      sink = new Yield(x -> forms.render(a.getVariable()) + " = " + x + ";", false,
          forms.kindOfTarget(a), null);
    } else {
      sink = new Yield(null, true, TypeKind.NONE, null);
    }
    fragments.put(s, number);
    lowerSwitchExpression(sx, sink);
    return true;
  }

  /** A switch expression whose arms or selector await, writing its value through {@code sink}. */
  private void lowerSwitchExpression(SwitchExpressionTree sx, Yield sink) {
    splitAny = true;
    Label end = new Label();
    Yield y = new Yield(sink.assign(), sink.returns(), sink.kind(),
        new Target(sx, null, end, null, false, regions.size()));
    List<Label> cases = dispatch(sx, sx.getExpression(), sx.getCases(), end, true);
    yields.push(y);
    for (int i = 0; i < sx.getCases().size(); i++) {
      CaseTree c = sx.getCases().get(i);
      start(cases.get(i), forms.line(c), "case");
      if (c.getCaseKind() == CaseTree.CaseKind.RULE) {
        Tree body = c.getBody();
        if (body instanceof StatementTree st) {
          statement(st); // a block that yields, or a throw
        } else {
          yieldValue((ExpressionTree) body, c);
        }
        jump(end);
      } else {
        for (StatementTree st : c.getStatements()) {
          statement(st);
        }
      }
    }
    yields.pop();
    start(end, forms.line(sx), "after switch");
  }

  /** {@code yield v;} of the innermost split switch expression. */
  private void yieldStatement(YieldTree y) {
    fragments.put(y, number);
    yieldValue(y.getValue(), y);
  }

  /**
   * Hands {@code value}, an arm's expression or a yield's, to the innermost split switch
   * expression: awaited first when it is {@code await(x)}, split further when it is a switch
   * expression that awaits.
   */
  private void yieldValue(ExpressionTree value, Tree holder) {
    Yield y = yields.peek();
    ExpressionTree inner = value;
    while (inner instanceof ParenthesizedTree p) {
      inner = p.getExpression();
    }
    MethodInvocationTree await = forms.awaitIn(holder);
    String text;
    if (await != null) {
      String family = suspendAt(await, holder);
      text = y.returns() ? family + "()" : BodyModeler.valueCall(family, y.kind());
    } else if (inner instanceof SwitchExpressionTree nested && forms.suspendsIn(nested)) {
      lowerSwitchExpression(nested, y);
      if (!y.returns()) {
        emit(leaveText(y.target(), y.target().breakTo()));
        terminated = true;
      }
      return;
    } else {
      fragments.put(value, number);
      copies(value);
      text = emit ? forms.render(value) : "";
    }
    emit(yieldText(y, text));
    terminated = true;
  }

  /** Code that writes a switch expression's value and leaves it (or returns the value). */
  private String yieldText(Yield y, String value) {
    if (y.returns()) {
      return returnText(value);
    }
    return y.assign().apply(value) + "\n" + leaveText(y.target(), y.target().breakTo());
  }

  /**
   * A try statement with catch clauses: the try block becomes a range of states, and the
   * machine's dispatch loop sends an exception thrown while {@code state} is in that range to
   * the state of the first catch clause that matches (inner ranges first). The catch blocks
   * follow, outside the range.
   */
  private void lowerTry(TryTree t) {
    splitAny = true;
    Label body = new Label();
    Label end = new Label();
    Region region = null;
    if (t.getFinallyBlock() != null) {
      region = new Region(forms.exitFields(t), regions.peek());
      forms.returnedField();
      emit(region.fields.kind() + " = " + NORMAL + ";");
    }
    start(body, forms.line(t), "try");
    int first = number;
    if (region != null) {
      regions.push(region);
    }
    // try (R r = ...) B catch ... finally ... is try { try (R r = ...) B } catch ... finally ...
    lowerResources(t, 0);
    int last = number;
    exitTry(region, end);
    for (CatchTree c : t.getCatches()) {
      Label handler = new Label();
      start(handler, forms.line(c), "catch");
      handlers.add(new PendingHandler(first, last, c, handler, null));
      VariableTree param = c.getParameter();
      fragments.put(param, number);
      if (emit) {
        String type = forms.catchType(c);
        String field = forms.fieldOf(param);
        String target = field != null ? field : type + " " + forms.localName(param);
        emit(target + " = (" + type + ") " + forms.caughtField() + ";");
        emit(forms.caughtField() + " = null;");
      }
      statement(c.getBlock());
      exitTry(region, end);
    }
    if (region == null) {
      start(end, forms.line(t), "after try");
      return;
    }
    regions.pop();
    // Whatever escapes the try and catch blocks runs the finally block first.
    handlers.add(new PendingHandler(first, number, null, region.finallyStart, region));
    start(region.finallyStart, forms.line(t.getFinallyBlock()), "finally");
    statement(t.getFinallyBlock());
    finallyEnd(region);
    start(end, forms.line(t), "after try");
  }

  /**
   * The resources from the {@code i}-th on, then the try block: each resource is a region of
   * its own whose finally closes it (JLS 14.20.3.1), so they close in reverse order, and a
   * failure to close while an exception is on its way is added to it as suppressed.
   */
  private void lowerResources(TryTree t, int i) {
    if (i == t.getResources().size()) {
      statement(t.getBlock());
      return;
    }
    Tree resource = t.getResources().get(i);
    String ref;
    if (resource instanceof VariableTree v) {
      forms.mustHoist(v);
      statement(v); // try (var r = await(open())) ... splits
      ref = emit ? forms.fieldOf(v) : "";
    } else {
      fragments.put(resource, number);
      // javac's end of a resource that names a variable takes in the ';' before the next one
      ref = emit ? forms.render(resource).replaceAll("\\s*;\\s*$", "") : "";
    }
    Region region = new Region(forms.exitFields(resource), regions.peek());
    forms.returnedField();
    emit(region.fields.kind() + " = " + NORMAL + ";");
    Label body = new Label();
    Label end = new Label();
    start(body, forms.line(resource), "with resource");
    int first = number;
    regions.push(region);
    lowerResources(t, i + 1);
    jump(region.finallyStart);
    regions.pop();
    handlers.add(new PendingHandler(first, number, null, region.finallyStart, region));
    start(region.finallyStart, forms.line(resource), "close");
    Forms.ExitFields f = region.fields;
    if (forms.closesAsync(resource)) {
      // async with: aclose(failure), Python's __aexit__, is awaited with the exception leaving
      // the block (null if none); what it throws replaces whatever exit was pending. A resource
      // that only implements aclose() keeps Java's rule: its failure is added as suppressed.
      Label afterClose = new Label();
      emit("if (" + ref + " == null) {\n  " + jumpText(afterClose).replace("\n", "\n  ") + "\n}");
      suspendText("closeAsync(" + ref + ", " + f.kind() + " == " + THROW + " ? " + f.thrown()
          + " : null)", resource);
      emit("try {\n  awaited();\n} catch (Throwable closing) {\n  " + f.thrown()
          + " = closing;\n  " + f.kind() + " = " + THROW + ";\n}");
      start(afterClose, forms.line(resource), "closed");
      finallyEnd(region);
      start(end, forms.line(resource), "after resource");
      return;
    }
    emit("if (" + ref + " != null) {\n"
        + "  if (" + f.kind() + " == " + THROW + ") {\n"
        + "    try {\n      " + ref + ".close();\n"
        + "    } catch (Throwable closing) {\n      " + f.thrown() + ".addSuppressed(closing);\n"
        + "    }\n"
        + "  } else {\n    " + ref + ".close();\n  }\n}");
    finallyEnd(region);
    start(end, forms.line(resource), "closed");
  }

  /** Leaves a try or catch block normally: through the finally block when there is one. */
  private void exitTry(Region region, Label end) {
    jump(region == null ? end : region.finallyStart);
  }

  /** After a finally block: the pending exit (an exception, a return, a jump), or on. */
  private void finallyEnd(Region r) {
    if (terminated) {
      return; // the finally block itself left (a return or a throw in it wins, as in Java)
    }
    Forms.ExitFields f = r.fields;
    emit("if (" + f.kind() + " == " + THROW + ") {\n  throw " + f.thrown() + ";\n}");
    emit("if (" + f.kind() + " == " + RETURN + ") {\n  "
        + returnFrom(r.outer).replace("\n", "\n  ") + "\n}");
    List<Label> viaOuter = new ArrayList<>();
    r.jumps.forEach((label, leavesOuter) -> {
      if (leavesOuter) {
        viaOuter.add(label);
      }
    });
    StringBuilder jump = new StringBuilder();
    if (!viaOuter.isEmpty()) {
      List<String> tests = new ArrayList<>();
      viaOuter.forEach(l -> tests.add(f.target() + " == " + l.ref()));
      jump.append("if (").append(String.join(" || ", tests)).append(") {\n  ")
          .append(exitVia(r.outer, JUMP, f.target()).replace("\n", "\n  ")).append("\n}\n");
    }
    if (!r.jumps.isEmpty()) {
      jump.append("state = ").append(f.target()).append(";\ncontinue ")
          .append(forms.dispatchLabel()).append(";");
      emit("if (" + f.kind() + " == " + JUMP + ") {\n  "
          + jump.toString().trim().replace("\n", "\n  ") + "\n}");
    }
  }

  /**
   * How a try block was left, the codes its pending-exit field takes (the runtime's
   * {@code PendingExit}, which every machine inherits).
   */
  private static final String NORMAL = "EXIT_NORMAL";
  private static final String THROW = "EXIT_THROW";
  private static final String RETURN = "EXIT_RETURN";
  private static final String JUMP = "EXIT_JUMP";

  /** A return from where the lowering now is: through every enclosing finally block. */
  private String returnText(String value) {
    if (regions.isEmpty()) {
      return forms.finishText(value) + "\nreturn;";
    }
    return forms.returnedField() + " = " + value + ";\n" + exitVia(regions.peek(), RETURN, null);
  }

  /** A pending return, once the finally blocks of {@code r} and inside it have run. */
  private String returnFrom(Region r) {
    return r == null ? forms.finishText(forms.returnedField()) + "\nreturn;"
        : exitVia(r, RETURN, null);
  }

  /** Records an exit of {@code kind} in {@code r} and runs its finally block. */
  private String exitVia(Region r, String kind, String target) {
    String out = r.fields.kind() + " = " + kind + ";\n";
    if (target != null) {
      out += r.fields.target() + " = " + target + ";\n";
    }
    return out + "state = " + r.finallyStart.ref() + ";\ncontinue " + forms.dispatchLabel()
        + ";";
  }

  /**
   * Jumps from code inside the split statements to {@code label} of target {@code t}: directly,
   * or through the finally blocks of the try statements between here and there.
   */
  private String leaveText(Target t, Label label) {
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

  private void pushTarget(Target t) {
    targets.push(new Target(t.statement(), t.label(), t.breakTo(), t.continueTo(),
        t.breakable(), regions.size()));
  }

  /** The catch clauses of split try statements, innermost ranges first. */
  List<MethodModel.Handler> handlers() {
    List<PendingHandler> sorted = new ArrayList<>(handlers);
    // Inner ranges first; of equal ranges, catch clauses before the finally block's catch-all.
    sorted.sort(java.util.Comparator.comparingInt((PendingHandler h) -> h.last() - h.first())
        .thenComparing(h -> h.region() != null));
    List<MethodModel.Handler> out = new ArrayList<>();
    for (PendingHandler h : sorted) {
      List<String> types = new ArrayList<>();
      List<String> assignments = new ArrayList<>();
      if (h.region() != null) {
        assignments.add(h.region().fields.thrown() + " = thrown;");
        assignments.add(h.region().fields.kind() + " = " + THROW + ";");
      } else {
        Tree type = h.clause().getParameter().getType();
        if (type instanceof com.sun.source.tree.UnionTypeTree union) {
          union.getTypeAlternatives().forEach(a -> types.add(forms.render(a)));
        } else {
          types.add(forms.render(type));
        }
        assignments.add(forms.caughtField() + " = thrown;");
      }
      out.add(new MethodModel.Handler(h.first(), h.last(), types, h.handler().number,
          assignments));
    }
    return out;
  }

  /** A catch clause, or (with a region) the catch-all that runs a finally block. */
  private record PendingHandler(int first, int last, CatchTree clause, Label handler,
      Region region) {}

  private void lowerLabeled(LabeledStatementTree l) {
    String label = l.getLabel().toString();
    StatementTree inner = l.getStatement();
    switch (inner.getKind()) {
      case WHILE_LOOP -> lowerWhile((WhileLoopTree) inner, label);
      case DO_WHILE_LOOP -> lowerDo((DoWhileLoopTree) inner, label);
      case FOR_LOOP -> lowerFor((ForLoopTree) inner, label);
      case ENHANCED_FOR_LOOP -> lowerForEach((EnhancedForLoopTree) inner, label);
      case SWITCH -> lowerSwitch((SwitchTree) inner, label);
      default -> {
        splitAny = true;
        Label end = new Label();
        pushTarget(new Target(l, label, end, null));
        statement(inner);
        targets.pop();
        start(end, forms.line(l), "after " + label);
      }
    }
  }

  /** The condition's code; an awaited condition suspends first and reads the awaited value. */
  private String condition(ExpressionTree condition, Tree owner) {
    ExpressionTree inner = condition;
    while (inner instanceof ParenthesizedTree p) {
      inner = p.getExpression();
    }
    if (forms.awaitsInExpression(owner)) {
      suspendOnChain(inner, owner, v -> done(v));
      return "awaitedBoolean()";
    }
    MethodInvocationTree await = forms.awaitIn(owner);
    if (await != null) {
      return suspendAt(await, owner) + "Boolean()";
    }
    fragments.put(condition, number);
    copies(inner);
    return emit ? forms.render(inner) : "";
  }

  private void exitUnless(String condition, Label exit) {
    if (condition.equals("true")) {
      return; // while (true): only a break leaves it
    }
    emit("if (!(" + condition + ")) {\n  " + jumpText(exit).replace("\n", "\n  ") + "\n}");
  }

  /** A statement form holding an await, or {@code return other;}: suspends, then resumes. */
  private void suspendingForm(StatementTree s) {
    MethodInvocationTree await = forms.awaitIn(s);
    if (s instanceof ReturnTree ret) {
      suspend(await != null ? await.getArguments().get(0) : ret.getExpression(), s);
      fragments.put(s, number);
      emit(returnText("awaited()"));
      terminated = true;
      return;
    }
    String family = suspendAt(await, s);
    fragments.put(s, number);
    if (!emit) {
      return;
    }
    if (s instanceof VariableTree v) {
      String value = BodyModeler.valueCall(family, forms.kindOfLocal(v));
      String field = forms.fieldOf(v);
      if (field != null) {
        emit(field + " = " + value + ";");
      } else {
        String mods = v.getModifiers().getFlags().contains(javax.lang.model.element.Modifier.FINAL)
            ? "final " : "";
        emit(mods + forms.declaredType(v) + " " + forms.localName(v) + " = " + value + ";");
      }
    } else {
      ExpressionTree e = ((ExpressionStatementTree) s).getExpression();
      if (e instanceof AssignmentTree a) {
        copies(a.getVariable());
        emit(forms.render(a.getVariable()) + " = "
            + BodyModeler.valueCall(family, forms.kindOfTarget(a)) + ";");
      } else {
        emit(family + "();");
      }
    }
  }

  /**
   * Suspends at {@code call}, an await or a {@code Generator.yield}, and returns the family of
   * calls that read its value once resumed: {@code awaited} or {@code received}.
   */
  private String suspendAt(MethodInvocationTree call, Tree statement) {
    if (!forms.isYield(call)) {
      suspend(call.getArguments().get(0), statement);
      return "awaited";
    }
    ExpressionTree value = call.getArguments().isEmpty() ? null : call.getArguments().get(0);
    if (value != null) {
      fragments.put(value, number);
    }
    Label resume = new Label();
    int line = forms.line(statement);
    if (value != null) {
      copies(value);
    }
    if (emit) {
      emit("produce(" + (value == null ? "null" : forms.render(value)) + ", " + resume.ref()
          + ");\nreturn; // " + forms.fileName() + ":" + line + " yields");
    }
    stateSet = true; // produce set it
    start(resume, line, "resumed");
    return "received";
  }

  /**
   * A statement whose expression awaits inside it: the expression runs as a chain of
   * continuations the machine awaits, and the statement's own work (declaring the local,
   * returning) follows with the chain's value.
   */
  private void expressionStatement(StatementTree s) {
    fragments.put(s, number);
    if (s instanceof VariableTree v) {
      // A declared reference type is the value's target type, as in the template.
      boolean typed = emit && !forms.sourceType(v).equals("var")
          && !forms.kindOfLocal(v).isPrimitive();
      String type = typed ? forms.sourceType(v) : null;
      suspendOnChain(v.getInitializer(), s, x -> typedResult(type, x));
      if (emit) {
        String value = BodyModeler.awaitedCall(forms.kindOfLocal(v));
        String field = forms.fieldOf(v);
        emit(field != null ? field + " = " + value + ";"
            : forms.declaredType(v) + " " + forms.localName(v) + " = " + value + ";");
      }
      return;
    }
    if (s instanceof ReturnTree r) {
      ExpressionTree value = ((MethodInvocationTree) r.getExpression()).getArguments().get(0);
      String type = emit ? forms.resultType() : null;
      suspendOnChain(value, s, x -> typedResult(type, x));
      emit(returnText("awaited()"));
      terminated = true;
      return;
    }
    ExpressionTree e = ((ExpressionStatementTree) s).getExpression();
    if (e instanceof com.sun.source.tree.CompoundAssignmentTree c) {
      // x op= E: x is read before E, and op= narrows as Java's does, on a copy of x's type.
      forms.hoistLocalsIn(c.getVariable());
      copies(c.getVariable()); // the target is written again in the chain, after these
      String target = emit ? forms.render(c.getVariable()) : "";
      String op = emit ? forms.renderBetween(c.getVariable(), c.getExpression()).trim() : "";
      String held = emit ? forms.uniqueLocal("held") : "";
      String updated = emit ? forms.uniqueLocal("updated") : "";
      emit("var " + held + " = " + target + ";");
      suspendOnChain(c.getExpression(), s, x -> new ExpressionAwaits.Code(List.of(
          "var " + updated + " = " + held + ";", updated + " " + op + " " + x + ";",
          target + " = " + updated + ";"), "resultOf(null)"));
      emit("awaited();");
      return;
    }
    suspendOnChain(e, s, x -> new ExpressionAwaits.Code(List.of(x + ";"), "resultOf(null)"));
    emit("awaited();");
  }

  /** The end of a chain whose value has {@code type} as its target type (none when null). */
  private ExpressionAwaits.Code typedResult(String type, String value) {
    if (type == null) {
      return done(value);
    }
    String name = forms.uniqueLocal("value");
    return new ExpressionAwaits.Code(List.of(type + " " + name + " = " + value + ";"),
        "resultOf(" + name + ")");
  }

  private static ExpressionAwaits.Code done(String value) {
    return new ExpressionAwaits.Code(List.of(), "resultOf(" + value + ")");
  }

  /** Suspends on the chain of continuations for {@code e}, which ends with {@code end}. */
  private void suspendOnChain(ExpressionTree e, Tree owner,
      java.util.function.Function<String, ExpressionAwaits.Code> end) {
    forms.hoistLocalsIn(e);
    fragments.put(e, number);
    if (!emit) {
      suspendText("", owner);
      return;
    }
    forms.copiesBefore(e, true).forEach(this::emit);
    ExpressionAwaits.Code chain = forms.chain(e, end);
    chain.statements().forEach(this::emit);
    suspendText(chain.chain(), owner);
  }

  /** Suspends on the awaitable {@code awaitable} computes, written by the lowering itself. */
  private void suspendText(String awaitable, Tree statement) {
    Label resume = new Label();
    int line = forms.line(statement);
    emit("if (suspendOn(" + awaitable + ", " + resume.ref() + ")) {\n"
        + "  return; // " + forms.fileName() + ":" + line + " suspends\n}");
    stateSet = true; // suspendOn set it
    start(resume, line, "resumed");
  }

  private void suspend(ExpressionTree awaitable, Tree statement) {
    fragments.put(awaitable, number);
    Label resume = new Label();
    int line = forms.line(statement);
    copies(awaitable);
    if (emit) {
      emit("if (suspendOn(" + forms.render(awaitable) + ", " + resume.ref() + ")) {\n"
          + "  return; // " + forms.fileName() + ":" + line + " suspends\n}");
    }
    stateSet = true; // suspendOn set it
    start(resume, line, "resumed");
  }

  /** A statement with no suspension in it, as written (jumps out of it patched). */
  private void copied(StatementTree s) {
    fragments.put(s, number);
    if (!emit) {
      return;
    }
    copies(s);
    patchJumpsLeaving(s);
    if (s instanceof ReturnTree ret) {
      emit(returnText(forms.returnValue(ret)));
      terminated = true;
      return;
    }
    if (s instanceof VariableTree v) {
      // A later declarator of "int a = 1, b = 2;" shares the type tree, and its source range
      // starts at that type: write it out on its own.
      boolean laterDeclarator = v.getType() != null && !declaredTypes.add(v.getType());
      String field = forms.fieldOf(v);
      if (field != null) {
        if (v.getInitializer() != null) {
          emit(field + " = " + forms.initializer(v) + ";");
        }
        return;
      }
      boolean firstOfSeveral = forms.render(v).trim().endsWith(",");
      if (laterDeclarator || firstOfSeveral
          || !forms.localName(v).equals(v.getName().toString())) {
        String init = v.getInitializer() == null ? "" : " = " + forms.render(v.getInitializer());
        String mods = v.getModifiers().getFlags().contains(javax.lang.model.element.Modifier.FINAL)
            ? "final " : "";
        emit(mods + forms.sourceType(v) + " " + forms.localName(v) + init + ";");
        return;
      }
    }
    String text = forms.renderStatement(s);
    if ((s instanceof VariableTree || s instanceof ExpressionStatementTree)
        && !text.endsWith(";")) {
      text += ";"; // a for loop's init and update parts carry no semicolon
    }
    switch (Reachability.canCompleteNormally(s)) {
      case YES -> emit(text);
      case NO -> {
        emit(text);
        terminated = true;
      }
      // javac may judge it unable to complete normally where we cannot tell; an if-then can
      // always complete normally, so the jump that follows stays reachable in javac's eyes.
      case MAYBE -> emit("if (true) {\n  " + text.replace("\n", "\n  ") + "\n}");
    }
  }

  /** Rewrites the jumps in {@code s} that leave it: break, continue, return and yield. */
  private void patchJumpsLeaving(StatementTree s) {
    for (Tree jump : JumpsOut.from(s)) {
      if (jump instanceof ReturnTree node) {
        forms.replace(node, () -> "{ " + returnText(forms.returnValue(node)).replace("\n", " ")
            + " }");
      } else if (jump instanceof YieldTree node) {
        Yield y = yields.peek();
        forms.replace(node, () -> "{ " + yieldText(y, forms.render(node.getValue()))
            .replace("\n", " ") + " }");
      } else if (jump instanceof BreakTree node) {
        Target t = find(node.getLabel() == null ? null : node.getLabel().toString(), false);
        forms.replace(node, () -> "{ " + leaveText(t, t.breakTo()).replace("\n", " ") + " }");
      } else {
        ContinueTree node = (ContinueTree) jump;
        Target t = find(node.getLabel() == null ? null : node.getLabel().toString(), true);
        forms.replace(node, () -> "{ " + leaveText(t, t.continueTo()).replace("\n", " ") + " }");
      }
    }
  }

  /**
   * The split statement a jump leaves for: by label, else the innermost loop (continue) or the
   * innermost loop or switch (break).
   */
  private Target find(String label, boolean isContinue) {
    for (Target t : targets) { // innermost first
      boolean match = label != null ? label.equals(t.label())
          : isContinue ? t.continueTo() != null : t.breakable();
      if (match) {
        return t;
      }
    }
    throw new IllegalStateException("no split statement for " + (isContinue ? "continue" : "break")
        + (label == null ? "" : " " + label));
  }

  // ---- states and jumps

  /**
   * Starts the state {@code label} names, which begins at source line {@code line}; its comment
   * reads {@code Kitchen.java:18, what}.
   */
  private void start(Label label, int line, String what) {
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
      code.addAll(forms.constantsFor(number));
    }
  }

  private void close() {
    states.add(new MethodModel.State(number, comment, stateLine, code));
    code = new ArrayList<>();
  }

  private void jump(Label label) {
    if (!terminated) {
      emit(jumpText(label));
      terminated = true;
    }
  }

  private String jumpText(Label label) {
    return "state = " + label.ref() + ";\ncontinue " + forms.dispatchLabel() + ";";
  }

  private void emit(String line) {
    if (emit) {
      code.add(SourceLines.mark(line, sourceLine));
    }
  }

  /**
   * Emits the copies the template's lambdas and classes in {@code unit} capture, right before
   * the code of {@code unit}: in the machine, the variables they read are fields.
   */
  private void copies(Tree unit) {
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
