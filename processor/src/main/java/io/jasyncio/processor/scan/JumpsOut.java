package io.jasyncio.processor.scan;

import com.sun.source.tree.BreakTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreeScanner;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Whether a try statement's block or catch clauses hold a jump that leaves the statement: a
 * {@code return} of the method, or a {@code break}/{@code continue} whose target is outside it.
 */
public final class JumpsOut extends TreeScanner<Boolean, Void> {
  private final Deque<Tree> loopsAndSwitches = new ArrayDeque<>();
  private final Set<String> labels = new HashSet<>();

  private JumpsOut() {}

  /** Whether a jump leaves {@code t} from its block or a catch clause. */
  public static boolean of(TryTree t) {
    JumpsOut scanner = new JumpsOut();
    Boolean inBlock = scanner.scan(t.getBlock(), null);
    Boolean inCatches = scanner.scan(t.getCatches(), null);
    return Boolean.TRUE.equals(inBlock) || Boolean.TRUE.equals(inCatches);
  }

  @Override
  public Boolean reduce(Boolean a, Boolean b) {
    return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
  }

  @Override
  public Boolean scan(Tree tree, Void p) {
    if (tree == null) {
      return false;
    }
    boolean target = tree instanceof WhileLoopTree || tree instanceof DoWhileLoopTree
        || tree instanceof ForLoopTree || tree instanceof EnhancedForLoopTree
        || tree instanceof SwitchTree;
    String label = tree instanceof LabeledStatementTree l ? l.getLabel().toString() : null;
    if (target) {
      loopsAndSwitches.push(tree);
    }
    if (label != null) {
      labels.add(label);
    }
    try {
      return Boolean.TRUE.equals(super.scan(tree, p));
    } finally {
      if (target) {
        loopsAndSwitches.pop();
      }
      if (label != null) {
        labels.remove(label);
      }
    }
  }

  @Override
  public Boolean visitReturn(ReturnTree node, Void p) {
    return true;
  }

  @Override
  public Boolean visitBreak(BreakTree node, Void p) {
    return node.getLabel() == null ? loopsAndSwitches.isEmpty()
        : !labels.contains(node.getLabel().toString());
  }

  @Override
  public Boolean visitContinue(ContinueTree node, Void p) {
    return node.getLabel() == null
        ? loopsAndSwitches.stream().allMatch(t -> t instanceof SwitchTree)
        : !labels.contains(node.getLabel().toString());
  }

  @Override
  public Boolean visitClass(ClassTree node, Void p) {
    return false;
  }

  @Override
  public Boolean visitLambdaExpression(LambdaExpressionTree node, Void p) {
    return false;
  }

  @Override
  public Boolean visitSwitchExpression(SwitchExpressionTree node, Void p) {
    return false; // nothing jumps out of a switch expression
  }
}
