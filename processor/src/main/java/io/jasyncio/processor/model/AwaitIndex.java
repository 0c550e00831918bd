package io.jasyncio.processor.model;

import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import io.jasyncio.processor.scan.AsyncioNames;
import io.jasyncio.processor.scan.BodyScan;
import io.jasyncio.processor.scan.Suspensions;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the awaits of one body suspend, worked out once per await: the lowering asks of every
 * statement and condition whether an await suspends in it, and answering by a pass over all the
 * awaits made the model's time grow with the square of the method's size.
 */
final class AwaitIndex {
  /** The first await, in source order, that each suspending statement or condition suspends. */
  private final Map<Tree, MethodInvocationTree> bySuspendingStatement = new IdentityHashMap<>();
  /** The owners of awaits nested in expressions ({@link Suspensions#expressionOwner}). */
  private final Set<Tree> expressionOwners = Collections.newSetFromMap(new IdentityHashMap<>());
  /** Every tree on the path from an await to the compilation unit, the awaits included. */
  private final Set<Tree> enclosing = Collections.newSetFromMap(new IdentityHashMap<>());

  AwaitIndex(List<BodyScan.AwaitUse> awaits, AsyncioNames names) {
    for (BodyScan.AwaitUse a : awaits) {
      TreePath statement = Suspensions.suspendingStatement(a.path(), names);
      if (statement != null) {
        bySuspendingStatement.putIfAbsent(statement.getLeaf(), (MethodInvocationTree) a.path()
            .getLeaf());
      } else if (a.kind() == BodyScan.Suspension.AWAIT) {
        TreePath owner = Suspensions.expressionOwner(a.path(), names);
        if (owner != null) {
          expressionOwners.add(owner.getLeaf());
        }
      }
      // Awaits share their outer trees: once one is known, so are all around it.
      TreePath p = a.path();
      while (p != null && enclosing.add(p.getLeaf())) {
        p = p.getParentPath();
      }
    }
  }

  /** The await that {@code formOrCondition} suspends on as a statement form, or null. */
  MethodInvocationTree awaitIn(Tree formOrCondition) {
    return bySuspendingStatement.get(formOrCondition);
  }

  /** Whether an await stands anywhere inside {@code t}, or is {@code t}. */
  boolean suspendsIn(Tree t) {
    return enclosing.contains(t);
  }

  /** Whether an await nested in an expression makes {@code owner} suspend. */
  boolean awaitsInExpression(Tree owner) {
    return expressionOwners.contains(owner);
  }
}
