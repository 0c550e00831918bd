package io.jasyncio.processor.validate;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import io.jasyncio.processor.Diagnostic;
import io.jasyncio.processor.Message;
import io.jasyncio.processor.Messages;
import io.jasyncio.processor.Report;
import io.jasyncio.processor.scan.AsyncioNames;
import io.jasyncio.processor.scan.SourceTypes;
import io.jasyncio.processor.scan.Templates;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Checks the code that is not rewritten. Finds {@code await} where nothing can suspend: in a method that is not {@code @Async}, a
 * constructor, a field initializer or an initializer block. The bodies of {@code @Async} methods
 * are left to {@link AsyncMethodValidator}. Also finds direct calls of a static {@code @Async}
 * template, which would run the template instead of the generated method.
 */
public final class StrayAwaitScanner extends TreePathScanner<Void, Void> {
  private final AsyncioNames names;
  private final Trees trees;
  private final Elements elements;
  private final CompilationUnitTree unit;
  private final Predicate<MethodTree> isAsync;
  private int localClassDepth;
  private final Report report = new Report();
  private String where = "a field initializer";
  private boolean inMethod;

  private StrayAwaitScanner(CompilationUnitTree unit, AsyncioNames names, Trees trees,
      Elements elements, Predicate<MethodTree> isAsync) {
    this.names = names;
    this.trees = trees;
    this.elements = elements;
    this.unit = unit;
    this.isAsync = isAsync;
  }

  /** Scans a whole compilation unit. */
  public static Report scan(CompilationUnitTree unit, Trees trees, Elements elements,
      Predicate<MethodTree> isAsync) {
    StrayAwaitScanner scanner =
        new StrayAwaitScanner(unit, AsyncioNames.of(unit), trees, elements, isAsync);
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
        report.add(Diagnostic.at(getCurrentPath(),
            Messages.inLocalClass(node.getName() + "()'s class", "a generated class")));
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

  /** A static {@code @Async} template called from code that is not rewritten runs the template. */
  private void checkTemplateCall(MethodInvocationTree node) {
    TypeElement owner;
    String method;
    if (node.getMethodSelect() instanceof MemberSelectTree select) {
      method = select.getIdentifier().toString();
      owner = isThisOrUnqualified(select) ? lexicalOwnerOf(method)
          : typeNamed(select.getExpression());
    } else if (node.getMethodSelect() instanceof IdentifierTree id) {
      method = id.getName().toString();
      owner = lexicalOwnerOf(method);
    } else {
      return;
    }
    if (owner == null) {
      return;
    }
    String pkg = unit.getPackageName() == null ? "" : unit.getPackageName().toString();
    if (isStaticTemplate(owner, method)) {
      report.add(Diagnostic.at(getCurrentPath(), Messages.templateCall(
          owner.getSimpleName() + "." + method + "()",
          Templates.generatedName(owner, pkg) + "." + method + "()")));
    } else if (isThisOrUnqualified(node.getMethodSelect())
        && Templates.anyReceiverAsync(methodsNamed(owner, method))) {
      // A final class's, record's or enum's own code calling its instance @Async method.
      report.add(Diagnostic.at(getCurrentPath(), Messages.templateCall(
          owner.getSimpleName() + "." + method + "()",
          Templates.generatedName(owner, pkg) + "." + method + "(this, ...)")));
    } else if (node.getMethodSelect() instanceof IdentifierTree) {
      TypeElement declaring = Templates.inheritedInstanceTemplate(methodsNamed(owner, method),
          owner);
      boolean rewritten = declaring != null
          && (!asyncMethodsOf(owner).isEmpty() || Templates.getsSubclassOnlyForInherited(owner,
              elements, m -> trees.getPath(m) != null))
          && Templates.inheritedToRewrite(owner, elements, m -> trees.getPath(m) != null)
              .stream().anyMatch(m -> m.getSimpleName().contentEquals(method));
      if (declaring != null && !rewritten) {
        report.add(Diagnostic.at(getCurrentPath(), Messages.inheritedTemplate(
            owner.getSimpleName().toString(), method + "()",
            declaring.getSimpleName().toString(), Templates.generatedName(declaring, pkg))));
      }
    }
  }

  /** Whether {@code owner} has a static {@code @Async} method named {@code method}. */
  private boolean isStaticTemplate(TypeElement owner, String method) {
    return Templates.anyStaticAsync(methodsNamed(owner, method));
  }

  private List<Element> methodsNamed(TypeElement owner, String method) {
    List<Element> methods = new ArrayList<>();
    for (Element e : elements.getAllMembers(owner)) {
      if (e.getKind() == ElementKind.METHOD && e.getSimpleName().contentEquals(method)) {
        methods.add(e);
      }
    }
    return methods;
  }

  /** {@code Kitchen::boil} of a static template would run the template, as a call would. */
  private void checkTemplateReference(MemberReferenceTree node) {
    TypeElement owner = typeNamed(node.getQualifierExpression());
    if (owner == null) {
      return;
    }
    String method = node.getName().toString();
    if (isStaticTemplate(owner, method)) {
      String pkg = unit.getPackageName() == null ? "" : unit.getPackageName().toString();
      report.add(Diagnostic.at(getCurrentPath(), Messages.templateReference(
          owner.getSimpleName() + "::" + method,
          Templates.generatedName(owner, pkg) + "::" + method)));
    }
  }

  /** The class a qualifier names, as far as it can be known without attributing code. */
  private TypeElement typeNamed(ExpressionTree qualifier) {
    if (qualifier instanceof MemberSelectTree) {
      return elements.getTypeElement(qualifier.toString());
    }
    if (!(qualifier instanceof IdentifierTree id)) {
      return null;
    }
    String name = id.getName().toString();
    for (TreePath p = getCurrentPath(); p != null; p = p.getParentPath()) {
      TypeElement t = p.getLeaf() instanceof ClassTree ? enteredType(p) : null;
      if (t != null) {
        if (t.getSimpleName().contentEquals(name)) {
          return t;
        }
        for (Element e : elements.getAllMembers(t)) {
          if (e instanceof TypeElement member && member.getSimpleName().contentEquals(name)) {
            return member;
          }
        }
      }
    }
    return SourceTypes.inUnit(elements, unit, name);
  }

  /** The innermost enclosing class that has a method named {@code method}. */
  private static List<Element> asyncMethodsOf(TypeElement type) {
    List<Element> out = new ArrayList<>();
    for (Element e : type.getEnclosedElements()) {
      if (e.getKind() == ElementKind.METHOD && Templates.isAsync(e)) {
        out.add(e);
      }
    }
    return out;
  }

  private static boolean isThisOrUnqualified(ExpressionTree select) {
    return select instanceof IdentifierTree || (select instanceof MemberSelectTree s
        && s.getExpression() instanceof IdentifierTree q && q.getName().contentEquals("this"));
  }

  private TypeElement lexicalOwnerOf(String method) {
    for (TreePath p = getCurrentPath(); p != null; p = p.getParentPath()) {
      TypeElement t = p.getLeaf() instanceof ClassTree ? enteredType(p) : null;
      if (t != null) {
        for (Element e : elements.getAllMembers(t)) {
          if (e.getKind() == ElementKind.METHOD && e.getSimpleName().contentEquals(method)) {
            return t;
          }
        }
      }
    }
    return null;
  }

  /**
   * The element of a top-level or member class. javac enters those before processors run, so
   * asking for them attributes nothing; a local class has no element until its method is
   * attributed, which must not happen during processing.
   */
  private TypeElement enteredType(TreePath classPath) {
    Tree parent = classPath.getParentPath().getLeaf();
    if (parent instanceof CompilationUnitTree || parent instanceof ClassTree) {
      return trees.getElement(classPath) instanceof TypeElement t ? t : null;
    }
    return null;
  }

  @Override
  public Void visitMethodInvocation(MethodInvocationTree node, Void p) {
    checkTemplateCall(node);
    if (names.isAwait(node) && !ownAwait(node)) {
      Message message = inMethod ? Messages.awaitOutsideAsync(where)
          : Messages.awaitInInitializer(where);
      report.add(Diagnostic.at(getCurrentPath(), message));
    } else if (names.isYield(node)) {
      report.add(Diagnostic.at(getCurrentPath(), Messages.yieldOutsideAsync(where)));
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
        TypeElement t = enteredType(p);
        if (t != null && elements.getAllMembers(t).stream()
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
      report.add(Diagnostic.at(getCurrentPath(), Messages.awaitReference()));
    } else if (!node.getName().contentEquals("<init>")) {
      checkTemplateReference(node);
    }
    return super.visitMemberReference(node, p);
  }
}
