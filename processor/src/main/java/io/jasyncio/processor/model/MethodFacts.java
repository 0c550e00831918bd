package io.jasyncio.processor.model;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.Trees;
import io.jasyncio.processor.scan.GeneratedNames;
import io.jasyncio.processor.scan.LocalTypes;
import io.jasyncio.processor.scan.MethodKind;
import io.jasyncio.processor.scan.SourceText;
import io.jasyncio.processor.scan.Templates;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * What every part of modeling one method reads: the template method, its source text, what it
 * returns, and javac's services. Each part ({@link MachineNames}, {@link VariableTypes},
 * {@link HoistedLocals}, {@link ClosureCopies}, {@link NameEdits}) extends it, so the code moved
 * out of the modeler names these facts as it always did.
 */
class MethodFacts {
  final Trees trees;
  final javax.lang.model.util.Elements elements;
  final javax.lang.model.util.Types typeUtils;
  /** The names of the machine base class's fields, which copied code must not reach. */
  final Set<String> machineFields;
  /** The names of the machine base class's methods. */
  final Set<String> machineMethods;
  final BodyModeler.Input in;
  final ExecutableElement method;
  final TypeElement type;
  final MethodTree tree;
  final SourceText source;
  final LocalTypes localTypes;
  final boolean isStatic;
  final String generated;
  final String fileName;
  /** What the method returns: a coroutine, a generator or an async generator. */
  final MethodKind kind;
  /** Whether its returns are plain ({@code return null;}), not done(...) or tail awaits. */
  final boolean generator;
  /**
   * The machine's field holding the template's instance, when the generated class takes it
   * as an argument ({@link Templates#takesReceiver}); null when the machine is an inner class
   * of a subclass of the template, or the method is static.
   */
  final String receiver;
  /** How the machine's code names the template's instance ({@code this} in the template). */
  final String self;

  MethodFacts(Trees trees, javax.lang.model.util.Elements elements,
      javax.lang.model.util.Types typeUtils, Set<String> machineFields,
      Set<String> machineMethods, BodyModeler.Input in) {
    this.trees = trees;
    this.elements = elements;
    this.typeUtils = typeUtils;
    this.machineFields = machineFields;
    this.machineMethods = machineMethods;
    this.in = in;
    this.method = in.method();
    this.type = (TypeElement) method.getEnclosingElement();
    this.tree = (MethodTree) in.path().getLeaf();
    this.source = new SourceText(in.path().getCompilationUnit(), trees.getSourcePositions());
    this.localTypes = in.localTypes();
    this.isStatic = method.getModifiers().contains(Modifier.STATIC);
    this.kind = MethodKind.of(method);
    this.generator = kind != MethodKind.COROUTINE;
    // An inherited method is rewritten into the generated class of the class inheriting it.
    this.generated = GeneratedNames.generatedClass(in.host() != null ? in.host() : type);
    this.receiver = isStatic || !Templates.takesReceiver(type) ? null : receiverName(in);
    this.self = receiver != null ? receiver : generated + ".this";
    String file = in.path().getCompilationUnit().getSourceFile().getName();
    this.fileName = file.substring(file.lastIndexOf('/') + 1);
  }

  /** The same facts, for another part of modeling the method. */
  MethodFacts(MethodFacts facts) {
    this.trees = facts.trees;
    this.elements = facts.elements;
    this.typeUtils = facts.typeUtils;
    this.machineFields = facts.machineFields;
    this.machineMethods = facts.machineMethods;
    this.in = facts.in;
    this.method = facts.method;
    this.type = facts.type;
    this.tree = facts.tree;
    this.source = facts.source;
    this.localTypes = facts.localTypes;
    this.isStatic = facts.isStatic;
    this.kind = facts.kind;
    this.generator = facts.generator;
    this.generated = facts.generated;
    this.receiver = facts.receiver;
    this.self = facts.self;
    this.fileName = facts.fileName;
  }

  /** {@code self}, or {@code self2}...: a name no local, parameter or field of the class has. */
  private static String receiverName(BodyModeler.Input in) {
    java.util.Set<String> taken = new java.util.HashSet<>(in.scan().classFieldNames());
    in.scan().locals().forEach(l -> taken.add(l.name()));
    String name = "self";
    for (int n = 2; taken.contains(name); n++) {
      name = "self" + n;
    }
    return name;
  }

  /** Whether {@code e} is a call of {@code done(...)}. */
  public boolean isDoneCall(ExpressionTree e) {
    return e instanceof MethodInvocationTree call && in.names().isDone(call);
  }
}
