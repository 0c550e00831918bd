package io.jasyncio.processor.scan;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.TreePath;

/**
 * Where a suspension may stand: the statement forms an {@code await} may take, and the
 * statements the modeler can split into states around it.
 *
 * <p>An await is one of {@code await(x);}, {@code T v = await(x);}, {@code v = await(x);},
 * {@code return done(await(x));}, the whole condition of an {@code if}, {@code while},
 * {@code do} or {@code for}, the whole expression of an enhanced {@code for}, the whole selector
 * of a switch, or the whole arm or {@code yield} value of a switch expression. Every statement
 * around it, up to the method body, must be one the modeler lowers: a block, {@code if}, a
 * loop, a switch, {@code try}, or a labeled statement; a switch expression around it must hand
 * its value to a place each arm can write (see {@link #valueHolder}), unless it is an operand
 * whose cases are arrows and the await is in its selector or in an arm that is an expression.
 * The same holds for {@code return other;}, a tail await, which may also stand in a
 * {@code synchronized} block (no await in its block can; its lock may await).
 *
 * <p>Nested in an expression ({@link #expressionOwner}), an await may stand anywhere but in a
 * lambda or class body, or a switch expression that is a branch of {@code ?:}.
 */
public final class Suspensions {
  private Suspensions() {}

  /** Why an await cannot stand where it is, or null when it can. */
  public enum Problem { POSITION, ASSIGNMENT_TARGET }

  /**
   * The statement that suspends for the await at {@code await} (the statement form around it,
   * or the {@code if}/loop whose condition it is), or null if the await is not in such a form.
   */
  public static TreePath suspendingStatement(TreePath await, AsyncioNames names) {
    Tree call = await.getLeaf();
    TreePath parentPath = await.getParentPath();
    Tree parent = parentPath.getLeaf();
    if (names.isAiter((MethodInvocationTree) call)) {
      // for (T v : aiter(gen)): each turn awaits the generator's next step
      return parent instanceof EnhancedForLoopTree each && each.getExpression() == call
          ? parentPath : null;
    }
    if (parent instanceof ExpressionStatementTree) {
      return parentPath;
    }
    if (parent instanceof VariableTree v && v.getInitializer() == call) {
      return parentPath;
    }
    if (parent instanceof AssignmentTree a && a.getExpression() == call
        && isSimpleTarget(a.getVariable())
        && parentPath.getParentPath().getLeaf() instanceof ExpressionStatementTree) {
      return parentPath.getParentPath();
    }
    if (names.isYield((MethodInvocationTree) call)) {
      return null; // Generator.yield(v);, S s = Generator.yield(v); or s = Generator.yield(v);
    }
    if (parent instanceof MethodInvocationTree done && names.isDone(done)
        && done.getArguments().size() == 1
        && parentPath.getParentPath().getLeaf() instanceof ReturnTree) {
      return parentPath.getParentPath();
    }
    if (parent instanceof EnhancedForLoopTree each && each.getExpression() == call) {
      return parentPath; // for (T v : await(x)): the loop suspends before it starts
    }
    if (parent instanceof YieldTree) {
      return parentPath; // yield await(x); in a switch expression
    }
    if (parent instanceof CaseTree c && c.getBody() == call
        && parentPath.getParentPath().getLeaf() instanceof SwitchExpressionTree
        && (loweredAsStatement(parentPath.getParentPath(), names)
            || !isChainable(parentPath.getParentPath()))) {
      return parentPath; // case X -> await(x); in a switch expression
    }
    if (parent instanceof ParenthesizedTree
        && (parentPath.getParentPath().getLeaf() instanceof SwitchTree sw
            && sw.getExpression() == parent
            || parentPath.getParentPath().getLeaf() instanceof SwitchExpressionTree sx
            && sx.getExpression() == parent
            && (loweredAsStatement(parentPath.getParentPath(), names)
                || !isChainable(parentPath.getParentPath())))) {
      return parentPath.getParentPath(); // switch (await(x)): suspends before it dispatches
    }
    TreePath conditionOf = parent instanceof ParenthesizedTree ? parentPath.getParentPath()
        : parentPath;
    Tree owner = conditionOf.getLeaf();
    Tree condition = parent instanceof ParenthesizedTree ? parent : call;
    if ((owner instanceof IfTree i && i.getCondition() == condition)
        || (owner instanceof WhileLoopTree w && w.getCondition() == condition)
        || (owner instanceof DoWhileLoopTree d && d.getCondition() == condition)
        || (owner instanceof ForLoopTree f && f.getCondition() == call)) {
      return conditionOf;
    }
    return null;
  }

  /**
   * The statement (or the {@code if}/loop whose condition it is) that suspends for an await
   * nested in an expression, as in {@code f(a, await(g()))} or {@code total = x + await(y())},
   * when every expression between the await and that statement is one the processor can
   * continue after an await; null otherwise. Its owner is an expression statement, a local's
   * initializer, {@code return done(...)}, a {@code throw} or {@code assert}, an enhanced
   * {@code for}'s iterable, a condition, a switch's selector, or a switch expression's arm or
   * {@code yield}.
   */
  public static TreePath expressionOwner(TreePath await, AsyncioNames names) {
    if (!names.isAwait((MethodInvocationTree) await.getLeaf())) {
      return null; // Generator.yield and aiter(...) take statement forms only
    }
    TreePath childPath = await;
    for (TreePath p = await.getParentPath(); p != null; p = p.getParentPath()) {
      Tree child = childPath.getLeaf();
      Tree t = p.getLeaf();
      switch (t.getKind()) {
        case EXPRESSION_STATEMENT:
          return p;
        case VARIABLE:
          return ((VariableTree) t).getInitializer() == child ? p : null;
        case RETURN:
          return null; // only through done(...), below
        case THROW:
        case ASSERT: // its condition, or its detail
          return p;
        case IF:
        case WHILE_LOOP:
        case DO_WHILE_LOOP:
          return child instanceof ParenthesizedTree || child instanceof ExpressionTree ? p : null;
        case FOR_LOOP:
          return ((ForLoopTree) t).getCondition() == child ? p : null;
        case ENHANCED_FOR_LOOP: // its iterable, evaluated once before the loop
          return ((EnhancedForLoopTree) t).getExpression() == child ? p : null;
        case SYNCHRONIZED: // its lock, evaluated before the monitor is taken
          return ((com.sun.source.tree.SynchronizedTree) t).getExpression() == child ? p : null;
        case SWITCH: // its selector, evaluated before it dispatches
          return ((SwitchTree) t).getExpression() == child ? p : null;
        case SWITCH_EXPRESSION: {
          // Lowered into states where it hands its value to a statement; else an operand.
          if (loweredAsStatement(p, names)) {
            return ((SwitchExpressionTree) t).getExpression() == child ? p : null;
          }
          if (!isChainable(p)) {
            return null;
          }
          break;
        }
        case CASE: { // the value of a switch expression's arm
          TreePath sx = p.getParentPath();
          if (((CaseTree) t).getBody() != child || !(sx.getLeaf() instanceof SwitchExpressionTree)) {
            return null;
          }
          if (loweredAsStatement(sx, names)) {
            return p;
          }
          break; // an arm of a switch expression that is an operand (checked above it)
        }
        case YIELD: {
          TreePath sx = p.getParentPath();
          while (!(sx.getLeaf() instanceof SwitchExpressionTree)) {
            sx = sx.getParentPath();
          }
          return loweredAsStatement(sx, names) ? p : null;
        }
        case METHOD_INVOCATION: {
          MethodInvocationTree call = (MethodInvocationTree) t;
          if (names.isDone(call) && p.getParentPath().getLeaf() instanceof ReturnTree) {
            return call.getArguments().size() == 1 ? p.getParentPath() : null;
          }
          if (names.isAiter(call) || names.isYield(call)) {
            return null;
          }
          break; // an argument, or (through the member select) the receiver
        }
        case MEMBER_SELECT:
        case NEW_CLASS:
        case PARENTHESIZED:
        case TYPE_CAST:
        case INSTANCE_OF:
        case CONDITIONAL_EXPRESSION:
        case ARRAY_ACCESS:
        case NEW_ARRAY:
        case ASSIGNMENT:
        case CONDITIONAL_AND:
        case CONDITIONAL_OR:
          break;
        default:
          if (t instanceof com.sun.source.tree.BinaryTree
              || t instanceof com.sun.source.tree.CompoundAssignmentTree) {
            break;
          }
          if (t instanceof com.sun.source.tree.UnaryTree) {
            break; // ++ and -- too: only their operand's parts can await, evaluated before
          }
          return null;
      }
      if (t instanceof com.sun.source.tree.NewClassTree n && n.getClassBody() != null) {
        return null;
      }
      if (t instanceof com.sun.source.tree.ConditionalExpressionTree c
          && c.getCondition() != child && unwrap(child) instanceof SwitchExpressionTree) {
        // A branch of ?: is handed on with its kind (numeric or not), which a switch expression
        // put back together after its arms awaited cannot carry out of the branch.
        return null;
      }
      childPath = p;
    }
    return null;
  }

  /**
   * Whether the switch expression at {@code sx} is lowered into states, its arms writing its
   * value where a statement takes it (see {@link #valueHolder}), through any switch
   * expressions around it whose arm or {@code yield} it is.
   */
  public static boolean loweredAsStatement(TreePath sx, AsyncioNames names) {
    for (TreePath at = sx; ; ) {
      TreePath holder = valueHolder(at, names);
      if (holder == null) {
        return false;
      }
      if (!(holder.getLeaf() instanceof CaseTree || holder.getLeaf() instanceof YieldTree)) {
        return true;
      }
      at = holder.getParentPath();
      while (!(at.getLeaf() instanceof SwitchExpressionTree)) {
        at = at.getParentPath();
      }
    }
  }

  /**
   * Whether the switch expression at {@code sx}, an operand of a larger expression, can be a
   * chain of continuations: its cases are arrows ({@code case X -> ...}), so each is one arm,
   * and an arm that awaits is an expression (a block arm that awaits needs statements split).
   */
  private static boolean isChainable(TreePath sx) {
    for (CaseTree c : ((SwitchExpressionTree) sx.getLeaf()).getCases()) {
      if (c.getCaseKind() != CaseTree.CaseKind.RULE) {
        return false;
      }
    }
    return true;
  }

  private static Tree unwrap(Tree t) {
    while (t instanceof ParenthesizedTree p) {
      t = p.getExpression();
    }
    return t;
  }



  /** {@code v} or {@code this.v}: what an awaited value may be assigned to. */
  public static boolean isSimpleTarget(ExpressionTree target) {
    if (target instanceof IdentifierTree) {
      return true;
    }
    return target instanceof MemberSelectTree select
        && select.getExpression() instanceof IdentifierTree q
        && q.getName().contentEquals("this");
  }

  /**
   * The first statement between {@code statement} (exclusive) and the method body that the
   * modeler cannot split into states (a {@code switch}, {@code try}, ...), or null if there is
   * none. {@code statement} itself must sit where a statement of a lowered construct stands.
   */
  public static Tree unsupportedAncestor(TreePath statement, Tree body, AsyncioNames names) {
    TreePath childPath = statement;
    for (TreePath p = statement.getParentPath(); p != null; p = p.getParentPath()) {
      if (childPath.getLeaf() instanceof SwitchExpressionTree sx) {
        // Split only where each arm can hand its value on: see valueHolder.
        TreePath holder = valueHolder(childPath, names);
        if (holder == null) {
          return sx;
        }
        childPath = holder;
        p = holder.getParentPath();
      }
      Tree child = childPath.getLeaf();
      Tree t = p.getLeaf();
      if (!(t instanceof BlockTree || t instanceof IfTree || t instanceof WhileLoopTree
          || t instanceof DoWhileLoopTree || t instanceof ForLoopTree
          || t instanceof EnhancedForLoopTree || t instanceof SwitchTree
          || t instanceof SwitchExpressionTree
          || t instanceof CaseTree || t instanceof TryTree || t instanceof CatchTree
          // only a return reaches here from inside one: an await there is no suspension
          || t instanceof com.sun.source.tree.SynchronizedTree
          || t.getKind() == Tree.Kind.LABELED_STATEMENT)) {
        return t;
      }
      if (t instanceof CaseTree c && c.getExpressions().contains(child)) {
        return t;
      }
      if (t instanceof EnhancedForLoopTree each && each.getStatement() != child
          && each.getExpression() != child) {
        return t;
      }
      if (t instanceof SwitchTree sw && !sw.getCases().contains(child)) {
        return t; // a selector that holds an await deeper than await(x) itself
      }
      if (t instanceof SwitchExpressionTree sx && !sx.getCases().contains(child)) {
        return t;
      }
      if (t instanceof TryTree tt && !(tt.getBlock() == child || tt.getCatches().contains(child)
          || tt.getFinallyBlock() == child || tt.getResources().contains(child))) {
        return t;
      }
      if (t instanceof ForLoopTree f && !f.getInitializer().contains(child)
          && !f.getUpdate().contains(child) && f.getStatement() != child
          && f.getCondition() != child) {
        return t;
      }
      if (t == body) {
        return null;
      }
      childPath = p;
    }
    return null;
  }

  /**
   * Where the value of the switch expression at {@code switchExpression} goes, when the lowering
   * can write it there from each arm: the local it initializes, the assignment statement
   * ({@code v = switch ...;}, {@code v} a simple target), {@code return done(switch ...);}, or
   * the arm ({@code case X -> switch ...}) or {@code yield} of an outer switch expression.
   * Null anywhere else.
   */
  public static TreePath valueHolder(TreePath switchExpression, AsyncioNames names) {
    TreePath at = switchExpression;
    while (at.getParentPath().getLeaf() instanceof ParenthesizedTree) {
      at = at.getParentPath();
    }
    Tree value = at.getLeaf();
    TreePath parentPath = at.getParentPath();
    Tree parent = parentPath.getLeaf();
    TreePath grand = parentPath.getParentPath();
    if (parent instanceof VariableTree v && v.getInitializer() == value) {
      return parentPath;
    }
    if (parent instanceof AssignmentTree a && a.getExpression() == value
        && isSimpleTarget(a.getVariable()) && grand.getLeaf() instanceof ExpressionStatementTree) {
      return grand;
    }
    if (parent instanceof MethodInvocationTree done && names.isDone(done)
        && done.getArguments().size() == 1 && grand.getLeaf() instanceof ReturnTree) {
      return grand;
    }
    if (parent instanceof CaseTree c && c.getBody() == value
        && grand.getLeaf() instanceof SwitchExpressionTree) {
      return parentPath;
    }
    if (parent instanceof YieldTree) {
      return parentPath;
    }
    return null;
  }

  /** How {@code t} reads in a message: "a switch", "a try statement". */
  public static String describe(Tree t) {
    return switch (t.getKind()) {
      case SWITCH -> "a switch";
      case SWITCH_EXPRESSION -> "a switch expression";
      case TRY -> "a try-with-resources resource";
      case CATCH -> "a catch block";
      case ENHANCED_FOR_LOOP -> "an enhanced for loop";
      case SYNCHRONIZED -> "a synchronized block";
      case CASE -> "a switch case";
      default -> "this kind of statement";
    };
  }
}
