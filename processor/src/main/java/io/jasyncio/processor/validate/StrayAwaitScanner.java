package io.jasyncio.processor.validate;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import io.jasyncio.processor.Diagnostic;
import io.jasyncio.processor.Messages;
import io.jasyncio.processor.Report;
import java.util.function.Predicate;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Finds {@code await} where nothing can suspend: in a method that is not {@code @Async}, a
 * constructor, a field initializer or an initializer block. The bodies of {@code @Async} methods
 * are left to {@link AsyncMethodValidator}.
 */
public final class StrayAwaitScanner extends TreePathScanner<Void, Void> {
  private final AsyncioNames names;
  private final Trees trees;
  private final Elements elements;
  private final Predicate<MethodTree> isAsync;
  private int localClassDepth;
  private final Report report = new Report();
  private String where = "a field initializer";
  private boolean inMethod;

  private StrayAwaitScanner(AsyncioNames names, Trees trees, Elements elements,
      Predicate<MethodTree> isAsync) {
    this.names = names;
    this.trees = trees;
    this.elements = elements;
    this.isAsync = isAsync;
  }

  /** Scans a whole compilation unit. */
  public static Report scan(CompilationUnitTree unit, Trees trees, Elements elements,
      Predicate<MethodTree> isAsync) {
    StrayAwaitScanner scanner =
        new StrayAwaitScanner(AsyncioNames.of(unit), trees, elements, isAsync);
    scanner.scan(new TreePath(unit), null);
    return scanner.report;
  }

  @Override
  public Void visitClass(ClassTree node, Void p) {
    Tree parent = getCurrentPath().getParentPath().getLeaf();
    boolean local = !(parent instanceof ClassTree || parent instanceof CompilationUnitTree);
    if (local) {
      localClassDepth++;
    }
    try {
      return visitClassBody(node, p);
    } finally {
      if (local) {
        localClassDepth--;
      }
    }
  }

  private Void visitClassBody(ClassTree node, Void p) {
    String saved = where;
    boolean savedInMethod = inMethod;
    where = "an initializer of " + node.getSimpleName();
    inMethod = false;
    try {
      return super.visitClass(node, p);
    } finally {
      where = saved;
      inMethod = savedInMethod;
    }
  }

  @Override
  public Void visitMethod(MethodTree node, Void p) {
    if (isAsync.test(node)) {
      if (localClassDepth > 0) {
        // javac hands processors no element for a method of a local or anonymous class.
        report.add(Diagnostic.at(getCurrentPath(), Messages.ENCLOSING_CLASS,
            Messages.enclosingClass(node.getName() + "()'s class",
                "a local or anonymous class cannot be named from a generated class",
                "move the method into a top-level or static nested class")));
      }
      return null;
    }
    String saved = where;
    boolean savedInMethod = inMethod;
    boolean constructor = node.getName().contentEquals("<init>");
    where = constructor ? "a constructor" : node.getName() + "()";
    inMethod = !constructor;
    try {
      return super.visitMethod(node, p);
    } finally {
      where = saved;
      inMethod = savedInMethod;
    }
  }

  @Override
  public Void visitVariable(VariableTree node, Void p) {
    if (getCurrentPath().getParentPath().getLeaf() instanceof ClassTree) {
      String saved = where;
      boolean savedInMethod = inMethod;
      where = "a field initializer";
      inMethod = false;
      try {
        return super.visitVariable(node, p);
      } finally {
        where = saved;
        inMethod = savedInMethod;
      }
    }
    return super.visitVariable(node, p);
  }

  @Override
  public Void visitMethodInvocation(MethodInvocationTree node, Void p) {
    if (names.isAwait(node) && !ownAwait(node)) {
      String message = inMethod ? Messages.awaitOutsideAsync(where)
          : Messages.awaitInInitializer(where);
      report.add(Diagnostic.at(getCurrentPath(), Messages.AWAIT_OUTSIDE_ASYNC, message));
    }
    return super.visitMethodInvocation(node, p);
  }

  /** An unqualified {@code await(...)} means a method of the enclosing classes when they have one. */
  private boolean ownAwait(MethodInvocationTree call) {
    if (!(call.getMethodSelect() instanceof IdentifierTree)) {
      return false;
    }
    for (TreePath p = getCurrentPath(); p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof ClassTree c) {
        for (Tree member : c.getMembers()) {
          if (member instanceof MethodTree m && m.getName().contentEquals("await")) {
            return true;
          }
        }
        // A member class is entered before processing, so its element is there without
        // attributing anything; inherited methods count too.
        Tree parent = p.getParentPath().getLeaf();
        boolean entered = parent instanceof CompilationUnitTree || parent instanceof ClassTree;
        if (entered && trees.getElement(p) instanceof TypeElement t
            && elements.getAllMembers(t).stream()
            .anyMatch(e -> e.getKind() == ElementKind.METHOD
                && e.getSimpleName().contentEquals("await")
                && !((TypeElement) e.getEnclosingElement()).getQualifiedName()
                    .contentEquals("java.lang.Object"))) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public Void visitMemberReference(MemberReferenceTree node, Void p) {
    if (names.isAwaitReference(node)) {
      report.add(Diagnostic.at(getCurrentPath(), Messages.AWAIT_REFERENCE,
          Messages.awaitReference()));
    }
    return super.visitMemberReference(node, p);
  }
}
