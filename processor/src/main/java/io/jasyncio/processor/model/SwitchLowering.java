package io.jasyncio.processor.model;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.YieldTree;
import io.jasyncio.processor.model.Lowering.Label;
import io.jasyncio.processor.model.Lowering.Target;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.lang.model.type.TypeKind;

/**
 * Lowers split switch statements and switch expressions: a copied switch (or, for an awaited
 * selector, a case chooser) jumps to the state of the matching case, and the cases follow in
 * their order. A switch expression's arms and yields write its value where it goes.
 */
final class SwitchLowering {
  /** The lowering this construct's code goes into: its states, labels and jumps. */
  private final Lowering l;
  /** The split switch expressions being lowered, innermost first. */
  final Deque<Yield> yields = new ArrayDeque<>();

  SwitchLowering(Lowering l) {
    this.l = l;
  }

  /**
   * Where the value of a split switch expression goes: each arm and {@code yield} writes it
   * ({@code into}, the variable's text) and leaves for the end of the switch ({@code target}); a
   * switch expression that is the value of {@code return done(...)} returns it instead.
   */
  record Yield(java.util.function.Supplier<String> into, boolean returns,
      TypeKind kind, Target target) {}

  /**
   * A switch statement: the selector is evaluated by a copied switch that only jumps to the
   * state of the matching case; the cases follow in their order, so one that does not break
   * falls through into the next as Java's does, and an arrow case ends with a jump out.
   */
  void lowerSwitch(SwitchTree sw, String label) {
    l.splitAny = true;
    Label end = l.freshLabel();
    List<Label> cases = dispatch(sw, sw.getExpression(), sw.getCases(), end, false);
    l.pushTarget(new Target(sw, label, end, null, true));
    for (int i = 0; i < sw.getCases().size(); i++) {
      CaseTree c = sw.getCases().get(i);
      l.start(cases.get(i), l.source.line(c), "case");
      if (c.getCaseKind() == CaseTree.CaseKind.RULE) {
        Tree body = c.getBody();
        if (body instanceof StatementTree st) {
          l.statement(st);
        } else {
          l.fragments.put(body, l.number);
          l.copies(body);
          l.add(new Step.Evaluate(new Expr.Code(l.emit ? l.source.render(body) : ""),
              l.sourceLine()));
        }
        l.jump(end);
      } else {
        for (StatementTree st : c.getStatements()) {
          l.statement(st);
        }
      }
    }
    l.targets.pop();
    l.start(end, l.source.line(sw), "after switch");
  }

  /** One arm of a dispatching switch: its {@code case ...}/{@code default}, where it goes. */
  record Arm(List<String> constants, Label target) {
    /** The arm as a step has it: the state as the label's id, until the lowering resolves it. */
    Step.Arm step() {
      return new Step.Arm(constants, target == null ? Step.Arm.UNKNOWN : target.id);
    }
  }

  /**
   * Jumps to the state of the case the selector matches, and returns the cases' labels. An
   * awaited selector ({@code switch (await(x))}) suspends first, with a chooser typed by what
   * {@code x} yields; a switch with no default goes to {@code end}, or for a switch expression
   * throws as Java's does when an enum gained a constant.
   */
  List<Label> dispatch(Tree sw, ExpressionTree selector, List<? extends CaseTree> cases,
      Label end, boolean isExpression) {
    while (selector instanceof ParenthesizedTree p) {
      selector = p.getExpression();
    }
    List<Label> labels = new ArrayList<>();
    List<Arm> arms = new ArrayList<>();
    boolean hasDefault = false;
    for (CaseTree c : cases) {
      Label arm = l.freshLabel();
      labels.add(arm);
      c.getExpressions().forEach(e -> l.fragments.put(e, l.number));
      if (c.getExpressions().isEmpty()) {
        hasDefault = true;
        arms.add(new Arm(List.of(), arm));
      } else if (l.emit) {
        List<String> constants = new ArrayList<>();
        c.getExpressions().forEach(e -> constants.add(l.source.render(e)));
        arms.add(new Arm(constants, arm));
      }
    }
    if (!hasDefault) {
      // a switch expression over an enum that gained a constant: javac's code throws this
      arms.add(new Arm(List.of(), isExpression ? null : end));
    }
    MethodInvocationTree await = l.forms.awaitIn(sw);
    boolean chained = await == null && l.forms.awaitsInExpression(sw);
    if (await != null || chained) {
      // The selector's type is known only where its awaitable is: the chooser is typed there.
      // A selector that awaits inside is a chain, whose result is the selector's value.
      ExpressionTree awaitable = chained ? selector : await.getArguments().get(0);
      Step.Value awaiting = chained
          ? l.suspensions.chainValue(selector, Chain.Result::new) : null;
      l.fragments.put(awaitable, l.number);
      String casesField = l.names.casesField();
      String awaited = l.names.freshName("selector", sw);
      String value = l.names.freshName("selected", selector);
      Label resume = l.freshLabel();
      int line = l.source.line(sw);
      if (!chained) {
        l.copies(awaitable);
      }
      if (l.emit) {
        l.add(new Step.SuspendForCase(chained ? awaiting : l.text(awaitable), awaited,
            casesField, value, arms.stream().map(Arm::step).toList(), resume.id,
            l.forms.fileName() + ":" + line, l.sourceLine()));
      }
      l.stateSet = true;
      l.start(resume, line, "resumed");
      l.add(new Step.JumpToCase(casesField, l.sourceLine()));
      l.terminated = true;
      return labels;
    }
    l.fragments.put(selector, l.number);
    l.copies(selector);
    if (l.emit) {
      l.add(new Step.Dispatch(l.text(selector),
          arms.stream().map(Arm::step).toList(), l.sourceLine()));
    }
    l.terminated = true; // every way through the switch above jumps or throws
    return labels;
  }

  /**
   * A statement whose value is a switch expression that awaits ({@code T v = switch ...;},
   * {@code v = switch ...;}, {@code return done(switch ...);}): lowered like a switch statement
   * whose arms write the value where it goes. Returns false for any other statement.
   */
  boolean switchExpressionIn(StatementTree s) {
    ExpressionTree value = null;
    if (s instanceof VariableTree v) {
      value = v.getInitializer();
    } else if (s instanceof ExpressionStatementTree e
        && e.getExpression() instanceof AssignmentTree a) {
      value = a.getExpression();
    } else if (s instanceof ReturnTree r && r.getExpression() instanceof MethodInvocationTree d
        && l.forms.isDoneCall(d) && d.getArguments().size() == 1) {
      value = d.getArguments().get(0);
    }
    while (value instanceof ParenthesizedTree p) {
      value = p.getExpression();
    }
    if (!(value instanceof SwitchExpressionTree sx) || l.forms.awaitIn(s) != null) {
      return false;
    }
    Yield sink;
    if (s instanceof VariableTree v) {
      l.locals.mustHoist(v);
      sink = new Yield(() -> l.locals.fieldOf(v), false,
          l.types.kindOfLocal(v), null);
    } else if (s instanceof ExpressionStatementTree e) {
      AssignmentTree a = (AssignmentTree) e.getExpression();
      l.locals.mustHoistTarget(a);
      sink = new Yield(() -> l.source.render(a.getVariable()), false,
          l.types.kindOfTarget(a), null);
    } else {
      sink = new Yield(null, true, TypeKind.NONE, null);
    }
    l.fragments.put(s, l.number);
    lowerSwitchExpression(sx, sink);
    return true;
  }

  /** A switch expression whose arms or selector await, writing its value through {@code sink}. */
  void lowerSwitchExpression(SwitchExpressionTree sx, Yield sink) {
    l.splitAny = true;
    Label end = l.freshLabel();
    Yield y = new Yield(sink.into(), sink.returns(), sink.kind(),
        new Target(sx, null, end, null, false, l.regions.size()));
    List<Label> cases = dispatch(sx, sx.getExpression(), sx.getCases(), end, true);
    yields.push(y);
    for (int i = 0; i < sx.getCases().size(); i++) {
      CaseTree c = sx.getCases().get(i);
      l.start(cases.get(i), l.source.line(c), "case");
      if (c.getCaseKind() == CaseTree.CaseKind.RULE) {
        Tree body = c.getBody();
        if (body instanceof StatementTree st) {
          l.statement(st); // a block that yields, or a throw
        } else {
          yieldValue((ExpressionTree) body, c);
        }
        l.jump(end);
      } else {
        for (StatementTree st : c.getStatements()) {
          l.statement(st);
        }
      }
    }
    yields.pop();
    l.start(end, l.source.line(sx), "after switch");
  }

  /** {@code yield v;} of the innermost split switch expression. */
  void yieldStatement(YieldTree y) {
    l.fragments.put(y, l.number);
    yieldValue(y.getValue(), y);
  }

  /**
   * Hands {@code value}, an arm's expression or a yield's, to the innermost split switch
   * expression: awaited first when it is {@code await(x)}, split further when it is a switch
   * expression that awaits.
   */
  void yieldValue(ExpressionTree value, Tree holder) {
    Yield y = yields.peek();
    ExpressionTree inner = value;
    while (inner instanceof ParenthesizedTree p) {
      inner = p.getExpression();
    }
    MethodInvocationTree await = l.forms.awaitIn(holder);
    Step.Value result;
    if (await != null) {
      Step.Source from = l.suspensions.suspendAt(await, holder);
      result = new Step.Resumed(from, y.returns() ? TypeKind.NONE : y.kind());
    } else if (l.forms.awaitsInExpression(holder)) {
      // The value awaits inside: its chain's result is the value.
      l.suspensions.suspendOnChain(inner, holder, Chain.Result::new);
      result = new Step.Resumed(Step.Source.AWAIT, y.returns() ? TypeKind.NONE : y.kind());
    } else if (inner instanceof SwitchExpressionTree nested && l.forms.suspendsIn(nested)) {
      lowerSwitchExpression(nested, y);
      if (!y.returns()) {
        l.emitLeave(y.target(), y.target().breakTo());
        l.terminated = true;
      }
      return;
    } else {
      l.fragments.put(value, l.number);
      l.copies(value);
      result = l.emit ? l.text(value) : new Step.Text("");
    }
    yieldSteps(y, result).forEach(l::add);
    if (!y.returns()) {
      l.keepJump();
    }
    l.terminated = true;
  }

  /** Writes a switch expression's value and leaves it (or returns the value). */
  List<Step> yieldSteps(Yield y, Step.Value value) {
    if (y.returns()) {
      return l.returnSteps(value);
    }
    return List.of(new Step.Assign(l.emit ? y.into().get() : "", value, l.sourceLine()),
        l.leave(y.target(), y.target().breakTo()));
  }
}
