package io.jasyncio.processor.scan;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreeScanner;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The simple names that code assigns after their declaration: the targets of {@code =},
 * {@code op=}, {@code ++} and {@code --} (not of {@code !}, {@code -} or {@code ~}, which only
 * read), lambdas and class bodies included. A parenthesized target ({@code (x) = 1}) is not
 * looked through.
 */
public final class AssignedLocals {
  private AssignedLocals() {}

  /** The simple names {@code t} assigns, in source order. */
  public static List<IdentifierTree> targetsIn(Tree t) {
    List<IdentifierTree> out = new ArrayList<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitAssignment(AssignmentTree node, Void p) {
        note(node.getVariable());
        return super.visitAssignment(node, p);
      }

      @Override
      public Void visitCompoundAssignment(CompoundAssignmentTree node, Void p) {
        note(node.getVariable());
        return super.visitCompoundAssignment(node, p);
      }

      @Override
      public Void visitUnary(UnaryTree node, Void p) {
        switch (node.getKind()) {
          case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT ->
              note(node.getExpression());
          default -> { }
        }
        return super.visitUnary(node, p);
      }

      private void note(ExpressionTree target) {
        if (target instanceof IdentifierTree id) {
          out.add(id);
        }
      }
    }.scan(t, null);
    return out;
  }

  /**
   * What {@code local} resolves the names {@code t} assigns to, where it resolves them (null:
   * not a local), in source order.
   */
  public static <L> Set<L> in(Tree t, Function<IdentifierTree, L> local) {
    Set<L> out = new LinkedHashSet<>();
    for (IdentifierTree id : targetsIn(t)) {
      L l = local.apply(id);
      if (l != null) {
        out.add(l);
      }
    }
    return out;
  }
}
