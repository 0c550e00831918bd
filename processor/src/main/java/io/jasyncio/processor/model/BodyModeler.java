package io.jasyncio.processor.model;

import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import io.jasyncio.processor.Diagnostic;
import io.jasyncio.processor.Messages;
import io.jasyncio.processor.validate.AsyncioNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Turns a validated {@code @Async} method into a {@link MethodModel}: splits the body into states
 * at each {@code await}, hoists the locals live across an await into fields, and rewrites names
 * so the copied statements mean in the generated class what they meant in the template.
 */
public final class BodyModeler {
  private final Trees trees;
  private final javax.lang.model.util.Elements elements;
  private final Set<String> machineFields;
  private final Set<String> machineMethods;

  /**
   * A modeler for code that will run inside a subclass of {@code machineBase}, whose member names
   * the copied code must not accidentally reach.
   */
  public BodyModeler(Trees trees, javax.lang.model.util.Elements elements,
      Set<String> machineFields, Set<String> machineMethods) {
    this.trees = trees;
    this.elements = elements;
    this.machineFields = machineFields;
    this.machineMethods = machineMethods;
  }

  /** What the modeler needs to know about one method. */
  public record Input(ExecutableElement method, TreePath path, BodyScan scan, AsyncioNames names,
      Set<String> asyncStaticSiblings, Set<String> asyncInstanceSiblings) {}

  /** Models one method; throws {@link ModelException} for what it cannot rewrite. */
  public MethodModel model(Input in) {
    return new Run(in).model();
  }

  private final class Run {
    private final Input in;
    private final ExecutableElement method;
    private final TypeElement type;
    private final MethodTree tree;
    private final SourceText source;
    private final LocalTypes localTypes;
    private final boolean isStatic;
    private final String generated;
    private final String fileName;
    private final Map<BodyScan.Local, String> fieldNames = new HashMap<>();
    private final Set<BodyScan.Local> hoisted = new LinkedHashSet<>();
    private final NameAllocator names = new NameAllocator();

    Run(Input in) {
      this.in = in;
      this.method = in.method();
      this.type = (TypeElement) method.getEnclosingElement();
      this.tree = (MethodTree) in.path().getLeaf();
      this.source = new SourceText(in.path().getCompilationUnit(), trees.getSourcePositions());
      this.localTypes = new LocalTypes(trees, in.path());
      this.isStatic = method.getModifiers().contains(Modifier.STATIC);
      this.generated = GeneratedNames.generatedClass(type);
      String file = in.path().getCompilationUnit().getSourceFile().getName();
      this.fileName = file.substring(file.lastIndexOf('/') + 1);
      for (String reserved : machineFields) {
        names.newName(reserved, "reserved:" + reserved);
      }
    }

    MethodModel model() {
      List<? extends StatementTree> statements = tree.getBody().getStatements();
      int[] stateOf = statesOfStatements(statements);
      findHoisted(statements, stateOf);
      List<MethodModel.Field> parameters = parameterFields();
      List<MethodModel.Field> hoistedFields = hoistedFields();
      layNameEdits();
      layNestedReturnEdits();
      List<MethodModel.State> states = buildStates(statements);

      List<TypeVariableName> typeVariables = new ArrayList<>();
      for (TypeParameterElement tp : method.getTypeParameters()) {
        typeVariables.add(TypeVariableName.get(tp));
      }
      List<TypeName> thrown = new ArrayList<>();
      for (TypeMirror t : method.getThrownTypes()) {
        thrown.add(TypeName.get(t));
      }
      Set<Modifier> visibility = new LinkedHashSet<>();
      for (Modifier m : method.getModifiers()) {
        if (m == Modifier.PUBLIC || m == Modifier.PROTECTED) {
          visibility.add(m);
        }
      }
      DeclaredType returnType = (DeclaredType) method.getReturnType();
      String machine = GeneratedNames.machineName(method.getSimpleName().toString());
      return new MethodModel(method.getSimpleName().toString(), machine, isStatic, visibility,
          typeVariables, TypeName.get(returnType.getTypeArguments().get(0)),
          TypeName.get(returnType), parameters, method.isVarArgs(), thrown, hoistedFields, states,
          fileName + ":" + source.line(tree));
    }

    // ---- liveness

    /** The state in which each top-level statement starts. */
    private int[] statesOfStatements(List<? extends StatementTree> statements) {
      int[] stateOf = new int[statements.size()];
      Set<Integer> suspending = suspendingStatements();
      int state = 0;
      for (int i = 0; i < statements.size(); i++) {
        stateOf[i] = state;
        if (suspending.contains(i)) {
          state++;
        }
      }
      return stateOf;
    }

    private Set<Integer> suspendingStatements() {
      Set<Integer> out = new HashSet<>();
      for (BodyScan.AwaitUse a : in.scan().awaits()) {
        out.add(a.topIndex());
      }
      for (BodyScan.ReturnUse r : in.scan().returns()) {
        if (r.topLevel() && !isDoneCall(((ReturnTree) r.path().getLeaf()).getExpression())) {
          out.add(r.topIndex());
        }
      }
      return out;
    }

    /**
     * A local is hoisted when some reference to it runs in a later state than its declaration.
     * A suspending statement runs its awaitable in its own state and the rest after resuming.
     */
    private void findHoisted(List<? extends StatementTree> statements, int[] stateOf) {
      Map<Integer, ExpressionTree> awaitedArgument = new HashMap<>();
      for (BodyScan.AwaitUse a : in.scan().awaits()) {
        awaitedArgument.put(a.topIndex(),
            ((MethodInvocationTree) a.path().getLeaf()).getArguments().get(0));
      }
      for (BodyScan.ReturnUse r : in.scan().returns()) {
        ExpressionTree value = ((ReturnTree) r.path().getLeaf()).getExpression();
        if (r.topLevel() && !isDoneCall(value)) {
          awaitedArgument.put(r.topIndex(), value);
        }
      }
      for (BodyScan.LocalClassRef ref : in.scan().localClassRefs()) {
        int refState = stateOf[ref.topIndex()];
        ExpressionTree arg = awaitedArgument.get(ref.topIndex());
        if (arg != null && !within(ref.path().getLeaf(), arg)) {
          refState++;
        }
        if (refState > stateOf[ref.declaration().topIndex()]) {
          throw new ModelException(Diagnostic.at(ref.path(), Messages.LOCAL_CLASS_ACROSS_AWAIT,
              Messages.localClassAcrossAwait(ref.declaration().name(),
                  type.getSimpleName().toString())));
        }
      }
      for (BodyScan.LocalRef ref : in.scan().localRefs()) {
        BodyScan.Local local = ref.local();
        if (local.parameter()) {
          continue;
        }
        int refState = stateOf[ref.topIndex()];
        ExpressionTree arg = awaitedArgument.get(ref.topIndex());
        if (arg != null && !within(ref.tree(), arg)) {
          refState++;
        }
        int declState = stateOf[local.topIndex()];
        if (local.topLevel() && awaitedArgument.containsKey(local.topIndex())) {
          declState++; // T v = await(x): v is assigned after resuming
        }
        if (refState > declState) {
          if (!local.topLevel()) {
            throw new ModelException(Diagnostic.at(
                trees.getPath(in.path().getCompilationUnit(), local.tree()),
                Messages.AWAIT_POSITION, Messages.awaitPosition()));
          }
          hoisted.add(local);
        }
      }
    }

    private boolean within(Tree inner, Tree outer) {
      return source.start(inner) >= source.start(outer) && source.end(inner) <= source.end(outer);
    }

    // ---- fields

    private List<MethodModel.Field> parameterFields() {
      List<MethodModel.Field> out = new ArrayList<>();
      List<? extends VariableElement> params = method.getParameters();
      for (BodyScan.Local local : in.scan().locals()) {
        if (!local.parameter()) {
          continue;
        }
        String field = names.newName(local.name(), local);
        fieldNames.put(local, field);
        VariableElement element = params.get(tree.getParameters().indexOf(local.tree()));
        out.add(new MethodModel.Field(field, local.name(), TypeName.get(element.asType()),
            !in.scan().assigned().contains(local), null));
      }
      return out;
    }

    private List<MethodModel.Field> hoistedFields() {
      List<MethodModel.Field> out = new ArrayList<>();
      for (BodyScan.Local local : hoisted) {
        TypeMirror type = localTypes.of(local.name());
        TreePath at = trees.getPath(in.path().getCompilationUnit(), local.tree());
        if (type != null && LocalTypes.localClassIn(type) != null) {
          throw new ModelException(Diagnostic.at(at, Messages.NON_DENOTABLE,
              Messages.localClassType(local.name(), LocalTypes.localClassIn(type))));
        }
        if (type == null || !LocalTypes.isDenotable(type)) {
          throw new ModelException(Diagnostic.at(at, Messages.NON_DENOTABLE,
              Messages.nonDenotable(local.name(), String.valueOf(type))));
        }
        String field = names.newName(local.name(), local);
        fieldNames.put(local, field);
        out.add(new MethodModel.Field(field, local.name(), TypeName.get(type), false,
            "Live across an await; declared at " + fileName + ":" + source.line(local.tree())
                + "."));
      }
      return out;
    }

    // ---- names

    private void layNameEdits() {
      Set<String> fieldsInMachine = new HashSet<>(machineFields);
      fieldsInMachine.addAll(fieldNames.values());
      for (BodyScan.LocalRef ref : in.scan().localRefs()) {
        String field = fieldNames.get(ref.local());
        if (field != null && !field.equals(ref.local().name())) {
          source.replace(ref.tree(), field);
        }
      }
      for (BodyScan.MemberRef ref : in.scan().memberRefs()) {
        String qualified = qualify(ref, fieldsInMachine);
        if (qualified != null) {
          source.replace(ref.path().getLeaf(), qualified);
        }
      }
      String pkg = GeneratedNames.packageOf(type);
      for (BodyScan.TemplateCall call : in.scan().templateCalls()) {
        source.replace(call.qualifier(), Templates.generatedName(call.template(), pkg));
      }
      for (BodyScan.SelfRef self : in.scan().selfRefs()) {
        if (!self.isSuper()) {
          source.replace(self.path().getLeaf(), generated + ".this");
        }
      }
    }

    /** The text that makes a member reference mean the same in the machine, or null. */
    private String qualify(BodyScan.MemberRef ref, Set<String> fieldsInMachine) {
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
      if (ref.method()) {
        boolean sibling = scope.equals(type);
        if (sibling && in.asyncStaticSiblings().contains(name)) {
          return generated + "." + name;
        }
        if (sibling && in.asyncInstanceSiblings().contains(name)) {
          return machineMethods.contains(name) ? generated + ".this." + name : null;
        }
        if (memberIsStatic && (isStatic || !scope.equals(type) || machineMethods.contains(name))) {
          return owner + "." + name;
        }
        if (!memberIsStatic && scope.equals(type) && machineMethods.contains(name)) {
          return generated + ".this." + name;
        }
        return null;
      }
      if (memberIsStatic) {
        return isStatic || !scope.equals(type) || fieldsInMachine.contains(name)
            ? owner + "." + name : null;
      }
      return scope.equals(type) && fieldsInMachine.contains(name)
          ? generated + ".this." + name : null;
    }

    /** {@code return done(x);} nested in a statement that does not suspend. */
    private void layNestedReturnEdits() {
      for (BodyScan.ReturnUse r : in.scan().returns()) {
        if (r.topLevel()) {
          continue;
        }
        ReturnTree ret = (ReturnTree) r.path().getLeaf();
        MethodInvocationTree done = (MethodInvocationTree) ret.getExpression();
        source.replace(ret, () -> "{ complete(" + doneValue(done) + "); return; }");
      }
    }

    private String doneValue(MethodInvocationTree done) {
      return done.getArguments().isEmpty() ? "null" : source.render(done.getArguments().get(0));
    }

    private boolean isDoneCall(ExpressionTree e) {
      return e instanceof MethodInvocationTree call && in.names().isDone(call);
    }

    // ---- states

    private List<MethodModel.State> buildStates(List<? extends StatementTree> statements) {
      Map<Integer, MethodInvocationTree> awaitAt = new HashMap<>();
      for (BodyScan.AwaitUse a : in.scan().awaits()) {
        awaitAt.put(a.topIndex(), (MethodInvocationTree) a.path().getLeaf());
      }
      List<MethodModel.State> states = new ArrayList<>();
      int number = 0;
      List<String> code = new ArrayList<>();
      String comment = statements.isEmpty() ? fileName : fileName + ":" + source.line(statements.get(0));
      for (int i = 0; i < statements.size(); i++) {
        StatementTree s = statements.get(i);
        MethodInvocationTree await = awaitAt.get(i);
        ExpressionTree suspendOn = null;
        if (await != null) {
          suspendOn = await.getArguments().get(0);
        } else if (s instanceof ReturnTree ret && !isDoneCall(ret.getExpression())) {
          suspendOn = ret.getExpression();
        }
        if (suspendOn == null) {
          addPlain(s, code);
          continue;
        }
        int line = source.line(s);
        code.add("if (suspendOn(" + source.render(suspendOn) + ", " + (number + 1) + ")) {\n"
            + "  return; // " + fileName + ":" + line + " suspends\n}");
        states.add(new MethodModel.State(number, comment, code));
        number++;
        code = new ArrayList<>();
        comment = fileName + ":" + line + ", resumed";
        addResume(s, code);
      }
      states.add(new MethodModel.State(number, comment, code));
      return states;
    }

    private void addPlain(StatementTree s, List<String> code) {
      if (s instanceof ReturnTree ret) {
        code.add("complete(" + doneValue((MethodInvocationTree) ret.getExpression()) + ");");
        code.add("return;");
      } else if (s instanceof VariableTree v && isHoisted(v)) {
        if (v.getInitializer() != null) {
          code.add(fieldOf(v) + " = " + initializer(v) + ";");
        }
      } else {
        code.add(source.renderStatement(s));
      }
    }

    private void addResume(StatementTree s, List<String> code) {
      if (s instanceof ReturnTree) {
        code.add("complete(awaited());");
        code.add("return;");
      } else if (s instanceof VariableTree v) {
        String value = awaitedCall(kindOfLocal(v));
        if (isHoisted(v)) {
          code.add(fieldOf(v) + " = " + value + ";");
        } else {
          String mods = v.getModifiers().getFlags().contains(Modifier.FINAL) ? "final " : "";
          code.add(mods + declaredType(v) + " " + v.getName() + " = " + value + ";");
        }
      } else {
        ExpressionTree e = ((ExpressionStatementTree) s).getExpression();
        if (e instanceof AssignmentTree a) {
          code.add(source.render(a.getVariable()) + " = " + awaitedCall(kindOfTarget(a)) + ";");
        } else {
          code.add("awaited();");
        }
      }
    }

    private boolean isHoisted(VariableTree v) {
      return hoisted.stream().anyMatch(l -> l.tree() == v);
    }

    private String fieldOf(VariableTree v) {
      for (BodyScan.Local l : hoisted) {
        if (l.tree() == v) {
          return fieldNames.get(l);
        }
      }
      throw new IllegalStateException("not hoisted: " + v.getName());
    }

    /** An initializer as an expression: {@code {1, 2}} needs its array type outside a declaration. */
    private String initializer(VariableTree v) {
      ExpressionTree init = v.getInitializer();
      String text = source.render(init);
      if (init instanceof com.sun.source.tree.NewArrayTree array && array.getType() == null) {
        return "new " + TypeName.get(localTypes.of(v.getName().toString())) + " " + text;
      }
      return text;
    }

    private String declaredType(VariableTree v) {
      Tree t = v.getType();
      if (t == null || isVar(v)) {
        TypeMirror type = localTypes.of(v.getName().toString());
        if (type == null || !LocalTypes.isDenotable(type)) {
          throw new ModelException(Diagnostic.at(
              trees.getPath(in.path().getCompilationUnit(), v), Messages.NON_DENOTABLE,
              Messages.nonDenotable(v.getName().toString(), String.valueOf(type))));
        }
        return TypeName.get(type).toString();
      }
      return source.render(t);
    }

    private boolean isVar(VariableTree v) {
      Tree t = v.getType();
      return t == null || (t instanceof IdentifierTree id && id.getName().contentEquals("var")
          && source.end(t) - source.start(t) == 3 && !source.render(t).equals("Var"));
    }

    private TypeKind kindOfLocal(VariableTree v) {
      if (v.getType() instanceof PrimitiveTypeTree p) {
        return p.getPrimitiveTypeKind();
      }
      TypeMirror type = localTypes.of(v.getName().toString());
      return type == null ? TypeKind.DECLARED : type.getKind();
    }

    private TypeKind kindOfTarget(AssignmentTree a) {
      ExpressionTree target = a.getVariable();
      String name = target instanceof IdentifierTree id ? id.getName().toString()
          : ((MemberSelectTree) target).getIdentifier().toString();
      if (target instanceof IdentifierTree id) {
        for (BodyScan.LocalRef ref : in.scan().localRefs()) {
          if (ref.tree() == id) {
            return kindOfLocal(ref.local().tree());
          }
        }
      }
      MemberLookup.Found found = new MemberLookup(elements, type).field(name);
      if (found == null) {
        throw new ModelException(Diagnostic.at(trees.getPath(in.path().getCompilationUnit(), a),
            Messages.AWAIT_POSITION, Messages.assignmentTarget()));
      }
      return found.first().asType().getKind();
    }
  }

  /** The call that reads the awaited value as a {@code kind}, as assignment conversion would. */
  static String awaitedCall(TypeKind kind) {
    return switch (kind) {
      case BOOLEAN -> "awaitedBoolean()";
      case BYTE -> "awaitedByte()";
      case SHORT -> "awaitedShort()";
      case CHAR -> "awaitedChar()";
      case INT -> "awaitedInt()";
      case LONG -> "awaitedLong()";
      case FLOAT -> "awaitedFloat()";
      case DOUBLE -> "awaitedDouble()";
      default -> "awaited()";
    };
  }
}
