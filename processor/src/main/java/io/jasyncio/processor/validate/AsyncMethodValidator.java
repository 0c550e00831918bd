package io.jasyncio.processor.validate;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import io.jasyncio.processor.Diagnostic;
import io.jasyncio.processor.Message;
import io.jasyncio.processor.Messages;
import io.jasyncio.processor.Report;
import io.jasyncio.processor.scan.AsyncioNames;
import io.jasyncio.processor.scan.BodyScan;
import io.jasyncio.processor.scan.GeneratedNames;
import io.jasyncio.processor.scan.MethodKind;
import io.jasyncio.processor.scan.Suspensions;
import io.jasyncio.processor.scan.Templates;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Checks one {@code @Async} method and reports every misuse as one error at its position.
 *
 * <p>What it accepts is exactly what the modeler can rewrite, so a clean report guarantees
 * generated code that compiles.
 */
public final class AsyncMethodValidator {
  /** Inherited {@code @Async} methods the generated class rewrites too: calling them is fine. */
  private final java.util.Set<? extends Element> rewrittenInherited;

  /** A validator for a class whose generated class also rewrites {@code rewrittenInherited}. */
  public AsyncMethodValidator(java.util.Set<? extends Element> rewrittenInherited) {
    this.rewrittenInherited = rewrittenInherited;
  }

  /** Checks {@code method}, whose declaration is at {@code methodPath} and body is scanned. */
  public Report validate(ExecutableElement method, TreePath methodPath, BodyScan scan,
      AsyncioNames names) {
    Report report = new Report();
    MethodTree tree = (MethodTree) methodPath.getLeaf();
    TypeElement type = (TypeElement) method.getEnclosingElement();
    String generated = GeneratedNames.generatedClass(type);
    String where = type.getSimpleName() + "." + method.getSimpleName() + "()";

    if (!checkReturnType(method, methodPath, tree, report)) {
      return report; // the body means nothing as a coroutine; more errors would mislead
    }
    if (method.getModifiers().contains(Modifier.FINAL)
        && !method.getModifiers().contains(Modifier.STATIC)
        && !io.jasyncio.processor.scan.Templates.takesReceiver(type)) {
      report.add(Diagnostic.on(method, Messages.finalMethod(where, generated)));
    }
    if (method.getModifiers().contains(Modifier.SYNCHRONIZED)) {
      report.add(Diagnostic.on(method, Messages.synchronizedMethod(where)));
    }
    if (method.getModifiers().contains(Modifier.PRIVATE)) {
      report.add(Diagnostic.on(method,
          Messages.privateAsync(where, generated + "." + method.getSimpleName() + "()")));
    }
    if (tree.getBody() == null) {
      report.add(Diagnostic.on(method, Messages.noBody(where)));
      return report;
    }
    checkEnclosingClasses(method, type, generated, report);
    if (scan == null) {
      return report;
    }
    MethodKind methodKind = MethodKind.of(method);
    YieldStatements.check(tree, methodPath, report);
    for (BodyScan.AwaitUse await : scan.awaits()) {
      boolean yields = await.kind() == BodyScan.Suspension.YIELD;
      String what = yields ? "Generator.yield"
          : await.kind() == BodyScan.Suspension.AITER ? "aiter" : "await";
      int arguments = ((MethodInvocationTree) await.path().getLeaf()).getArguments().size();
      if (arguments > 1 || (arguments == 0 && !yields)) { // Generator.yield() yields null
        report.add(Diagnostic.at(await.path(), Messages.suspensionArgument(what)));
        continue;
      }
      if (yields ? !methodKind.yields() : !methodKind.awaits()) {
        report.add(Diagnostic.at(await.path(), yields
            ? Messages.yieldInCoroutine(where) : Messages.awaitInGenerator(where)));
        continue;
      }
      String verb = yields ? what : "await";
      switch (await.context()) {
        case LAMBDA -> report.add(Diagnostic.at(await.path(),
            Messages.awaitInLambda(verb, where)));
        case LOCAL_CLASS -> report.add(Diagnostic.at(await.path(),
            Messages.awaitInLocalClass(verb, where)));
        case SYNCHRONIZED -> report.add(Diagnostic.at(await.path(),
            Messages.awaitInSynchronized(verb, where)));
        case BODY -> checkAwaitPosition(await.path(), tree, names, report);
      }
    }
    for (BodyScan.ReturnUse ret : scan.returns()) {
      ExpressionTree value = ((ReturnTree) ret.path().getLeaf()).getExpression();
      boolean isDone = value instanceof MethodInvocationTree call && names.isDone(call);
      if (methodKind == MethodKind.ASYNC_GENERATOR && !isNull(value)) {
        report.add(Diagnostic.at(ret.path(), Messages.returnInAsyncGenerator(where)));
      } else if (methodKind == MethodKind.GENERATOR) {
        if (isDone) {
          report.add(Diagnostic.at(ret.path(), Messages.doneInGenerator(where)));
        }
      } else if (methodKind == MethodKind.ASYNC_GENERATOR) {
        continue;
      } else if (value != null && value.getKind() == Tree.Kind.NULL_LITERAL) {
        report.add(Diagnostic.at(ret.path(), Messages.returnNull()));
      } else if (!isDone
          && Suspensions.unsupportedAncestor(ret.path(), tree.getBody(), names) != null) {
        Tree outer = Suspensions.unsupportedAncestor(ret.path(), tree.getBody(), names);
        report.add(Diagnostic.at(ret.path(),
            Messages.tailAwaitInConstruct(Suspensions.describe(outer))));
      }
    }
    for (BodyScan.MemberRef ref : scan.memberRefs()) {
      TypeElement declaring = ref.method() && !ref.inLocalClass()
          ? Templates.inheritedInstanceTemplate(ref.found().members(), ref.found().scope())
          : null;
      if (declaring != null
          && ref.found().members().stream().noneMatch(rewrittenInherited::contains)) {
        report.add(Diagnostic.at(ref.path(), Messages.inheritedTemplate(
            ref.found().scope().getSimpleName().toString(),
            ref.found().first().getSimpleName() + "()", declaring.getSimpleName().toString(),
            Templates.generatedName(declaring, GeneratedNames.packageOf(type)))));
      }
    }
    for (TreePath ref : scan.receiverReferences()) {
      com.sun.source.tree.MemberReferenceTree r =
          (com.sun.source.tree.MemberReferenceTree) ref.getLeaf();
      report.add(Diagnostic.at(ref, Messages.receiverReference(r.getName() + "()")));
    }
    for (TreePath ref : scan.awaitReferences()) {
      report.add(Diagnostic.at(ref, Messages.awaitReference()));
    }
    for (BodyScan.SelfRef self : scan.selfRefs()) {
      if (self.isSuper()) {
        report.add(Diagnostic.at(self.path(), Messages.superUse()));
      }
    }
    PrivateUseChecks privateUses = new PrivateUseChecks(scan, names, generated);
    privateUses.check(report);
    privateUses.checkReceiverCalls(report);
    return report;
  }

  private static boolean checkReturnType(ExecutableElement method, TreePath methodPath,
      MethodTree tree, Report report) {
    TypeMirror ret = method.getReturnType();
    boolean ok = MethodKind.of(method) != null;
    if (!ok) {
      Tree returnTree = tree.getReturnType();
      String name = method.getSimpleName() + "()";
      Message message = Messages.returnType(name, String.valueOf(returnTree));
      report.add(returnTree != null
          ? Diagnostic.at(new TreePath(methodPath, returnTree), message)
          : Diagnostic.on(method, message));
    }
    return ok;
  }

  private static void checkEnclosingClasses(ExecutableElement method, TypeElement type,
      String generated, Report report) {
    boolean instance = !method.getModifiers().contains(Modifier.STATIC);
    String name = type.getSimpleName().toString();
    for (TypeElement t = type; t != null; t = enclosingType(t)) {
      if (t.getNestingKind() == NestingKind.LOCAL || t.getNestingKind() == NestingKind.ANONYMOUS) {
        report.add(Diagnostic.on(method, Messages.inLocalClass(name, generated)));
        return;
      }
      if (t.getModifiers().contains(Modifier.PRIVATE)) {
        report.add(Diagnostic.on(method,
            Messages.inPrivateClass(name, t.getSimpleName().toString(), generated)));
        return;
      }
      if (t.getNestingKind() == NestingKind.MEMBER && !t.getModifiers().contains(Modifier.STATIC)
          && t.getKind() == ElementKind.CLASS) {
        report.add(Diagnostic.on(method,
            Messages.inInnerClass(name, t.getSimpleName().toString(), generated)));
        return;
      }
    }
    if (!instance) {
      return;
    }
    if (type.getKind().isInterface()) {
      report.add(Diagnostic.on(method, Messages.interfaceInstanceMethod(name)));
    }
    // A final class, record, enum or class with only private constructors is no error: its
    // generated class takes the instance as an argument (Templates.takesReceiver).
  }

  private static boolean isNull(ExpressionTree value) {
    while (value instanceof com.sun.source.tree.ParenthesizedTree p) {
      value = p.getExpression();
    }
    return value != null && value.getKind() == Tree.Kind.NULL_LITERAL;
  }

  private static TypeElement enclosingType(TypeElement t) {
    Element e = t.getEnclosingElement();
    return e instanceof TypeElement te ? te : null;
  }

  /** An await must take a statement form, inside statements the modeler can split. */
  private static void checkAwaitPosition(TreePath await, MethodTree method,
      AsyncioNames names, Report report) {
    TreePath statement = Suspensions.suspendingStatement(await, names);
    if (statement == null) {
      statement = Suspensions.expressionOwner(await, names);
    }
    if (statement == null) {
      MethodInvocationTree call = (MethodInvocationTree) await.getLeaf();
      report.add(Diagnostic.at(await, names.isAiter(call) ? Messages.aiterPosition()
          : names.isYield(call) ? Messages.yieldPosition() : Messages.awaitPosition()));
      return;
    }
    Tree outer = Suspensions.unsupportedAncestor(statement, method.getBody(), names);
    if (outer instanceof com.sun.source.tree.SwitchExpressionTree) {
      report.add(Diagnostic.at(await, Messages.awaitInSwitchExpression()));
    } else if (outer != null) {
      report.add(Diagnostic.at(await, Messages.awaitInConstruct(Suspensions.describe(outer))));
    }
  }

}
