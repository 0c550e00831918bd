package io.jasyncio.processor.validate;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import io.jasyncio.processor.Diagnostic;
import io.jasyncio.processor.Messages;
import io.jasyncio.processor.Report;

/**
 * Finds Java's {@code yield} statement outside any switch expression in an {@code @Async}
 * body: {@code yield(1);} parses as that statement, not as a call of {@code Generator.yield},
 * and javac would only reject it after the rewrite.
 */
final class YieldStatements extends TreePathScanner<Void, Void> {
  private final Report report;
  private int switchExpressions;

  private YieldStatements(Report report) {
    this.report = report;
  }

  /** Reports each {@code yield} statement of {@code method}'s body outside a switch expression. */
  static void check(MethodTree method, TreePath methodPath, Report report) {
    if (method.getBody() != null) {
      new YieldStatements(report).scan(new TreePath(methodPath, method.getBody()), null);
    }
  }

  @Override
  public Void visitSwitchExpression(SwitchExpressionTree node, Void p) {
    switchExpressions++;
    try {
      return super.visitSwitchExpression(node, p);
    } finally {
      switchExpressions--;
    }
  }

  @Override
  public Void visitYield(YieldTree node, Void p) {
    if (switchExpressions == 0) {
      report.add(Diagnostic.at(getCurrentPath(), Messages.yieldStatement()));
    }
    return super.visitYield(node, p);
  }

  // javac itself checks the code it does not rewrite.

  @Override
  public Void visitLambdaExpression(LambdaExpressionTree node, Void p) {
    return null;
  }

  @Override
  public Void visitClass(ClassTree node, Void p) {
    return null;
  }
}
