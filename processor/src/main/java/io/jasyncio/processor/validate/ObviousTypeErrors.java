package io.jasyncio.processor.validate;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import io.jasyncio.processor.scan.AsyncioNames;
import io.jasyncio.processor.scan.BodyScan;

/**
 * Errors in a body that javac reports in the user's code, where the value can be seen not to
 * be what the position needs without attributing anything: {@code await(5)},
 * {@code await(a + b)}, or {@code return 2 * x;} in a coroutine (a number, a boolean or a
 * string is never an awaitable). A class generated from such a body would only repeat javac's
 * error inside generated code, so nothing is generated for it, and nothing is added to javac's
 * error.
 */
public final class ObviousTypeErrors {
  private ObviousTypeErrors() {}

  /** Whether the body {@code scan} read has such an error. */
  public static boolean in(BodyScan scan, AsyncioNames names, boolean coroutine) {
    for (BodyScan.AwaitUse await : scan.awaits()) {
      if (await.kind() == BodyScan.Suspension.AWAIT
          && await.path().getLeaf() instanceof MethodInvocationTree call
          && call.getArguments().size() == 1 && neverAwaitable(call.getArguments().get(0))) {
        return true;
      }
    }
    if (coroutine) {
      for (BodyScan.ReturnUse ret : scan.returns()) {
        ExpressionTree value = ((ReturnTree) ret.path().getLeaf()).getExpression();
        if (value != null && !(value instanceof MethodInvocationTree call && names.isDone(call))
            && neverAwaitable(value)) {
          return true;
        }
      }
    }
    return false;
  }

  /** A literal other than null, or an operator's value: a primitive or a string. */
  private static boolean neverAwaitable(ExpressionTree e) {
    while (e instanceof ParenthesizedTree p) {
      e = p.getExpression();
    }
    if (e instanceof LiteralTree l) {
      return l.getKind() != Tree.Kind.NULL_LITERAL;
    }
    return e instanceof BinaryTree || e instanceof UnaryTree;
  }
}
