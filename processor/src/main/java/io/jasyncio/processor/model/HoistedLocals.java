package io.jasyncio.processor.model;

import com.palantir.javapoet.TypeName;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import io.jasyncio.processor.Diagnostic;
import io.jasyncio.processor.Messages;
import io.jasyncio.processor.scan.BodyScan;
import io.jasyncio.processor.scan.JumpsOut;
import io.jasyncio.processor.scan.LocalTypes;
import io.jasyncio.processor.scan.MethodKind;
import io.jasyncio.processor.scan.SourceText;
import io.jasyncio.processor.scan.TypeNotYetKnownException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * Which locals live across a suspension and so become fields of the machine (hoisting), with
 * the fields' types; which constant locals are declared again in the states that use them; and
 * which locals that stay locals are renamed, since the states of one case block share a scope.
 */
final class HoistedLocals extends MethodFacts {
  /** Locals the lowering's own code uses in other states (try-with-resources resources). */
  private final Set<Tree> forcedHoists =
      java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
  /** Constant locals used in other states than their own, with those states. */
  final Map<BodyScan.Local, Set<Integer>> constants = new java.util.LinkedHashMap<>();
  /** Locals that stay locals but are renamed, by declaration. */
  private final Map<Tree, String> localNames = new java.util.IdentityHashMap<>();
  private final Set<BodyScan.Local> hoisted = new LinkedHashSet<>();
  /** The types of the hoisted locals' fields. */
  final Map<BodyScan.Local, TypeName> fieldTypes = new HashMap<>();
  private final MachineNames machineNames;
  private final VariableTypes types;
  /** The references to locals by start, and their starts, for {@link #hoistLocalsIn}. */
  private List<BodyScan.LocalRef> refsByStart;
  private int[] refStarts;

  HoistedLocals(MethodFacts facts, MachineNames machineNames, VariableTypes types) {
    super(facts);
    this.machineNames = machineNames;
    this.types = types;
  }

  /** Every statement that contains a suspension (an await, or return other;), and the body. */
  Set<Tree> suspendingStatements() {
    Set<Tree> out = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (BodyScan.AwaitUse a : in.scan().awaits()) {
      addAncestors(a.path(), out);
    }
    for (BodyScan.ReturnUse r : in.scan().returns()) {
      if (!generator && !isDoneCall(((ReturnTree) r.path().getLeaf()).getExpression())) {
        addAncestors(r.path(), out);
      }
    }
    // try (AsyncCloseable r = ...) awaits r's close even when its block awaits nothing.
    new com.sun.source.util.TreePathScanner<Void, Void>() {
      @Override
      public Void visitTry(com.sun.source.tree.TryTree t, Void p) {
        if (t.getResources().stream().anyMatch(types::closesAsync)
            || t.getResources().stream().anyMatch(r -> !(r instanceof VariableTree))
            || ((t.getFinallyBlock() != null || !t.getResources().isEmpty())
                && JumpsOut.of(t))) {
          // try (r) names a variable, which Java requires to be an effectively final local
          // or a final field: a local hoisted into a field is neither, so such a try is split
          // and closes r itself.
          // A jump out of a copied try would set the state before its finally (or close)
          // runs, and an exception from there would be routed by the state jumped to:
          // split, the finally runs in a state of its own, inside the enclosing try's range.
          addAncestors(getCurrentPath(), out);
        }
        return super.visitTry(t, p);
      }

      @Override
      public Void visitClass(com.sun.source.tree.ClassTree c, Void p) {
        return null;
      }

      @Override
      public Void visitLambdaExpression(com.sun.source.tree.LambdaExpressionTree l, Void p) {
        return null;
      }
    }.scan(new TreePath(in.path(), tree.getBody()), null);
    return out;
  }

  void addAncestors(TreePath path, Set<Tree> out) {
    for (TreePath p = path; p != null && p.getLeaf() != tree; p = p.getParentPath()) {
      if (p.getLeaf() instanceof StatementTree) {
        out.add(p.getLeaf());
      }
    }
  }

  /** A final local of a primitive type or String whose initializer is made of literals. */
  boolean isConstant(VariableTree v) {
    if (!v.getModifiers().getFlags().contains(Modifier.FINAL) || v.getInitializer() == null
        || v.getType() == null) {
      return false;
    }
    String type = source.render(v.getType());
    boolean constantType = v.getType() instanceof PrimitiveTypeTree
        || type.equals("String") || type.equals("java.lang.String");
    return constantType && literalsOnly(v.getInitializer());
  }

  static boolean literalsOnly(Tree t) {
    if (t instanceof com.sun.source.tree.LiteralTree) {
      return true;
    }
    if (t instanceof com.sun.source.tree.ParenthesizedTree p) {
      return literalsOnly(p.getExpression());
    }
    if (t instanceof com.sun.source.tree.UnaryTree u) {
      return literalsOnly(u.getExpression());
    }
    if (t instanceof com.sun.source.tree.BinaryTree b) {
      return literalsOnly(b.getLeftOperand()) && literalsOnly(b.getRightOperand());
    }
    if (t instanceof com.sun.source.tree.ConditionalExpressionTree c) {
      return literalsOnly(c.getCondition()) && literalsOnly(c.getTrueExpression())
          && literalsOnly(c.getFalseExpression());
    }
    return false;
  }

  /** Declarations of constant locals to repeat at the start of {@code state}. */
  List<Step> constantsFor(int state) {
    List<Step> out = new ArrayList<>();
    for (Map.Entry<BodyScan.Local, Set<Integer>> c : constants.entrySet()) {
      if (c.getValue().contains(state)) {
        VariableTree v = c.getKey().tree();
        out.add(new Step.Declare("final " + types.typeText(v.getType()), v.getName().toString(),
            new Expr.Code(source.render(v.getInitializer())), 0));
      }
    }
    return out;
  }

  /** A local is hoisted when some reference to it runs in another state than its declaration. */
  void findHoisted(Map<Tree, Integer> fragments) {
    FragmentStates states = new FragmentStates(source, fragments);
    Map<BodyScan.Local, Integer> declared = new HashMap<>();
    for (BodyScan.Local local : in.scan().locals()) {
      if (forcedHoists.contains(local.tree())) {
        hoisted.add(local);
      }
    }
    for (BodyScan.LocalClassRef ref : in.scan().localClassRefs()) {
      if (states.stateOf(ref.path().getLeaf())
          != states.stateOf(ref.declaration().tree())) {
        throw new ModelException(Diagnostic.at(ref.path(),
            Messages.localClassAcrossAwait(ref.declaration().name(),
                type.getSimpleName().toString())));
      }
    }
    for (BodyScan.LocalRef ref : in.scan().localRefs()) {
      BodyScan.Local local = ref.local();
      if (local.parameter() || hoisted.contains(local)) {
        continue;
      }
      int declState = declared.computeIfAbsent(local, l -> states.stateOf(l.tree()));
      int refState = states.stateOf(ref.tree());
      if (refState != declState) {
        if (isConstant(local.tree())) {
          // A field is no constant (case K: needs one): declare it again where it is used.
          constants.computeIfAbsent(local, l -> new java.util.TreeSet<>()).add(refState);
        } else {
          hoisted.add(local);
        }
      }
    }
  }

  /**
   * Locals that stay locals share one case block per state: two declared in sibling blocks
   * that land in the same state would clash, so the later ones are renamed.
   */
  void renameClashingLocals(Map<Tree, Integer> fragments) {
    FragmentStates states = new FragmentStates(source, fragments);
    // A local named like a field of the machine (state) would capture the jumps the lowering
    // writes into its scope ("state = 3; continue dispatch;"): every such local is renamed.
    for (BodyScan.Local local : in.scan().locals()) {
      if (!local.parameter() && !hoisted.contains(local)
          && machineFields.contains(local.name())) {
        String fresh = local.name();
        for (int n = 2; declaredAnywhere(fresh) || machineFields.contains(fresh); n++) {
          fresh = local.name() + n;
        }
        fresh = machineNames.names.newName(fresh, local);
        localNames.put(local.tree(), fresh);
        machineNames.fieldNames.put(local, fresh);
        if (!fragments.containsKey(local.tree())) {
          source.replaceName(local.tree(), fresh); // written as part of a copied statement
        }
      }
    }
    CaseNames caseNames = new CaseNames(machineNames.fieldNames.names());
    for (BodyScan.Local local : in.scan().locals()) {
      if (localNames.containsKey(local.tree())) {
        continue;
      }
      if (local.parameter() || hoisted.contains(local)
          || !fragments.containsKey(local.tree())) {
        continue; // declared inside a copied statement: its own braces scope it
      }
      int state = fragments.get(local.tree());
      String name = local.name();
      if (!caseNames.take(state, name)) {
        String fresh = name;
        for (int n = 2; caseNames.isTaken(state, fresh) || declaredAnywhere(fresh); n++) {
          fresh = name + n;
        }
        fresh = machineNames.names.newName(fresh, local);
        caseNames.take(state, fresh);
        localNames.put(local.tree(), fresh);
        machineNames.fieldNames.put(local, fresh);
        caseNames.given(fresh);
      }
    }
    // A local declared inside a copied statement sits in a nested block of its state's case,
    // where a local of the case itself with the same name would be shadowed, which Java
    // forbids ({ int y = await(a()); } { int y = 2; } lands in one case).
    for (BodyScan.Local local : in.scan().locals()) {
      if (local.parameter() || hoisted.contains(local) || localNames.containsKey(local.tree())
          || fragments.containsKey(local.tree())) {
        continue;
      }
      int state = states.stateOf(local.tree());
      if (caseNames.isTaken(state, local.name())) {
        String fresh = local.name();
        for (int n = 2; caseNames.isTaken(state, fresh) || declaredAnywhere(fresh); n++) {
          fresh = local.name() + n;
        }
        fresh = machineNames.names.newName(fresh, local);
        localNames.put(local.tree(), fresh);
        machineNames.fieldNames.put(local, fresh);
        source.replaceName(local.tree(), fresh);
      }
    }
  }

  boolean declaredAnywhere(String name) {
    return in.scan().locals().stream().anyMatch(l -> l.name().equals(name))
        || machineNames.fieldNames.contains(name);
  }

  List<MethodModel.Field> parameterFields() {
    List<MethodModel.Field> out = new ArrayList<>();
    List<? extends VariableElement> params = method.getParameters();
    for (BodyScan.Local local : in.scan().locals()) {
      if (!local.parameter()) {
        continue;
      }
      String field = machineNames.names.newName(local.name(), local);
      machineNames.fieldNames.put(local, field);
      VariableElement element = params.get(tree.getParameters().indexOf(local.tree()));
      out.add(new MethodModel.Field(field, local.name(), TypeName.get(element.asType()),
          !in.scan().assigned().contains(local), null));
    }
    return out;
  }

  /** The fields of the hoisted locals, in source order, named and typed. */
  List<MethodModel.Field> hoistedFields() {
    List<MethodModel.Field> out = new ArrayList<>();
    List<BodyScan.Local> inSourceOrder = new ArrayList<>(hoisted);
    inSourceOrder.sort(java.util.Comparator.comparingInt(l -> source.start(l.tree())));
    for (BodyScan.Local local : inSourceOrder) {
      TypeMirror type = local.topLevel() ? localTypes.of(local.name()) : types.typeAtUse(local);
      if (type == null) {
        type = types.typeInScopeAfter(local);
      }
      if (type != null && LocalTypes.mentionsError(type)) {
        throw new TypeNotYetKnownException(pathOf(local), local.name());
      }
      if (type != null && LocalTypes.localClassIn(type) != null) {
        throw new ModelException(Diagnostic.at(pathOf(local),
            Messages.localClassType(local.name(), LocalTypes.localClassIn(type))));
      }
      TypeName fieldType;
      if (IntersectionTypes.applies(type) && !in.scan().assigned().contains(local)) {
        fieldType = types.intersections.variableFor(local.tree(), local.name(), type);
      } else if (type == null || !LocalTypes.isDenotable(type)) {
        throw new ModelException(Diagnostic.at(pathOf(local),
            Messages.nonDenotable(local.name(), String.valueOf(type))));
      } else {
        fieldType = TypeName.get(type);
      }
      String field = machineNames.names.newName(local.name(), local);
      machineNames.fieldNames.put(local, field);
      fieldTypes.put(local, fieldType);
      out.add(new MethodModel.Field(field, local.name(), fieldType, false,
          "Live across " + (kind == MethodKind.GENERATOR ? "a yield" : "an await")
              + "; declared at " + fileName
              + ":" + source.line(local.tree())
              + "."));
    }
    return out;
  }

  /** Where {@code local} is declared; found by a search of the whole unit, so only for errors. */
  private TreePath pathOf(BodyScan.Local local) {
    return trees.getPath(in.path().getCompilationUnit(), local.tree());
  }

  /** Whether the machine keeps {@code local} in a field: a parameter, or a hoisted local. */
  boolean isField(BodyScan.Local local) {
    return local.parameter() || hoisted.contains(local);
  }

  /** The field a hoisted local lives in, or null when the local stays a local. */
  String fieldOf(VariableTree v) {
    for (BodyScan.Local l : hoisted) {
      if (l.tree() == v) {
        return machineNames.fieldNames.get(l);
      }
    }
    return null;
  }

  /** The name a local that stays a local is declared with. */
  String localName(VariableTree v) {
    return localNames.getOrDefault(v, v.getName().toString());
  }

  /** Makes {@code v} a field: code the lowering writes in other states uses it. */
  void mustHoist(VariableTree v) {
    forcedHoists.add(v);
  }

  /** Makes the local {@code a} assigns a field, if it assigns a local. */
  void mustHoistTarget(AssignmentTree a) {
    VariableTree local = types.localOfTarget(a);
    if (local != null
        && in.scan().locals().stream().noneMatch(l -> l.parameter() && l.tree() == local)) {
      mustHoist(local); // parameters are fields already
    }
  }

  /** Makes every local {@code e} uses a field: continuation lambdas read and write them. */
  void hoistLocalsIn(Tree e) {
    int from = source.start(e);
    int to = source.end(e);
    if (refStarts == null) {
      refsByStart = new ArrayList<>(in.scan().localRefs());
      refsByStart.sort(java.util.Comparator.comparingInt(r -> source.start(r.tree())));
      refStarts = refsByStart.stream().mapToInt(r -> source.start(r.tree())).toArray();
    }
    int first = java.util.Arrays.binarySearch(refStarts, from);
    if (first < 0) {
      first = -first - 1;
    }
    while (first > 0 && refStarts[first - 1] == from) {
      first--; // binarySearch finds any of equal starts
    }
    for (int i = first; i < refStarts.length && refStarts[i] < to; i++) {
      BodyScan.LocalRef ref = refsByStart.get(i);
      if (!ref.local().parameter() && !effectivelyFinal(ref.local())) {
        // Read or written in a continuation lambda, which can capture only what never
        // changes; a local that does is a field of the machine instead.
        mustHoist(ref.local().tree());
      }
    }
  }

  /** Whether {@code local} has an initializer and nothing assigns it again. */
  boolean effectivelyFinal(BodyScan.Local local) {
    return local.tree().getInitializer() != null && !in.scan().assigned().contains(local);
  }

  /**
   * An initializer as an expression: {@code {1, 2}} needs its array type outside a declaration,
   * and a local of an intersection type its value as the machine's type variable.
   */
  Expr initializer(VariableTree v) {
    ExpressionTree init = v.getInitializer();
    SourceText.Rendered text = source.rendered(init);
    if (init instanceof com.sun.source.tree.NewArrayTree array && array.getType() == null) {
      BodyScan.Local local = hoisted.stream().filter(l -> l.tree() == v).findFirst().orElseThrow();
      TypeMirror type = local.topLevel() ? localTypes.of(local.name()) : types.typeAtUse(local);
      return new Expr.Code("new " + TypeName.get(type) + " " + text.text(), text.lines());
    }
    Expr.Code code = new Expr.Code(text.text(), text.lines());
    boolean intersection = hoisted.stream().anyMatch(l -> l.tree() == v
        && fieldTypes.get(l) instanceof com.palantir.javapoet.TypeVariableName t
        && types.intersections.all().contains(t));
    // A field of a type variable of the machine takes no value of another type without help.
    return intersection ? new Expr.Held(code) : code;
  }
}
