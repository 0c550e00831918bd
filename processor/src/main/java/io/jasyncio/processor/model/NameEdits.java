package io.jasyncio.processor.model;

import static io.jasyncio.processor.model.ClosureCopies.SELF;

import com.sun.source.tree.BindingPatternTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import io.jasyncio.processor.model.ClosureCopies.Closure;
import io.jasyncio.processor.scan.BodyScan;
import io.jasyncio.processor.scan.GeneratedNames;
import io.jasyncio.processor.scan.SourceText;
import io.jasyncio.processor.scan.Templates;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * The edits that make the copied code mean in the machine what it meant in the template: a
 * hoisted local's uses name its field, a closure's name its copy, and a member, static import or
 * {@code this} is qualified where the machine's own members would hide it.
 */
final class NameEdits extends MethodFacts {

  private final ClosureCopies closureCopies;
  private final MachineNames machineNames;

  NameEdits(MethodFacts facts, ClosureCopies closureCopies, MachineNames machineNames) {
    super(facts);
    this.closureCopies = closureCopies;
    this.machineNames = machineNames;
  }

  void layNameEdits() {
    Set<String> fieldsInMachine = new HashSet<>(machineFields);
    fieldsInMachine.addAll(machineNames.fieldNames.names());
    // read before the copies' edits, which render only once the copies are chosen
    machineNames.bodyText();
    bindHoistedPatterns();
    for (BodyScan.LocalRef ref : in.scan().localRefs()) {
      Closure closure = closureCopies.closureAround(ref.tree());
      if (closure != null && closure.captured().contains(ref.local())) {
        source.replace(ref.tree(), () -> closureCopies.copyName(closure, ref.local()));
        continue;
      }
      String field = machineNames.fieldNames.get(ref.local());
      if (field != null && !field.equals(ref.local().name())) {
        source.replace(ref.tree(), field);
      }
    }
    Set<Tree> privateNames = java.util.Collections.newSetFromMap(
        new java.util.IdentityHashMap<>());
    for (BodyScan.PrivateUse use : in.scan().privateUses()) {
      privateNames.add(use.path().getLeaf()); // PrivateEdits rewrites these
    }
    for (BodyScan.MemberRef ref : in.scan().memberRefs()) {
      if (privateNames.contains(ref.path().getLeaf())) {
        continue;
      }
      Closure closure = closureCopies.closureAround(ref.path().getLeaf());
      String name = ref.found().first().getSimpleName().toString();
      if (receiver != null && ref.method() && ref.found().scope().equals(type)
          && in.asyncInstanceSiblings().contains(name)) {
        // numSum(x) is AsyncKitchen.numSum(self, x): the generated method takes the instance.
        Supplier<String> instance = closure != null && closureCopies.readsInstance(ref)
            ? () -> closureCopies.copyName(closure, SELF) : () -> self;
        passReceiver(ref.path(), generated + "." + name, instance);
        continue;
      }
      if (closure != null && closureCopies.readsInstance(ref)) {
        source.replace(ref.path().getLeaf(),
            () -> closureCopies.copyName(closure, SELF) + "." + name);
        continue;
      }
      String qualified = qualify(ref, fieldsInMachine);
      if (qualified != null) {
        source.replace(ref.path().getLeaf(), qualified);
      }
    }
    for (BodyScan.ReceiverCall call : in.scan().receiverCalls()) {
      // k.numSum(x) is AsyncKitchen.numSum(k, x), the method of the class that takes k.
      ExpressionTree q = call.qualifier();
      passReceiver(call.select(), Templates.generatedName(call.owner(),
          GeneratedNames.packageOf(type)) + "." + ((MemberSelectTree) call.select().getLeaf())
              .getIdentifier(), () -> source.render(q));
    }
    for (BodyScan.Unresolved name : in.scan().unresolved()) {
      boolean clashes = name.method() ? machineMethods.contains(name.name())
          : machineFields.contains(name.name())
              || machineNames.fieldNames.contains(name.name());
      String owner = clashes ? staticImportOwner(name.name()) : null;
      if (owner != null) {
        source.replace(name.path().getLeaf(), owner + "." + name.name());
      }
    }
    String pkg = GeneratedNames.packageOf(type);
    if (pkg.isEmpty()) {
      // The generated class imports the template class's member types, but no import can name
      // a class of the unnamed package: there they are qualified with their outer class.
      for (BodyScan.MemberTypeRef ref : in.scan().memberTypeRefs()) {
        source.replace(ref.path().getLeaf(), GeneratedNames.nameInPackage(ref.type()));
      }
    }
    for (BodyScan.TemplateCall call : in.scan().templateCalls()) {
      source.replace(call.qualifier(), Templates.generatedName(call.template(), pkg));
    }
    for (BodyScan.SelfRef self : in.scan().selfRefs()) {
      Closure closure = closureCopies.closureAround(self.path().getLeaf());
      if (!self.isSuper() && closure != null) {
        source.replace(self.path().getLeaf(), () -> closureCopies.copyName(closure, SELF));
      } else if (!self.isSuper()) {
        source.replace(self.path().getLeaf(), this.self);
      }
    }
  }

  /**
   * Makes the call whose method {@code select} names a call of {@code method} with
   * {@code receiver} as its first argument: the name and the opening parenthesis change, the
   * arguments stay where they are (one that awaits is split as in any call).
   */
  private void passReceiver(TreePath select, String method, Supplier<String> receiver) {
    passReceiver(source, (MethodInvocationTree) select.getParentPath().getLeaf(),
        select.getLeaf(), method, receiver);
  }

  /** {@link #passReceiver(TreePath, String, Supplier)} of {@code call}, named by {@code select}. */
  static void passReceiver(SourceText source, MethodInvocationTree call, Tree select,
      String method, Supplier<String> receiver) {
    source.replace(select, method);
    boolean noArguments = call.getArguments().isEmpty();
    int to = noArguments ? source.end(call) : source.start(call.getArguments().get(0));
    source.replaceRange(source.end(select), to,
        () -> "(" + receiver.get() + (noArguments ? ")" : ", "));
  }

  /**
   * A pattern's binding that lives across an await is a field: the match binds a fresh name,
   * and puts its value in the field as it matches ({@code o instanceof Integer i} becomes
   * {@code (o instanceof Integer bound1 && (i = bound1) != null)}; a match is never null), so
   * every use of the binding, wherever flow scoping allows one, reads the field.
   */
  private void bindHoistedPatterns() {
    for (BodyScan.Local local : in.scan().locals()) {
      String field = machineNames.fieldNames.get(local);
      TreePath decl = field == null ? null
          : trees.getPath(in.path().getCompilationUnit(), local.tree());
      if (decl == null || !(decl.getParentPath().getLeaf() instanceof BindingPatternTree)
          || !(decl.getParentPath().getParentPath().getLeaf() instanceof InstanceOfTree match)) {
        continue;
      }
      String bound = machineNames.uniqueName("bound");
      source.replaceName(local.tree(), bound);
      source.wrap(match, "(", " && (" + field + " = " + bound + ") != null)");
    }
  }

  /** The text that makes a member reference mean the same in the machine, or null. */
  String qualify(BodyScan.MemberRef ref, Set<String> fieldsInMachine) {
    Element member = ref.found().first();
    String name = member.getSimpleName().toString();
    TypeElement scope = ref.found().scope();
    boolean memberIsStatic = ref.found().members().stream()
        .allMatch(m -> m.getModifiers().contains(Modifier.STATIC));
    String owner = GeneratedNames.nameInPackage(scope);
    if (ref.caseLabel()) {
      // An enum constant label stays a simple name; another constant is qualified.
      return member.getKind() == javax.lang.model.element.ElementKind.ENUM_CONSTANT
          ? null : owner + "." + name;
    }
    // A machine that takes the instance as an argument is no subclass of the template: every
    // member of it is qualified, a static one with its class, an instance one with the instance.
    boolean outside = isStatic || receiver != null;
    if (ref.method()) {
      boolean sibling = scope.equals(type);
      if (sibling && in.asyncStaticSiblings().contains(name)) {
        return GeneratedNames.generatedClass(type) + "." + name;
      }
      if (sibling && in.asyncInstanceSiblings().contains(name) && receiver == null) {
        return machineMethods.contains(name) ? self + "." + name : null;
      }
      if (!sibling && memberIsStatic && Templates.anyStaticAsync(ref.found().members())) {
        // A static @Async method of an enclosing class: its template only runs rewritten.
        return Templates.generatedName(scope, GeneratedNames.packageOf(type)) + "." + name;
      }
      if (memberIsStatic && (outside || !scope.equals(type) || machineMethods.contains(name))) {
        return owner + "." + name;
      }
      if (!memberIsStatic && (receiver != null
          || (scope.equals(type) && machineMethods.contains(name)))) {
        return self + "." + name;
      }
      return null;
    }
    if (memberIsStatic) {
      return outside || !scope.equals(type) || fieldsInMachine.contains(name)
          ? owner + "." + name : null;
    }
    return receiver != null || (scope.equals(type) && fieldsInMachine.contains(name))
        ? self + "." + name : null;
  }

  /**
   * The class a static import brings {@code name} from, or null. A static import is hidden by
   * the machine's own members, so a name that clashes with one is qualified with its class.
   */
  String staticImportOwner(String name) {
    for (com.sun.source.tree.ImportTree imp : in.path().getCompilationUnit().getImports()) {
      if (!imp.isStatic()
          || !(imp.getQualifiedIdentifier() instanceof com.sun.source.tree.MemberSelectTree s)) {
        continue;
      }
      String owner = s.getExpression().toString();
      String member = s.getIdentifier().toString();
      if (member.equals(name)) {
        return owner;
      }
      TypeElement ownerType = elements.getTypeElement(owner);
      if (member.equals("*") && ownerType != null && ownerType.getEnclosedElements().stream()
          .anyMatch(e -> e.getSimpleName().contentEquals(name)
              && e.getModifiers().contains(Modifier.STATIC))) {
        return owner;
      }
    }
    return null;
  }
}
