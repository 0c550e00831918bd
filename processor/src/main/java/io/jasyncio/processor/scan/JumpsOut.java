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
import com.sun.source.tree.YieldTree;
import com.sun.source.util.TreeScanner;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The jumps inside a statement that leave it: a {@code return} of the method, a {@code yield}
 * of an enclosing switch expression, or a {@code break}/{@code continue} whose target is outside
 * it. Lambdas, class bodies and switch expressions are not looked into: nothing jumps out of
 * them.
 */
public final class JumpsOut extends TreeScanner<Void, Void> {
  private final Deque<Tree> loopsAndSwitches = new ArrayDeque<>();
  private final Set<String> labels = new HashSet<>();
  private final List<Tree> out = new ArrayList<>();
  private Tree root;

  private JumpsOut() {}

  /**
   * The jumps in {@code root} that leave it, in source order; a return or yield that is all of
   * {@code root} is its own work, not a jump out of it.
   */
  public static List<Tree> from(Tree root) {
    JumpsOut scanner = new JumpsOut();
    scanner.root = root;
    scanner.scan(root, null);
    return scanner.out;
  }

  /** Whether a return, break or continue leaves {@code t} from its block or a catch clause. */
  public static boolean of(TryTree t) {
    List<Tree> jumps = new ArrayList<>(from(t.getBlock()));
    t.getCatches().forEach(c -> jumps.addAll(from(c)));
    return jumps.stream().anyMatch(j -> !(j instanceof YieldTree));
  }

  @Override
  public Void scan(Tree tree, Void p) {
    if (tree == null) {
      return null;
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
      return super.scan(tree, p);
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
  public Void visitReturn(ReturnTree node, Void p) {
    if (node != root) {
      out.add(node);
    }
    return null;
  }

  @Override
  public Void visitYield(YieldTree node, Void p) {
    if (node != root) {
      out.add(node);
    }
    return null;
  }

  @Override
  public Void visitBreak(BreakTree node, Void p) {
    if (node.getLabel() == null ? loopsAndSwitches.isEmpty()
        : !labels.contains(node.getLabel().toString())) {
      out.add(node);
    }
    return null;
  }

  @Override
  public Void visitContinue(ContinueTree node, Void p) {
    if (node.getLabel() == null
        ? loopsAndSwitches.stream().allMatch(t -> t instanceof SwitchTree)
        : !labels.contains(node.getLabel().toString())) {
      out.add(node);
    }
    return null;
  }

  @Override
  public Void visitClass(ClassTree node, Void p) {
    return null;
  }

  @Override
  public Void visitLambdaExpression(LambdaExpressionTree node, Void p) {
    return null;
  }

  @Override
  public Void visitSwitchExpression(SwitchExpressionTree node, Void p) {
    return null; // nothing jumps out of a switch expression; its yields are its own
  }
}
