package io.jasyncio.processor.model;

import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import io.jasyncio.processor.model.Lowering.Label;
import io.jasyncio.processor.model.Lowering.Target;
import javax.lang.model.type.TypeKind;

/**
 * Lowers split loops: {@code while}, {@code do}, {@code for}, the enhanced {@code for} over an
 * iterable (its iterator kept in a field) and over {@code aiter(gen)} (each step awaited). Each
 * loop is a state for its test and states for its body, joined by jumps; break and continue
 * leave it through its {@link Lowering.Target}.
 */
final class LoopLowering {
  /** The lowering this construct's code goes into: its states, labels and jumps. */
  private final Lowering l;

  LoopLowering(Lowering l) {
    this.l = l;
  }

  void lowerWhile(WhileLoopTree w, String label) {
    l.splitAny = true;
    Label top = l.freshLabel();
    Label end = l.freshLabel();
    l.start(top, l.source.line(w), "while");
    Step.Value condition = l.condition(w.getCondition(), w);
    l.exitUnless(condition, end);
    l.pushTarget(new Target(w, label, end, top));
    l.statement(w.getStatement());
    l.targets.pop();
    l.jump(top);
    l.start(end, l.source.line(w), "after while");
  }

  void lowerDo(DoWhileLoopTree d, String label) {
    l.splitAny = true;
    Label top = l.freshLabel();
    Label test = l.freshLabel();
    Label end = l.freshLabel();
    l.start(top, l.source.line(d), "do");
    l.pushTarget(new Target(d, label, end, test));
    l.statement(d.getStatement());
    l.targets.pop();
    l.start(test, l.source.line(d.getCondition()), "do condition");
    l.jumpIf(l.condition(d.getCondition(), d), true, top);
    l.start(end, l.source.line(d), "after do");
  }

  void lowerFor(ForLoopTree f, String label) {
    l.splitAny = true;
    for (StatementTree init : f.getInitializer()) {
      l.statement(init);
    }
    Label top = l.freshLabel();
    Label update = l.freshLabel();
    Label end = l.freshLabel();
    l.start(top, l.source.line(f), "for");
    if (f.getCondition() != null) {
      l.exitUnless(l.condition(f.getCondition(), f), end);
    }
    l.pushTarget(new Target(f, label, end, update));
    l.statement(f.getStatement());
    l.targets.pop();
    l.start(update, l.source.line(f), "for update");
    for (ExpressionStatementTree u : f.getUpdate()) {
      l.statement(u);
    }
    l.jump(top);
    l.start(end, l.source.line(f), "after for");
  }

  /**
   * {@code for (T v : xs) body}: the position in {@code xs} must survive suspensions, so it
   * lives in an iterator field; each turn reads the next element into {@code v}.
   */
  void lowerForEach(EnhancedForLoopTree each, String label) {
    l.splitAny = true;
    MethodInvocationTree source0 = l.forms.awaitIn(each);
    if (source0 != null && l.forms.isAiter(source0)) {
      lowerAsyncFor(each, source0.getArguments().get(0), label);
      return;
    }
    String iterator = l.names.iteratorField(each);
    MethodInvocationTree await = l.forms.awaitIn(each);
    Step.Value source;
    if (l.forms.awaitsInExpression(each)) {
      // The iterable awaits inside, for (T v : await(f(await(g())))) too: its chain runs
      // once, and the loop goes over its value.
      l.suspensions.suspendOnChain(each.getExpression(), each, Chain.Result::new);
      source = new Step.Resumed(Step.Source.AWAIT, TypeKind.NONE);
    } else if (await != null) {
      source = new Step.Resumed(l.suspensions.suspendAt(await, each), TypeKind.NONE);
    } else {
      l.fragments.put(each.getExpression(), l.number);
      l.copies(each.getExpression());
      source = l.emit ? l.text(each.getExpression()) : new Step.Text("");
    }
    l.suspensions.assign(iterator, new Step.Iterate(source));
    Label top = l.freshLabel();
    Label end = l.freshLabel();
    l.start(top, l.source.line(each), "for each");
    l.exitUnless(new Step.HasNext(iterator), end);
    VariableTree v = each.getVariable();
    l.fragments.put(v, l.number);
    if (l.emit) {
      l.suspensions.assignLocal(v, new Step.Next(iterator, l.types.kindOfLocal(v)));
    }
    l.pushTarget(new Target(each, label, end, top));
    l.statement(each.getStatement());
    l.targets.pop();
    l.jump(top);
    l.start(end, l.source.line(each), "after for each");
  }

  /**
   * {@code for (T v : aiter(gen)) body}: the generator lives in a field; each turn awaits its
   * next step, leaves the loop when it finished, and else reads the value into {@code v}.
   */
  void lowerAsyncFor(EnhancedForLoopTree each, ExpressionTree generator, String label) {
    String source = l.names.asyncIteratorField(each);
    l.fragments.put(generator, l.number);
    l.copies(generator);
    l.add(new Step.Evaluate(new Expr.Assignment(new Expr.Name(source), "=",
        new Expr.Code(l.emit ? l.source.render(generator) : "")), l.sourceLine()));
    Label top = l.freshLabel();
    Label end = l.freshLabel();
    l.start(top, l.source.line(each), "async for");
    l.suspensions.suspendOn(new Step.NextStep(source), each);
    l.jumpIf(new Step.Exhausted(), true, end);
    VariableTree v = each.getVariable();
    l.fragments.put(v, l.number);
    if (l.emit) {
      l.suspensions.assignLocal(v, new Step.Resumed(Step.Source.AWAIT, l.types.kindOfLocal(v)));
    }
    l.pushTarget(new Target(each, label, end, top));
    l.statement(each.getStatement());
    l.targets.pop();
    l.jump(top);
    l.start(end, l.source.line(each), "after async for");
  }
}
