package io.jasyncio.processor.model;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.YieldTree;
import io.jasyncio.processor.model.Lowering.Target;
import io.jasyncio.processor.scan.JumpsOut;
import io.jasyncio.processor.scan.SourceText;
import com.sun.source.util.TreeScanner;
import java.util.List;
import java.util.Set;

/**
 * Copies a statement with no suspension in it as written, but for the jumps in it that leave it
 * for a split statement (a break, continue, return or yield), which become jumps between states.
 */
final class CopiedStatements {
  /** The lowering this construct's code goes into: its states, labels and jumps. */
  private final Lowering l;
  /** Where a tail await returned inside the synchronized block being copied goes, or null. */
  private Lowering.Label tailAwait;

  CopiedStatements(Lowering l) {
    this.l = l;
  }

  /** A statement with no suspension in it, as written (jumps out of it patched). */
  void copied(StatementTree s) {
    l.fragments.put(s, l.number);
    if (!l.emit) {
      return;
    }
    l.copies(s);
    patchJumpsLeaving(s);
    patchAsserts(s);
    if (s instanceof ReturnTree ret) {
      l.emitReturn(l.forms.returnValue(ret));
      l.terminated = true;
      return;
    }
    if (s instanceof VariableTree v) {
      // A later declarator of "int a = 1, b = 2;" shares the type tree, and its source range
      // starts at that type: write it out on its own.
      boolean laterDeclarator = v.getType() != null && !l.declaredTypes.add(v.getType());
      String field = l.locals.fieldOf(v);
      if (field != null) {
        if (v.getInitializer() != null) {
          l.add(new Step.Evaluate(new Expr.Assignment(new Expr.Name(field), "=",
              l.locals.initializer(v)), l.sourceLine()));
        }
        return;
      }
      boolean firstOfSeveral = l.source.render(v).trim().endsWith(",");
      if (laterDeclarator || firstOfSeveral
          || !l.locals.localName(v).equals(v.getName().toString())) {
        Expr init = v.getInitializer() == null ? null
            : l.copied(v.getInitializer());
        String mods = v.getModifiers().getFlags().contains(javax.lang.model.element.Modifier.FINAL)
            ? "final " : "";
        l.add(new Step.Declare(mods + l.types.sourceType(v), l.locals.localName(v), init,
            l.sourceLine()));
        return;
      }
    }
    SourceText.Rendered text = l.source.renderedStatement(s);
    if ((s instanceof VariableTree || s instanceof ExpressionStatementTree)
        && !text.text().endsWith(";")) {
      text = text.plus(";"); // a for loop's init and update parts carry no semicolon
    }
    switch (Reachability.canCompleteNormally(s)) {
      case YES -> l.emit(text);
      case NO -> {
        l.emit(text);
        l.terminated = true;
      }
      // javac may judge it unable to complete normally where we cannot tell; an if-then can
      // always complete normally, so the jump that follows stays reachable in javac's eyes.
      case MAYBE -> l.emitReachable(text);
    }
  }

  /**
   * A synchronized block holding {@code return other;}: copied as written, its monitor held
   * and released by Java, each such return leaving {@code other} in a field and jumping out of
   * the block to a state that awaits it, without the monitor (JLS 14.19: a jump out releases
   * it), and finishes with its result.
   */
  void copiedSynchronized(com.sun.source.tree.SynchronizedTree s) {
    l.splitAny = true;
    if (l.forms.awaitsInExpression(s)) {
      // The lock awaits: its chain runs first, and the block locks the value it gave.
      l.suspensions.suspendOnChain(s.getExpression(), s, Chain.Result::new);
      String lock = l.names.freshName("lock", s);
      l.suspensions.assign("Object " + lock,
          new Step.Resumed(Step.Source.AWAIT, javax.lang.model.type.TypeKind.NONE));
      if (l.emit) {
        l.source.replace(s.getExpression(), () -> "(" + lock + ")");
      }
    }
    boolean tails = JumpsOut.from(s).stream().anyMatch(jump -> jump instanceof ReturnTree r
        && !l.forms.isDoneCall(r.getExpression()));
    if (!tails) {
      copied(s);
      return;
    }
    tailAwait = l.freshLabel();
    Lowering.Label tail = tailAwait;
    l.names.tailField(); // named in the first run, which lists the machine's fields
    copied(s);
    tailAwait = null;
    Lowering.Label after = l.freshLabel();
    l.jump(after);
    int line = l.source.line(s);
    l.start(tail, line, "returned inside synchronized");
    l.suspensions.suspendOn(new Step.Text(l.names.tailField(), List.of()), s);
    l.emitReturn(new Step.Resumed(Step.Source.AWAIT, javax.lang.model.type.TypeKind.NONE));
    l.terminated = true;
    l.start(after, line, "after synchronized");
  }

  /**
   * Rewrites the asserts in {@code s} (not those of its lambdas and classes) to follow the
   * assertion status of the template's class: copied as written, they would follow the
   * generated class's, which {@code -ea:Kitchen} does not turn on.
   */
  private void patchAsserts(StatementTree s) {
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitAssert(com.sun.source.tree.AssertTree node, Void p) {
        boolean braced = true; // one statement becomes an if: braced wherever it stands
        l.source.replace(node, () -> l.inline(List.of(new Step.Assert(l.forms.assertionClass(),
            l.text(node.getCondition()),
            node.getDetail() == null ? null : l.text(node.getDetail()), l.sourceLine())),
            braced));
        return null;
      }

      @Override
      public Void visitLambdaExpression(com.sun.source.tree.LambdaExpressionTree node, Void p) {
        return null;
      }

      @Override
      public Void visitClass(com.sun.source.tree.ClassTree node, Void p) {
        return null;
      }
    }.scan(s, null);
  }

  /** Rewrites the jumps in {@code s} that leave it: break, continue, return and yield. */
  void patchJumpsLeaving(StatementTree s) {
    Set<Tree> amongStatements = statementsOfBlocksIn(s);
    for (Tree jump : JumpsOut.from(s)) {
      boolean braced = !amongStatements.contains(jump);
      if (jump instanceof ReturnTree node && tailAwait != null
          && !l.forms.isDoneCall(node.getExpression())) {
        // return other; leaves other to be awaited after the synchronized block.
        Lowering.Label to = tailAwait;
        l.source.replace(node, () -> l.inline(List.of(
            new Step.Assign(l.names.tailField(), l.text(node.getExpression()), l.sourceLine()),
            new Step.Jump(to.id, l.sourceLine())), braced));
      } else if (jump instanceof ReturnTree node) {
        l.source.replace(node, () -> l.inline(
            l.returnSteps(l.forms.returnValue(node)), braced));
      } else if (jump instanceof YieldTree node) {
        SwitchLowering.Yield y = l.switches.yields.peek();
        l.source.replace(node, () -> l.inline(l.switches.yieldSteps(y,
            l.text(node.getValue())), braced));
      } else if (jump instanceof BreakTree node) {
        Target t = find(node.getLabel() == null ? null : node.getLabel().toString(), false);
        l.source.replace(node, () -> l.inline(List.of(l.leave(t, t.breakTo())), braced));
      } else {
        ContinueTree node = (ContinueTree) jump;
        Target t = find(node.getLabel() == null ? null : node.getLabel().toString(), true);
        l.source.replace(node, () -> l.inline(List.of(l.leave(t, t.continueTo())), braced));
      }
    }
  }

  /**
   * {@code s}, copied as a statement of its state, and the statements inside it that stand in
   * a block or among a case's statements: where a statement may become several without braces.
   */
  private static Set<Tree> statementsOfBlocksIn(StatementTree s) {
    Set<Tree> out = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    out.add(s);
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitBlock(BlockTree node, Void p) {
        out.addAll(node.getStatements());
        return super.visitBlock(node, p);
      }

      @Override
      public Void visitCase(CaseTree node, Void p) {
        if (node.getCaseKind() == CaseTree.CaseKind.STATEMENT) {
          out.addAll(node.getStatements());
        }
        return super.visitCase(node, p);
      }
    }.scan(s, null);
    return out;
  }

  /**
   * The split statement a jump leaves for: by label, else the innermost loop (continue) or the
   * innermost loop or switch (break).
   */
  Target find(String label, boolean isContinue) {
    for (Target t : l.targets) { // innermost first
      boolean match = label != null ? label.equals(t.label())
          : isContinue ? t.continueTo() != null : t.breakable();
      if (match) {
        return t;
      }
    }
    throw new IllegalStateException("no split statement for " + (isContinue ? "continue" : "break")
        + (label == null ? "" : " " + label));
  }
}
