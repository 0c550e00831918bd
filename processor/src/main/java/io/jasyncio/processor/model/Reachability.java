package io.jasyncio.processor.model;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreeScanner;
import java.util.List;

/**
 * Whether a copied statement can complete normally, by the rules of JLS 14.22 that javac applies
 * when it compiles the generated code: code placed after a statement that cannot complete
 * normally is a compile error there. MAYBE where the answer needs attribution (a loop whose
 * condition might be a constant, a switch, a try).
 */
final class Reachability {
  private Reachability() {}

  enum Answer { YES, NO, MAYBE }

  static Answer canCompleteNormally(StatementTree s) {
    if (s instanceof com.sun.source.tree.ClassTree) {
      return Answer.YES; // a local class, record, enum or interface declaration
    }
    switch (s.getKind()) {
      case RETURN, THROW, BREAK, CONTINUE, YIELD:
        return Answer.NO;
      case BLOCK: {
        List<? extends StatementTree> statements = ((BlockTree) s).getStatements();
        return statements.isEmpty() ? Answer.YES
            : canCompleteNormally(statements.get(statements.size() - 1));
      }
      case IF: {
        IfTree i = (IfTree) s;
        if (i.getElseStatement() == null) {
          return Answer.YES;
        }
        return or(canCompleteNormally(i.getThenStatement()),
            canCompleteNormally(i.getElseStatement()));
      }
      case WHILE_LOOP:
        return loop(((WhileLoopTree) s).getCondition(), s, null);
      case FOR_LOOP:
        return loop(((ForLoopTree) s).getCondition(), s, null);
      case DO_WHILE_LOOP: {
        DoWhileLoopTree d = (DoWhileLoopTree) s;
        if (isLiteral(d.getCondition(), true)) {
          return breaksOut(d.getStatement(), null) ? Answer.YES : Answer.NO;
        }
        return canCompleteNormally(d.getStatement()) == Answer.YES
            && !mightBeConstant(d.getCondition()) ? Answer.YES : Answer.MAYBE;
      }
      case LABELED_STATEMENT: {
        LabeledStatementTree l = (LabeledStatementTree) s;
        StatementTree inner = l.getStatement();
        if (inner instanceof WhileLoopTree w) {
          return loop(w.getCondition(), inner, l.getLabel().toString());
        }
        if (inner instanceof ForLoopTree f) {
          return loop(f.getCondition(), inner, l.getLabel().toString());
        }
        Answer a = canCompleteNormally(inner);
        // Only "break label" leaves a labeled block; a plain break leaves an enclosing loop.
        return a == Answer.NO && breaksOut(inner, l.getLabel().toString(), false)
            ? Answer.YES : a;
      }
      case SYNCHRONIZED:
        return canCompleteNormally(((SynchronizedTree) s).getBlock());
      case EXPRESSION_STATEMENT, VARIABLE, EMPTY_STATEMENT, ASSERT, CLASS, ENHANCED_FOR_LOOP:
        return Answer.YES;
      default:
        return Answer.MAYBE;
    }
  }

  private static Answer loop(ExpressionTree condition, StatementTree loop, String label) {
    if (condition == null || isLiteral(condition, true)) {
      StatementTree body = loop instanceof WhileLoopTree w ? w.getStatement()
          : ((ForLoopTree) loop).getStatement();
      return breaksOut(body, label) ? Answer.YES : Answer.NO;
    }
    // A condition such as FLAG (a constant) makes javac treat the loop as infinite.
    return mightBeConstant(condition) ? Answer.MAYBE : Answer.YES;
  }

  private static Answer or(Answer a, Answer b) {
    if (a == Answer.YES || b == Answer.YES) {
      return Answer.YES;
    }
    return a == Answer.NO && b == Answer.NO ? Answer.NO : Answer.MAYBE;
  }

  private static boolean isLiteral(ExpressionTree e, boolean value) {
    while (e instanceof ParenthesizedTree p) {
      e = p.getExpression();
    }
    return e instanceof LiteralTree l && Boolean.valueOf(value).equals(l.getValue());
  }

  /** Only a call or an object creation makes an expression surely not a constant. */
  private static boolean mightBeConstant(ExpressionTree e) {
    Boolean hasCall = new TreeScanner<Boolean, Void>() {
      @Override
      public Boolean visitMethodInvocation(com.sun.source.tree.MethodInvocationTree n, Void p) {
        return true;
      }

      @Override
      public Boolean visitNewClass(com.sun.source.tree.NewClassTree n, Void p) {
        return true;
      }

      @Override
      public Boolean reduce(Boolean a, Boolean b) {
        return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
      }
    }.scan(e, null);
    return !Boolean.TRUE.equals(hasCall);
  }

  /** Whether a break in {@code body} leaves the loop or labeled statement around it. */
  private static boolean breaksOut(StatementTree body, String label) {
    return breaksOut(body, label, true);
  }

  /** {@code plainBreaks}: whether a break without label at depth 0 leaves (a loop's body). */
  private static boolean breaksOut(StatementTree body, String label, boolean plainBreaks) {
    Boolean found = new TreeScanner<Boolean, Integer>() {
      @Override
      public Boolean visitBreak(BreakTree node, Integer depth) {
        return node.getLabel() == null ? plainBreaks && depth == 0
            : label != null && node.getLabel().contentEquals(label);
      }

      @Override
      public Boolean visitWhileLoop(WhileLoopTree node, Integer depth) {
        return super.visitWhileLoop(node, depth + 1);
      }

      @Override
      public Boolean visitDoWhileLoop(DoWhileLoopTree node, Integer depth) {
        return super.visitDoWhileLoop(node, depth + 1);
      }

      @Override
      public Boolean visitForLoop(ForLoopTree node, Integer depth) {
        return super.visitForLoop(node, depth + 1);
      }

      @Override
      public Boolean visitEnhancedForLoop(com.sun.source.tree.EnhancedForLoopTree node,
          Integer depth) {
        return super.visitEnhancedForLoop(node, depth + 1);
      }

      @Override
      public Boolean visitSwitch(com.sun.source.tree.SwitchTree node, Integer depth) {
        return super.visitSwitch(node, depth + 1);
      }

      @Override
      public Boolean visitClass(com.sun.source.tree.ClassTree node, Integer depth) {
        return false;
      }

      @Override
      public Boolean visitLambdaExpression(com.sun.source.tree.LambdaExpressionTree node,
          Integer depth) {
        return false;
      }

      @Override
      public Boolean reduce(Boolean a, Boolean b) {
        return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
      }
    }.scan(body, 0);
    return Boolean.TRUE.equals(found);
  }
}
