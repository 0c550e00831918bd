package io.jasyncio.processor.validate;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import io.jasyncio.processor.Diagnostic;
import io.jasyncio.processor.Messages;
import io.jasyncio.processor.Report;
import io.jasyncio.processor.scan.AssignedLocals;
import io.jasyncio.processor.scan.AsyncioNames;
import io.jasyncio.processor.scan.BodyScan;
import io.jasyncio.processor.scan.PrivateUses;
import io.jasyncio.processor.scan.PrivateUses.Shape;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;

/**
 * Checks each use of a private member of the template's class: the generated class reaches one
 * through a handle, which serves every use but these, each reported where it stands: a private
 * member type (no other class can name it), a member of an object an await gives, an update of
 * another object's field that would read the object twice, a call on a computed value whose
 * arguments await, an assignment to a private field that awaits inside a larger expression,
 * explicit type arguments on a private method, an anonymous subclass through a private
 * constructor, and a bound reference other than {@code this::m}.
 */
final class PrivateUseChecks {
  private final BodyScan scan;
  private final AsyncioNames names;
  private final String generated;
  private final Set<Tree> locals = Collections.newSetFromMap(new IdentityHashMap<>());

  PrivateUseChecks(BodyScan scan, AsyncioNames names, String generated) {
    this.scan = scan;
    this.names = names;
    this.generated = generated;
    scan.localRefs().forEach(ref -> locals.add(ref.tree()));
  }

  /**
   * A call of an instance {@code @Async} method of a final class, record or enum on a computed
   * value ({@code make().scaled(await(f()))}) becomes {@code AsyncPoint.scaled(make(), ...)},
   * which has the same limit as a handle: the instance is an argument, so it must be a value
   * that cannot change while the arguments await.
   */
  void checkReceiverCalls(Report report) {
    for (BodyScan.ReceiverCall call : scan.receiverCalls()) {
      TreePath select = call.select();
      if (call.qualifier() != null
          && select.getParentPath().getLeaf() instanceof MethodInvocationTree invocation
          && !stable(call.qualifier(), invocation)
          && invocation.getArguments().stream().anyMatch(this::awaitsIn)) {
        String method = ((com.sun.source.tree.MemberSelectTree) select.getLeaf()).getIdentifier()
            .toString();
        report.add(Diagnostic.at(select, Messages.receiverCallAwaitingArguments(
            call.qualifier() + "." + method + "(...)",
            io.jasyncio.processor.scan.GeneratedNames.generatedClass(call.owner()) + "."
                + method + "(" + call.qualifier() + ", ...)")));
      }
    }
  }

  void check(Report report) {
    for (TreePath at : scan.untypedPrivateUses()) {
      String name = ((com.sun.source.tree.MemberSelectTree) at.getLeaf()).getIdentifier()
          .toString();
      report.add(Diagnostic.at(at, Messages.privateOfUntyped(name)));
    }
    for (BodyScan.PrivateUse use : scan.privateUses()) {
      PrivateUses.Use u = PrivateUses.of(use);
      TreePath at = use.path();
      Element e = use.element();
      String name = nameOf(e);
      if (u.shape() == Shape.TYPE) {
        report.add(Diagnostic.at(at, Messages.privateMember(generated, "class", name)));
      } else if (u.qualifier() != null && awaitsIn(u.qualifier())) {
        report.add(Diagnostic.at(at, Messages.privateOfAwaited(kindOf(e), name)));
      } else if (u.shape() == Shape.UPDATE || u.shape() == Shape.WRITE) {
        checkAssignment(u, at, name, report);
      } else if (u.shape() == Shape.CALL
          && !((MethodInvocationTree) u.whole()).getTypeArguments().isEmpty()) {
        report.add(Diagnostic.at(at, Messages.privateTypeArguments(name)));
      } else if (u.shape() == Shape.CALL && !u.isStatic()
          && !stable(u.qualifier(), (MethodInvocationTree) u.whole())
          && ((MethodInvocationTree) u.whole()).getArguments().stream()
              .anyMatch(this::awaitsIn)) {
        report.add(Diagnostic.at(at, Messages.privateCallAwaitingArguments(name)));
      } else if (u.shape() == Shape.NEW && (((NewClassTree) u.whole()).getClassBody() != null
          || ((NewClassTree) u.whole()).getEnclosingExpression() != null)) {
        report.add(Diagnostic.at(at, Messages.privateSubclass(
            e.getEnclosingElement().getSimpleName().toString(), generated)));
      } else if (u.shape() == Shape.REFERENCE && !referenceFits(use, u)) {
        report.add(Diagnostic.at(at, Messages.privateReference(name)));
      }
    }
  }

  private void checkAssignment(PrivateUses.Use u, TreePath at, String name, Report report) {
    ExpressionTree value = u.whole() instanceof AssignmentTree a ? a.getExpression()
        : ((CompoundAssignmentTree) u.whole()).getExpression();
    boolean awaits = awaitsIn(value);
    if (awaits && !(parentOf(at, u.whole()) instanceof ExpressionStatementTree)) {
      report.add(Diagnostic.at(at, Messages.privateAssignedInExpression(name)));
    } else if ((u.shape() == Shape.UPDATE || awaits) && !stable(u.qualifier(), value)) {
      // Read twice (an update), or after the value's awaits (a store): the same object only
      // when it is this or a local the value does not assign.
      report.add(Diagnostic.at(at, Messages.privateUpdate(name)));
    }
  }

  /** The tree around {@code whole}, which stands on {@code at}'s path. */
  private static Tree parentOf(TreePath at, Tree whole) {
    for (TreePath p = at; p != null; p = p.getParentPath()) {
      if (p.getLeaf() == whole) {
        return p.getParentPath().getLeaf();
      }
    }
    return null;
  }

  private boolean stable(ExpressionTree qualifier, ExpressionTree value) {
    if (qualifier == null) {
      return true;
    }
    ExpressionTree q = qualifier;
    while (q instanceof ParenthesizedTree p) {
      q = p.getExpression();
    }
    if (q instanceof IdentifierTree id && id.getName().contentEquals("this")) {
      return true;
    }
    return q instanceof IdentifierTree id && locals.contains(id)
        && AssignedLocals.targetsIn(value).stream()
            .noneMatch(t -> t.getName().contentEquals(id.getName()));
  }

  /** {@code Foo::m}, {@code Foo::new}, or {@code this::m} of a method not overloaded. */
  private static boolean referenceFits(BodyScan.PrivateUse use, PrivateUses.Use u) {
    if (u.isStatic() || use.typeQualified()) {
      return true;
    }
    ExpressionTree q = ((MemberReferenceTree) u.whole()).getQualifierExpression();
    return q instanceof IdentifierTree id && id.getName().contentEquals("this")
        && use.members().size() == 1;
  }

  private boolean awaitsIn(Tree t) {
    boolean[] found = new boolean[1];
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void p) {
        found[0] |= names.isAwait(node);
        return super.visitMethodInvocation(node, p);
      }
    }.scan(t, null);
    return found[0];
  }

  private static String kindOf(Element e) {
    return switch (e.getKind()) {
      case METHOD -> "method";
      case CONSTRUCTOR -> "constructor";
      default -> "field";
    };
  }

  private static String nameOf(Element e) {
    return e.getKind() == ElementKind.CONSTRUCTOR
        ? e.getEnclosingElement().getSimpleName() + "()"
        : e.getSimpleName() + (e.getKind() == ElementKind.METHOD ? "()" : "");
  }
}
