package io.jasyncio.processor.model;

import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A switch expression that awaits, as an operand of a larger expression, for
 * {@link ExpressionAwaits}: its cases are arrows, each one arm.
 */
final class SwitchChains {
  private final ExpressionAwaits a;

  SwitchChains(ExpressionAwaits awaits) {
    this.a = awaits;
  }

  /**
   * A switch expression that awaits, as an operand (its cases are arrows): a switch with the
   * template's labels over the selector's value picks the number of the arm, each arm that
   * awaits runs as a chain of its own when its number is picked (one {@link Chain.Either} per
   * such arm, each handing on its value under a name of its own), and the rest sees the switch
   * expression put back together over that number: {@code switch (arm) { case 0 -> x'; ...
   * default -> ...; }}, each awaited arm an expression of the type and kind its source had (as
   * a branch of {@code ?:} is, see {@link ExpressionAwaits#branchChain}), each other arm as
   * written, evaluated there only if picked. So Java types it as it typed the source.
   */
  Chain switchExpression(SwitchExpressionTree sx, Expr selector, Function<Expr, Chain> k) {
    List<List<Expr>> labels = new ArrayList<>();
    for (CaseTree c : sx.getCases()) {
      labels.add(c.getExpressions().stream().map(l -> a.text(l, Map.of())).toList());
    }
    String arm = a.source.freshName("arm");
    return new Chain.Let("int", arm, new Expr.ArmOf(selector, labels),
        arms(sx, new Expr.Name(arm), 0, new ArrayList<>(), k));
  }

  /** The awaiting arms of {@code sx} from the {@code i}-th on, then the switch put together. */
  private Chain arms(SwitchExpressionTree sx, Expr arm, int i, List<Expr.Arm> done,
      Function<Expr, Chain> k) {
    if (i == sx.getCases().size()) {
      return k.apply(new Expr.ArmSwitch(arm, done));
    }
    Tree body = sx.getCases().get(i).getBody();
    List<Expr.Arm> more = new ArrayList<>(done);
    if (!(body instanceof ExpressionTree value) || !a.awaitsIn(value)) {
      more.add(new Expr.Arm(a.text(body, Map.of()), body instanceof ExpressionTree));
      return arms(sx, arm, i + 1, more, k);
    }
    String x = a.source.freshName("taken");
    String y = a.source.freshName("other");
    more.add(new Expr.Arm(a.branchValue(value, x), true));
    return new Chain.Either(new Expr.Binary(arm, "==", new Expr.Code(Integer.toString(i))),
        a.branchChain(value), Chain.none(), x, y, arms(sx, arm, i + 1, more, k));
  }
}
