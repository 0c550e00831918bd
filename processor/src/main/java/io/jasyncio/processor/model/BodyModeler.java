package io.jasyncio.processor.model;

import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.EnhancedForLoopTree;
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
import io.jasyncio.processor.scan.AsyncioNames;
import io.jasyncio.processor.scan.BodyScan;
import io.jasyncio.processor.scan.GeneratedNames;
import io.jasyncio.processor.scan.JumpsOut;
import io.jasyncio.processor.scan.LocalTypes;
import io.jasyncio.processor.scan.MemberLookup;
import io.jasyncio.processor.scan.MethodKind;
import io.jasyncio.processor.scan.SourceText;
import io.jasyncio.processor.scan.Suspensions;
import io.jasyncio.processor.scan.Templates;
import io.jasyncio.processor.scan.TypeNotYetKnownException;
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
 * so the copied statements mean in the generated class what they meant in the template. A lambda
 * or class of the template that reads such a field, or the template's instance, reads a local
 * copy taken where the template's closure would have captured the value, so it captures what
 * javac would have captured, not the machine.
 */
public final class BodyModeler {
  private static final TypeName CASES = com.palantir.javapoet.ParameterizedTypeName.get(
      com.palantir.javapoet.ClassName.get(java.util.function.ToIntFunction.class),
      com.palantir.javapoet.ClassName.OBJECT);
  private static final TypeName ASYNC_ITERATOR =
      com.palantir.javapoet.ParameterizedTypeName.get(
          com.palantir.javapoet.ClassName.get("io.jasyncio", "AsyncGenerator"),
          com.palantir.javapoet.WildcardTypeName.subtypeOf(Object.class));
  private static final TypeName ITERATOR = com.palantir.javapoet.ParameterizedTypeName.get(
      com.palantir.javapoet.ClassName.get(java.util.Iterator.class),
      com.palantir.javapoet.WildcardTypeName.subtypeOf(Object.class));
  /** What a closure reads of the template's instance ({@code this}, a field, a method). */
  private static final Object SELF = new Object() {
    @Override
    public String toString() {
      return "this";
    }
  };

  /**
   * A lambda, anonymous class body or local class of the template, with where its code is in
   * the source and what it captures of what the machine keeps: {@link BodyScan.Local}s, and
   * {@link #SELF}.
   */
  private record Closure(Tree tree, int start, int end, Set<Object> captured) {}

  private final Trees trees;
  private final javax.lang.model.util.Elements elements;
  private final javax.lang.model.util.Types typeUtils;
  private final Set<String> machineFields;
  private final Set<String> machineMethods;

  /**
   * A modeler for code that will run inside a subclass of {@code machineBase}, whose member names
   * the copied code must not accidentally reach.
   */
  public BodyModeler(Trees trees, javax.lang.model.util.Elements elements,
      javax.lang.model.util.Types typeUtils, Set<String> machineFields,
      Set<String> machineMethods) {
    this.trees = trees;
    this.elements = elements;
    this.typeUtils = typeUtils;
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

  private final class Run implements Lowering.Forms {
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
    /** Locals the lowering's own code uses in other states (try-with-resources resources). */
    private final Set<Tree> forcedHoists =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    /** Pending-exit fields of split try statements with finally blocks, by statement. */
    private final Map<Tree, Lowering.Forms.ExitFields> exits = new java.util.LinkedHashMap<>();
    /** The field a return value waits in while finally blocks run, once one needs it. */
    private String returned;
    /** The dispatch loop's label, chosen once. */
    private String dispatchLabel;
    /** The field a caught exception waits in, once a split try statement needs it. */
    private String caught;
    /** Constant locals used in other states than their own, with those states. */
    private final Map<BodyScan.Local, Set<Integer>> constants = new java.util.LinkedHashMap<>();
    /** The iterator fields of split enhanced for loops, by loop. */
    private final Map<Tree, String> iterators = new java.util.LinkedHashMap<>();
    /** The body's text, for choosing names it does not use. */
    private String bodyText;
    /** Names {@link #uniqueName} has given out. */
    private final Set<String> given = new HashSet<>();
    /** Whether each try-with-resources resource is an AsyncCloseable, once asked. */
    private final Map<Tree, Boolean> closesAsync = new java.util.IdentityHashMap<>();
    /** The generator fields of split {@code for (T v : aiter(gen))} loops, by loop. */
    private final Map<Tree, String> asyncIterators = new java.util.LinkedHashMap<>();
    /** What the method returns: a coroutine, a generator or an async generator. */
    private final MethodKind kind;
    /** Whether its returns are plain ({@code return null;}), not done(...) or tail awaits. */
    private final boolean generator;
    /** Names of locals the lowering declares (a switch selector's awaitable), by owner. */
    private final Map<Tree, String> freshNames = new java.util.IdentityHashMap<>();
    /** The field keeping the case chooser of a switch whose selector awaits, once needed. */
    private String cases;
    /** Locals that stay locals but are renamed, by declaration. */
    private final Map<Tree, String> localNames = new java.util.IdentityHashMap<>();
    private final Set<BodyScan.Local> hoisted = new LinkedHashSet<>();
    private final NameAllocator names = new NameAllocator();
    /** The types of the hoisted locals' fields. */
    private final Map<BodyScan.Local, TypeName> fieldTypes = new HashMap<>();
    /** The template's lambdas and classes that read what the machine keeps in fields. */
    private final List<Closure> closures = new ArrayList<>();
    /** The copies each closure reads instead of fields, by what they copy (see Closure). */
    private final Map<Tree, Map<Object, String>> copies = new java.util.IdentityHashMap<>();
    /** The code units whose closures were given copies, once at least. */
    private final Set<Tree> copiedUnits =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    Run(Input in) {
      this.in = in;
      this.method = in.method();
      this.type = (TypeElement) method.getEnclosingElement();
      this.tree = (MethodTree) in.path().getLeaf();
      this.source = new SourceText(in.path().getCompilationUnit(), trees.getSourcePositions());
      this.localTypes = new LocalTypes(trees, in.path());
      this.isStatic = method.getModifiers().contains(Modifier.STATIC);
      this.kind = MethodKind.of(method);
      this.generator = kind != MethodKind.COROUTINE;
      this.generated = GeneratedNames.generatedClass(type);
      String file = in.path().getCompilationUnit().getSourceFile().getName();
      this.fileName = file.substring(file.lastIndexOf('/') + 1);
      for (String reserved : machineFields) {
        names.newName(reserved, "reserved:" + reserved);
      }
    }

    MethodModel model() {
      Set<Tree> suspending = suspendingStatements();
      Lowering plan = new Lowering(this, suspending, false, false);
      plan.lower(tree.getBody());
      findHoisted(plan.fragments());
      List<MethodModel.Field> parameters = parameterFields();
      if (!plan.handlers().isEmpty()) {
        caughtField();
      }
      List<MethodModel.Field> hoistedFields = hoistedFields();
      renameClashingLocals(plan.fragments());
      findClosures();
      layNameEdits();
      boolean routesExceptions = !plan.handlers().isEmpty();
      Lowering lowering = new Lowering(this, suspending, true, routesExceptions);
      List<MethodModel.State> states = lowering.lower(tree.getBody());

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
          lowering.splitAny() || !constants.isEmpty(), suppressedWarnings(),
          method.getAnnotation(SafeVarargs.class) != null,
          method.getAnnotation(Deprecated.class) != null, lowering.handlers(),
          routesExceptions ? caughtField() : null, dispatchLabel(),
          fileName + ":" + source.line(tree), kind,
          elements.getBinaryName(type).toString(), fileName, fieldName("ORIGIN", "origin"));
    }

    /**
     * What the template suppresses, on the method, its enclosing classes and its locals: the
     * machine runs the same statements, so it suppresses the same warnings.
     */
    private List<String> suppressedWarnings() {
      Set<String> out = new java.util.TreeSet<>();
      for (Element e = method; e != null; e = e.getEnclosingElement()) {
        SuppressWarnings s = e.getAnnotation(SuppressWarnings.class);
        if (s != null) {
          out.addAll(List.of(s.value()));
        }
      }
      for (BodyScan.Local local : in.scan().locals()) {
        for (com.sun.source.tree.AnnotationTree a : local.tree().getModifiers().getAnnotations()) {
          String name = a.getAnnotationType().toString();
          if (name.equals("SuppressWarnings") || name.equals("java.lang.SuppressWarnings")) {
            new com.sun.source.util.TreeScanner<Void, Void>() {
              @Override
              public Void visitLiteral(com.sun.source.tree.LiteralTree l, Void p) {
                if (l.getValue() instanceof String value) {
                  out.add(value);
                }
                return null;
              }
            }.scan(a.getArguments(), null);
          }
        }
      }
      out.remove("fallthrough"); // the machine suppresses it anyway
      return List.copyOf(out);
    }

    // ---- liveness

    /** Every statement that contains a suspension (an await, or return other;), and the body. */
    private Set<Tree> suspendingStatements() {
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
          if (t.getResources().stream().anyMatch(BodyModeler.Run.this::closesAsync)
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

    private void addAncestors(TreePath path, Set<Tree> out) {
      for (TreePath p = path; p != null && p.getLeaf() != tree; p = p.getParentPath()) {
        if (p.getLeaf() instanceof StatementTree) {
          out.add(p.getLeaf());
        }
      }
    }

    /** The state of the innermost recorded piece of code around {@code t}. */
    private int stateOf(Tree t, Map<Tree, Integer> fragments) {
      int start = source.start(t);
      int end = source.end(t);
      int best = -1;
      int bestLength = Integer.MAX_VALUE;
      for (Map.Entry<Tree, Integer> f : fragments.entrySet()) {
        int fs = source.start(f.getKey());
        int fe = source.end(f.getKey());
        if (fs <= start && end <= fe && fe - fs < bestLength) {
          best = f.getValue();
          bestLength = fe - fs;
        }
      }
      return best;
    }

    /** A final local of a primitive type or String whose initializer is made of literals. */
    private boolean isConstant(VariableTree v) {
      if (!v.getModifiers().getFlags().contains(Modifier.FINAL) || v.getInitializer() == null
          || v.getType() == null) {
        return false;
      }
      String type = source.render(v.getType());
      boolean constantType = v.getType() instanceof PrimitiveTypeTree
          || type.equals("String") || type.equals("java.lang.String");
      return constantType && literalsOnly(v.getInitializer());
    }

    private static boolean literalsOnly(Tree t) {
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

    @Override
    public List<String> constantsFor(int state) {
      List<String> out = new ArrayList<>();
      for (Map.Entry<BodyScan.Local, Set<Integer>> c : constants.entrySet()) {
        if (c.getValue().contains(state)) {
          VariableTree v = c.getKey().tree();
          out.add("final " + source.render(v.getType()) + " " + v.getName() + " = "
              + source.render(v.getInitializer()) + ";");
        }
      }
      return out;
    }

    /** A local is hoisted when some reference to it runs in another state than its declaration. */
    private void findHoisted(Map<Tree, Integer> fragments) {
      Map<BodyScan.Local, Integer> declared = new HashMap<>();
      for (BodyScan.Local local : in.scan().locals()) {
        if (forcedHoists.contains(local.tree())) {
          hoisted.add(local);
        }
      }
      for (BodyScan.LocalClassRef ref : in.scan().localClassRefs()) {
        if (stateOf(ref.path().getLeaf(), fragments)
            != stateOf(ref.declaration().tree(), fragments)) {
          throw new ModelException(Diagnostic.at(ref.path(), Messages.LOCAL_CLASS_ACROSS_AWAIT,
              Messages.localClassAcrossAwait(ref.declaration().name(),
                  type.getSimpleName().toString())));
        }
      }
      for (BodyScan.LocalRef ref : in.scan().localRefs()) {
        BodyScan.Local local = ref.local();
        if (local.parameter() || hoisted.contains(local)) {
          continue;
        }
        int declState = declared.computeIfAbsent(local, l -> stateOf(l.tree(), fragments));
        int refState = stateOf(ref.tree(), fragments);
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
    private void renameClashingLocals(Map<Tree, Integer> fragments) {
      // A local named like a field of the machine (state) would capture the jumps the lowering
      // writes into its scope ("state = 3; continue dispatch;"): every such local is renamed.
      for (BodyScan.Local local : in.scan().locals()) {
        if (!local.parameter() && !hoisted.contains(local)
            && machineFields.contains(local.name())) {
          String fresh = local.name();
          for (int n = 2; declaredAnywhere(fresh) || machineFields.contains(fresh); n++) {
            fresh = local.name() + n;
          }
          fresh = names.newName(fresh, local);
          localNames.put(local.tree(), fresh);
          fieldNames.put(local, fresh);
          if (!fragments.containsKey(local.tree())) {
            source.replaceName(local.tree(), fresh); // written as part of a copied statement
          }
        }
      }
      Map<Integer, Set<String>> namesByState = new HashMap<>();
      for (BodyScan.Local local : in.scan().locals()) {
        if (localNames.containsKey(local.tree())) {
          continue;
        }
        if (local.parameter() || hoisted.contains(local)
            || !fragments.containsKey(local.tree())) {
          continue; // declared inside a copied statement: its own braces scope it
        }
        Set<String> taken = namesByState.computeIfAbsent(fragments.get(local.tree()),
            k -> new HashSet<>(fieldNames.values()));
        String name = local.name();
        if (!taken.add(name)) {
          String fresh = name;
          for (int n = 2; taken.contains(fresh) || declaredAnywhere(fresh); n++) {
            fresh = name + n;
          }
          fresh = names.newName(fresh, local);
          taken.add(fresh);
          localNames.put(local.tree(), fresh);
          fieldNames.put(local, fresh);
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
        Set<String> caseLocals = namesByState.get(stateOf(local.tree(), fragments));
        if (caseLocals != null && caseLocals.contains(local.name())) {
          String fresh = local.name();
          for (int n = 2; caseLocals.contains(fresh) || declaredAnywhere(fresh); n++) {
            fresh = local.name() + n;
          }
          fresh = names.newName(fresh, local);
          localNames.put(local.tree(), fresh);
          fieldNames.put(local, fresh);
          source.replaceName(local.tree(), fresh);
        }
      }
    }

    private boolean declaredAnywhere(String name) {
      return in.scan().locals().stream().anyMatch(l -> l.name().equals(name))
          || fieldNames.containsValue(name);
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
      List<BodyScan.Local> inSourceOrder = new ArrayList<>(hoisted);
      inSourceOrder.sort(java.util.Comparator.comparingInt(l -> source.start(l.tree())));
      if (caught != null) {
        out.add(new MethodModel.Field(caught, caught, TypeName.get(Throwable.class), false,
            "An exception on its way to the catch clause that handles it."));
      }
      for (Map.Entry<Tree, Lowering.Forms.ExitFields> e : exits.entrySet()) {
        String where = fileName + ":" + source.line(e.getKey());
        Lowering.Forms.ExitFields f = e.getValue();
        out.add(new MethodModel.Field(f.kind(), f.kind(), TypeName.INT, false,
            "How the try block at " + where + " was left (EXIT_NORMAL, EXIT_THROW,"
                + " EXIT_RETURN or EXIT_JUMP); its finally block then goes on that way."));
        out.add(new MethodModel.Field(f.thrown(), f.thrown(), TypeName.get(Throwable.class),
            false, "The exception that left the try block at " + where + "."));
        out.add(new MethodModel.Field(f.target(), f.target(), TypeName.INT, false,
            "The state a jump out of the try block at " + where + " goes to."));
      }
      if (returned != null) {
        DeclaredType rt = (DeclaredType) method.getReturnType();
        out.add(new MethodModel.Field(returned, returned,
            kind == MethodKind.GENERATOR ? TypeName.get(rt)
                : kind == MethodKind.ASYNC_GENERATOR ? com.palantir.javapoet.ClassName.OBJECT
                : TypeName.get(rt.getTypeArguments().get(0)), false,
            "A return value waiting while finally blocks run."));
      }
      if (cases != null) {
        out.add(new MethodModel.Field(cases, cases, CASES, false,
            "Chooses the case of a switch whose selector awaits, once the value is there."));
      }
      for (Map.Entry<Tree, String> it : asyncIterators.entrySet()) {
        out.add(new MethodModel.Field(it.getValue(), it.getValue(), ASYNC_ITERATOR, false,
            "The async generator the for loop at " + fileName + ":"
                + source.line(it.getKey()) + " awaits."));
      }
      for (Map.Entry<Tree, String> it : iterators.entrySet()) {
        out.add(new MethodModel.Field(it.getValue(), it.getValue(), ITERATOR, false,
            "Where the for loop at " + fileName + ":" + source.line(it.getKey())
                + " is in its elements."));
      }
      for (BodyScan.Local local : inSourceOrder) {
        TypeMirror type = local.topLevel() ? localTypes.of(local.name()) : typeAtUse(local);
        if (type == null) {
          type = typeInScopeAfter(local);
        }
        TreePath at = trees.getPath(in.path().getCompilationUnit(), local.tree());
        if (type != null && LocalTypes.mentionsError(type)) {
          throw new TypeNotYetKnownException(at, local.name());
        }
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
        fieldTypes.put(local, TypeName.get(type));
        out.add(new MethodModel.Field(field, local.name(), TypeName.get(type), false,
            "Live across " + (kind == MethodKind.GENERATOR ? "a yield" : "an await")
                + "; declared at " + fileName
                + ":" + source.line(local.tree())
                + "."));
      }
      return out;
    }

    /**
     * The type of a local no use of which tells it (a resource the body never names): read from
     * the scope of the statement it guards.
     */
    private TypeMirror typeInScopeAfter(BodyScan.Local local) {
      TreePath decl = trees.getPath(in.path().getCompilationUnit(), local.tree());
      if (decl == null || !(decl.getParentPath().getLeaf() instanceof com.sun.source.tree.TryTree t)
          || t.getBlock().getStatements().isEmpty()) {
        return null;
      }
      TreePath first = new TreePath(new TreePath(decl.getParentPath(), t.getBlock()),
          t.getBlock().getStatements().get(0));
      try {
        for (com.sun.source.tree.Scope sc = trees.getScope(first); sc != null
            && sc.getEnclosingMethod() != null; sc = sc.getEnclosingScope()) {
          for (Element e : sc.getLocalElements()) {
            if (e.getSimpleName().contentEquals(local.name())) {
              return e.asType();
            }
          }
        }
      } catch (RuntimeException javacCannotAttribute) {
        return null;
      }
      return null;
    }

    /** The type of a local declared in a nested block, read from the scope at one of its uses. */
    private TypeMirror typeAtUse(BodyScan.Local local) {
      for (BodyScan.LocalRef ref : in.scan().localRefs()) {
        if (ref.local() != local) {
          continue;
        }
        try {
          TreePath at = trees.getPath(in.path().getCompilationUnit(), ref.tree());
          for (com.sun.source.tree.Scope sc = trees.getScope(at); sc != null
              && sc.getEnclosingMethod() != null; sc = sc.getEnclosingScope()) {
            for (Element e : sc.getLocalElements()) {
              javax.lang.model.element.ElementKind k = e.getKind();
              if (e.getSimpleName().contentEquals(local.name())
                  && (k == javax.lang.model.element.ElementKind.LOCAL_VARIABLE
                      || k == javax.lang.model.element.ElementKind.EXCEPTION_PARAMETER
                      || k == javax.lang.model.element.ElementKind.RESOURCE_VARIABLE)) {
                return e.asType() instanceof javax.lang.model.type.UnionType union
                    ? commonSuperclass(union.getAlternatives()) : e.asType();
              }
            }
          }
        } catch (RuntimeException javacCannotAttribute) {
          return null;
        }
      }
      return null;
    }

    // ---- names

    private void layNameEdits() {
      Set<String> fieldsInMachine = new HashSet<>(machineFields);
      fieldsInMachine.addAll(fieldNames.values());
      bodyText(); // read before the copies' edits, which render only once the copies are chosen
      for (BodyScan.LocalRef ref : in.scan().localRefs()) {
        Closure closure = closureAround(ref.tree());
        if (closure != null && closure.captured().contains(ref.local())) {
          source.replace(ref.tree(), () -> copyName(closure, ref.local()));
          continue;
        }
        String field = fieldNames.get(ref.local());
        if (field != null && !field.equals(ref.local().name())) {
          source.replace(ref.tree(), field);
        }
      }
      for (BodyScan.MemberRef ref : in.scan().memberRefs()) {
        Closure closure = closureAround(ref.path().getLeaf());
        if (closure != null && readsInstance(ref)) {
          String name = ref.found().first().getSimpleName().toString();
          source.replace(ref.path().getLeaf(), () -> copyName(closure, SELF) + "." + name);
          continue;
        }
        String qualified = qualify(ref, fieldsInMachine);
        if (qualified != null) {
          source.replace(ref.path().getLeaf(), qualified);
        }
      }
      for (BodyScan.Unresolved name : in.scan().unresolved()) {
        boolean clashes = name.method() ? machineMethods.contains(name.name())
            : machineFields.contains(name.name()) || fieldNames.containsValue(name.name());
        String owner = clashes ? staticImportOwner(name.name()) : null;
        if (owner != null) {
          source.replace(name.path().getLeaf(), owner + "." + name.name());
        }
      }
      String pkg = GeneratedNames.packageOf(type);
      for (BodyScan.TemplateCall call : in.scan().templateCalls()) {
        source.replace(call.qualifier(), Templates.generatedName(call.template(), pkg));
      }
      for (BodyScan.SelfRef self : in.scan().selfRefs()) {
        Closure closure = closureAround(self.path().getLeaf());
        if (!self.isSuper() && closure != null) {
          source.replace(self.path().getLeaf(), () -> copyName(closure, SELF));
        } else if (!self.isSuper()) {
          source.replace(self.path().getLeaf(), generated + ".this");
        }
      }
    }

    // ---- what lambdas and classes capture

    /**
     * The template's lambdas, anonymous and local classes (those not inside another one) that
     * read a parameter or hoisted local, or the template's instance: in the machine, each name
     * would read a field of the machine, so the closure would capture the machine itself, and
     * read the field when it runs rather than the value the variable had when it was created.
     */
    private void findClosures() {
      new com.sun.source.util.TreeScanner<Void, Void>() {
        @Override
        public Void visitLambdaExpression(com.sun.source.tree.LambdaExpressionTree l, Void p) {
          add(l, source.start(l), source.end(l));
          return null;
        }

        @Override
        public Void visitNewClass(com.sun.source.tree.NewClassTree n, Void p) {
          scan(n.getEnclosingExpression(), p);
          scan(n.getArguments(), p);
          if (n.getClassBody() != null) {
            // The body only: the arguments are evaluated where the class is created.
            int from = n.getArguments().isEmpty() ? source.end(n.getIdentifier())
                : source.end(n.getArguments().get(n.getArguments().size() - 1));
            add(n, from, source.end(n));
          }
          return null;
        }

        @Override
        public Void visitClass(com.sun.source.tree.ClassTree c, Void p) {
          add(c, source.start(c), source.end(c)); // a local class
          return null;
        }

        private void add(Tree t, int from, int to) {
          Set<Object> captured = new LinkedHashSet<>();
          for (BodyScan.LocalRef ref : in.scan().localRefs()) {
            int at = source.start(ref.tree());
            if (at >= from && at < to && isField(ref.local())) {
              captured.add(ref.local());
            }
          }
          if (!isStatic) {
            for (BodyScan.SelfRef self : in.scan().selfRefs()) {
              int at = source.start(self.path().getLeaf());
              if (at >= from && at < to && !self.isSuper()) {
                captured.add(SELF);
              }
            }
            for (BodyScan.MemberRef ref : in.scan().memberRefs()) {
              int at = source.start(ref.path().getLeaf());
              if (at >= from && at < to && readsInstance(ref)) {
                captured.add(SELF);
              }
            }
          }
          if (!captured.isEmpty()) {
            closures.add(new Closure(t, from, to, captured));
          }
        }
      }.scan(tree.getBody(), null);
    }

    /** Whether the machine keeps {@code local} in a field: a parameter, or a hoisted local. */
    private boolean isField(BodyScan.Local local) {
      return local.parameter() || hoisted.contains(local);
    }

    /**
     * Whether {@code ref} names an instance member of the template by its simple name, which in
     * the machine reaches the template's instance through the machine.
     */
    private boolean readsInstance(BodyScan.MemberRef ref) {
      return !isStatic && !ref.caseLabel() && ref.found().scope().equals(type)
          && ref.found().members().stream()
              .noneMatch(m -> m.getModifiers().contains(Modifier.STATIC));
    }

    /** The closure whose captured names include the one at {@code t}, or null. */
    private Closure closureAround(Tree t) {
      int at = source.start(t);
      for (Closure c : closures) {
        if (at >= c.start() && at < c.end()) {
          return c;
        }
      }
      return null;
    }

    /** The copy of {@code what} that {@code closure} reads, chosen where its code is emitted. */
    private String copyName(Closure closure, Object what) {
      Map<Object, String> chosen = copies.get(closure.tree());
      String name = chosen == null ? null : chosen.get(what);
      if (name == null) {
        throw new IllegalStateException("no copy of " + what + " for the closure at "
            + fileName + ":" + source.line(closure.tree()));
      }
      return name;
    }

    @Override
    public List<String> copiesBefore(Tree unit, boolean chain) {
      int from = source.start(unit);
      int to = source.end(unit);
      boolean again = !copiedUnits.add(unit);
      // Closures that take their copies in one place share them.
      Map<Tree, Map<Object, String>> byAnchor = new java.util.IdentityHashMap<>();
      List<Tree> anchors = new ArrayList<>();
      for (Closure c : closures) {
        if (c.start() < from || c.end() > to) {
          continue;
        }
        Tree anchor = anchorOf(c, unit);
        Map<Object, String> shared = byAnchor.computeIfAbsent(anchor, a -> {
          anchors.add(a);
          return new java.util.LinkedHashMap<>();
        });
        Map<Object, String> mine = new HashMap<>();
        for (Object what : c.captured()) {
          mine.put(what, shared.computeIfAbsent(what, w -> copyNameFor(w)));
        }
        copies.put(c.tree(), mine);
      }
      List<String> lines = new ArrayList<>();
      for (Tree anchor : anchors) {
        List<String> declarations = new ArrayList<>();
        boolean onlyBefore = anchor == unit && (chain || again);
        byAnchor.get(anchor).forEach((what, name) ->
            declarations.add(copyDeclaration(what, name, anchor, onlyBefore)));
        if (anchor == unit) {
          lines.addAll(declarations);
        } else if (placement(trees.getPath(in.path().getCompilationUnit(), anchor))
            == Placement.BEFORE) {
          String indent = source.startsLine(anchor)
              ? "\n" + " ".repeat(source.column(anchor)) : " ";
          source.wrap(anchor, String.join(indent, declarations) + indent, "");
        } else {
          source.wrap(anchor, "{ " + String.join(" ", declarations) + " ", " }");
        }
      }
      return lines;
    }

    /**
     * Where {@code closure}, inside {@code unit}, takes its copies: before the unit, unless the
     * unit assigns a variable the closure reads (int y; ... f(y = 1, () -> y)), where the copy
     * would come too early: then before the outermost statement inside the unit, on the way to
     * the closure, that does not. Failing that, before the innermost one, whose assignments
     * then write the copy too ({@link #copyDeclaration}).
     */
    private Tree anchorOf(Closure closure, Tree unit) {
      List<Tree> candidates = new ArrayList<>();
      TreePath p = trees.getPath(in.path().getCompilationUnit(), closure.tree());
      for (; p != null && p.getLeaf() != unit; p = p.getParentPath()) {
        if (p.getParentPath() != null && placement(p) != null) {
          candidates.add(0, p.getLeaf());
        }
      }
      if (p == null) {
        throw new IllegalStateException("closure at " + fileName + ":"
            + source.line(closure.tree()) + " is not inside its code unit");
      }
      if (!assignsAny(unit, closure.captured())) {
        return unit;
      }
      for (Tree s : candidates) {
        if (!assignsAny(s, closure.captured())) {
          return s;
        }
      }
      return candidates.isEmpty() ? unit : candidates.get(candidates.size() - 1);
    }

    /** Where copies can be declared before a statement inside a unit, if anywhere. */
    private enum Placement { BEFORE, IN_BRACES }

    private Placement placement(TreePath path) {
      Tree s = path.getLeaf();
      Tree parent = path.getParentPath().getLeaf();
      if (!(s instanceof StatementTree)) {
        return null;
      }
      if (parent instanceof com.sun.source.tree.BlockTree) {
        return Placement.BEFORE;
      }
      if (parent instanceof com.sun.source.tree.CaseTree c && c.getStatements() != null
          && c.getStatements().stream().anyMatch(x -> x == s)) {
        return Placement.BEFORE;
      }
      if (s instanceof com.sun.source.tree.BlockTree) {
        return null; // its statements take them
      }
      boolean body = parent instanceof com.sun.source.tree.CaseTree c ? c.getBody() == s
          : parent instanceof com.sun.source.tree.IfTree i
              ? i.getThenStatement() == s || i.getElseStatement() == s
          : parent instanceof com.sun.source.tree.WhileLoopTree w ? w.getStatement() == s
          : parent instanceof com.sun.source.tree.DoWhileLoopTree d ? d.getStatement() == s
          : parent instanceof com.sun.source.tree.ForLoopTree f ? f.getStatement() == s
          : parent instanceof EnhancedForLoopTree e && e.getStatement() == s;
      return body ? Placement.IN_BRACES : null;
    }

    /** Whether code in {@code t} declares or assigns a local among {@code captured}. */
    private boolean assignsAny(Tree t, Set<Object> captured) {
      return declaresAny(t, captured) || !assignmentsIn(t, captured).isEmpty();
    }

    /**
     * Whether {@code t} declares a local among {@code captured} (in a block of a switch
     * expression): a copy must come after that.
     */
    private boolean declaresAny(Tree t, Set<Object> captured) {
      int from = source.start(t);
      int to = source.end(t);
      return in.scan().locals().stream().anyMatch(local -> captured.contains(local)
          && source.start(local.tree()) >= from && source.start(local.tree()) < to);
    }

    /** The names of the locals among {@code captured} that assignments in {@code t} assign. */
    private List<IdentifierTree> assignmentsIn(Tree t, Set<Object> captured) {
      List<IdentifierTree> out = new ArrayList<>();
      new com.sun.source.util.TreeScanner<Void, Void>() {
        @Override
        public Void visitAssignment(AssignmentTree a, Void p) {
          if (a.getVariable() instanceof IdentifierTree id) {
            for (BodyScan.LocalRef ref : in.scan().localRefs()) {
              if (ref.tree() == id && captured.contains(ref.local())) {
                out.add(id);
              }
            }
          }
          return super.visitAssignment(a, p);
        }
      }.scan(t, null);
      return out;
    }

    /**
     * {@code var name = field;}, the copy of what the machine keeps in a field; or, when code
     * in {@code anchor} assigns that local, {@code T name;} and each such assignment
     * {@code y = e} made {@code y = name = e}, so the copy gets the value where the local does,
     * as definitely assigned and effectively final as the local was in the template.
     */
    private String copyDeclaration(Object what, String name, Tree anchor, boolean onlyBefore) {
      if (what == SELF) {
        return "var " + name + " = " + generated + ".this;";
      }
      BodyScan.Local local = (BodyScan.Local) what;
      List<IdentifierTree> assignments = assignmentsIn(anchor, Set.of(local));
      if (assignments.isEmpty() && !declaresAny(anchor, Set.of(local))) {
        return "var " + name + " = " + fieldNames.get(local) + ";";
      }
      if (declaresAny(anchor, Set.of(local))) {
        // The closure would stand in the statement that declares the local, after it: only a
        // for loop's header can hold both, and there the local is never a field.
        throw new IllegalStateException(local.name() + " declared next to a closure reading it");
      }
      if (onlyBefore) {
        // The unit is an expression split into continuations (or written more than once): an
        // assignment in it may run inside a continuation, which cannot assign a copy.
        throw new ModelException(Diagnostic.at(
            trees.getPath(in.path().getCompilationUnit(), assignments.get(0)),
            Messages.AWAIT_POSITION, Messages.capturedAndAssigned(local.name())));
      }
      for (IdentifierTree id : assignments) {
        source.wrap(id, "", " = " + name);
      }
      return fieldTypes.get(local) + " " + name + ";";
    }

    /**
     * A name for a copy of {@code what}: the local's name and a number, used by no code of the
     * method and hidden by no field of a class declared in it.
     */
    private String copyNameFor(Object what) {
      String base = what == SELF ? "self" : ((BodyScan.Local) what).name();
      for (int n = 1; ; n++) {
        String fresh = base + n;
        if (!taken(fresh) && !in.scan().classFieldNames().contains(fresh)) {
          given.add(fresh);
          return fresh;
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

    /**
     * The class a static import brings {@code name} from, or null. A static import is hidden by
     * the machine's own members, so a name that clashes with one is qualified with its class.
     */
    private String staticImportOwner(String name) {
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

    @Override
    public String doneValue(MethodInvocationTree done) {
      return done.getArguments().isEmpty() ? "null" : source.render(done.getArguments().get(0));
    }

    @Override
    public String returnValue(ReturnTree r) {
      return generator ? source.render(r.getExpression())
          : doneValue((MethodInvocationTree) r.getExpression());
    }

    @Override
    public boolean isYield(MethodInvocationTree call) {
      return in.names().isYield(call);
    }

    @Override
    public boolean isAiter(MethodInvocationTree call) {
      return in.names().isAiter(call);
    }

    @Override
    public String finishText(String value) {
      return kind == MethodKind.ASYNC_GENERATOR ? "finish();" : "complete(" + value + ");";
    }

    @Override
    public boolean closesAsync(Tree resource) {
      return closesAsync.computeIfAbsent(resource, r -> {
        TypeElement closeable = elements.getTypeElement("io.jasyncio.AsyncCloseable");
        TypeMirror type = closeable == null ? null : resourceType(r);
        return type != null && type.getKind() == javax.lang.model.type.TypeKind.DECLARED
            && typeUtils.isAssignable(typeUtils.erasure(type),
                typeUtils.erasure(closeable.asType()));
      });
    }

    /** The type of a resource: a declared one, or a local or field named in try (r). */
    private TypeMirror resourceType(Tree resource) {
      BodyScan.Local local = null;
      for (BodyScan.Local l : in.scan().locals()) {
        if (l.tree() == resource) {
          local = l;
        }
      }
      if (resource instanceof IdentifierTree id) {
        for (BodyScan.LocalRef ref : in.scan().localRefs()) {
          if (ref.tree() == id) {
            local = ref.local();
          }
        }
        if (local == null) {
          MemberLookup.Found found = new MemberLookup(elements, type).field(id.getName().toString());
          return found == null ? null : found.first().asType();
        }
      }
      if (local == null) {
        return null;
      }
      TypeMirror t = local.topLevel() ? localTypes.of(local.name()) : typeAtUse(local);
      return t != null ? t : typeInScopeAfter(local);
    }

    @Override
    public String asyncIteratorField(EnhancedForLoopTree loop) {
      return asyncIterators.computeIfAbsent(loop, l -> fieldName(
          loop.getVariable().getName().toString() + "Source", loop));
    }

    @Override
    public boolean isDoneCall(ExpressionTree e) {
      return e instanceof MethodInvocationTree call && in.names().isDone(call);
    }

    // ---- what the lowering asks

    @Override
    public String render(Tree t) {
      return source.render(t);
    }

    @Override
    public String renderStatement(Tree t) {
      return source.renderStatement(t);
    }

    @Override
    public int line(Tree t) {
      return source.line(t);
    }

    @Override
    public String fileName() {
      return fileName;
    }

    @Override
    public String fieldOf(VariableTree v) {
      for (BodyScan.Local l : hoisted) {
        if (l.tree() == v) {
          return fieldNames.get(l);
        }
      }
      return null;
    }

    @Override
    public String localName(VariableTree v) {
      return localNames.getOrDefault(v, v.getName().toString());
    }

    @Override
    public Lowering.Forms.ExitFields exitFields(Tree t) {
      return exits.computeIfAbsent(t, k -> {
        int n = exits.size() + 1;
        return new Lowering.Forms.ExitFields(fieldName("exit" + n, "exit" + n),
            fieldName("exitThrown" + n, "exitThrown" + n),
            fieldName("exitTarget" + n, "exitTarget" + n));
      });
    }

    @Override
    public void mustHoist(VariableTree v) {
      forcedHoists.add(v);
    }

    @Override
    public String returnedField() {
      if (returned == null) {
        returned = fieldName("returned", "returned");
      }
      return returned;
    }

    @Override
    public String dispatchLabel() {
      if (dispatchLabel == null) {
        Set<String> labels = new HashSet<>();
        new com.sun.source.util.TreeScanner<Void, Void>() {
          @Override
          public Void visitLabeledStatement(com.sun.source.tree.LabeledStatementTree l, Void p) {
            labels.add(l.getLabel().toString());
            return super.visitLabeledStatement(l, p);
          }
        }.scan(tree.getBody(), null);
        dispatchLabel = "dispatch";
        for (int n = 2; labels.contains(dispatchLabel); n++) {
          dispatchLabel = "dispatch" + n;
        }
      }
      return dispatchLabel;
    }

    @Override
    public String caughtField() {
      if (caught == null) {
        caught = fieldName("caught", "caught");
      }
      return caught;
    }

    @Override
    public String catchType(com.sun.source.tree.CatchTree c) {
      Tree type = c.getParameter().getType();
      if (!(type instanceof com.sun.source.tree.UnionTypeTree union)) {
        return source.render(type);
      }
      // A multi-catch parameter has the alternatives' closest common superclass.
      List<TypeMirror> alternatives = new ArrayList<>();
      for (Tree alternative : union.getTypeAlternatives()) {
        TypeElement e = resolveCaught(alternative);
        if (e == null) {
          return "Throwable";
        }
        alternatives.add(e.asType());
      }
      return TypeName.get(commonSuperclass(alternatives)).toString();
    }

    /** The closest class all of {@code alternatives} extend (a multi-catch's declared type). */
    private TypeMirror commonSuperclass(List<? extends TypeMirror> alternatives) {
      javax.lang.model.util.Types types = typeUtils;
      for (TypeMirror candidate = alternatives.get(0); candidate.getKind() == TypeKind.DECLARED;
          candidate = ((TypeElement) types.asElement(candidate)).getSuperclass()) {
        TypeMirror c2 = candidate;
        if (alternatives.stream().allMatch(a -> types.isSubtype(a, c2))) {
          return candidate;
        }
      }
      return elements.getTypeElement("java.lang.Throwable").asType();
    }

    private TypeElement resolveCaught(Tree typeTree) {
      String name = typeTree.toString();
      TypeElement direct = elements.getTypeElement(name);
      if (direct != null) {
        return direct;
      }
      for (com.sun.source.tree.ImportTree imp : in.path().getCompilationUnit().getImports()) {
        String imported = imp.getQualifiedIdentifier().toString();
        if (!imp.isStatic() && imported.endsWith("." + name)) {
          return elements.getTypeElement(imported);
        }
        if (!imp.isStatic() && imported.endsWith(".*")) {
          TypeElement t = elements.getTypeElement(imported.substring(0, imported.length() - 1)
              + name);
          if (t != null) {
            return t;
          }
        }
      }
      String pkg = GeneratedNames.packageOf(type);
      TypeElement inPackage = elements.getTypeElement(pkg.isEmpty() ? name : pkg + "." + name);
      return inPackage != null ? inPackage : elements.getTypeElement("java.lang." + name);
    }

    @Override
    public String iteratorField(EnhancedForLoopTree loop) {
      return iterators.computeIfAbsent(loop, l -> {
        ExpressionTree e = loop.getExpression();
        String base = e instanceof IdentifierTree id ? id.getName().toString()
            : loop.getVariable().getName().toString();
        return fieldName(base + "Iterator", loop);
      });
    }

    @Override
    public MethodInvocationTree awaitIn(Tree formOrCondition) {
      for (BodyScan.AwaitUse a : in.scan().awaits()) {
        TreePath statement = Suspensions.suspendingStatement(a.path(), in.names());
        if (statement != null && statement.getLeaf() == formOrCondition) {
          return (MethodInvocationTree) a.path().getLeaf();
        }
      }
      return null;
    }

    @Override
    public boolean suspendsIn(Tree t) {
      for (BodyScan.AwaitUse a : in.scan().awaits()) {
        for (TreePath p = a.path(); p != null; p = p.getParentPath()) {
          if (p.getLeaf() == t) {
            return true;
          }
        }
      }
      return false;
    }

    @Override
    public void mustHoistTarget(AssignmentTree a) {
      VariableTree local = localOfTarget(a);
      if (local != null
          && in.scan().locals().stream().noneMatch(l -> l.parameter() && l.tree() == local)) {
        mustHoist(local); // parameters are fields already
      }
    }

    /** The declaration of the local {@code a} assigns, or null for a field. */
    private VariableTree localOfTarget(AssignmentTree a) {
      if (a.getVariable() instanceof IdentifierTree id) {
        for (BodyScan.LocalRef ref : in.scan().localRefs()) {
          if (ref.tree() == id) {
            return ref.local().tree();
          }
        }
      }
      return null;
    }

    @Override
    public String casesField() {
      if (cases == null) {
        cases = fieldName("cases", "cases");
      }
      return cases;
    }

    @Override
    public String freshName(String base, Tree owner) {
      return freshNames.computeIfAbsent(owner, o -> fieldName(base, o));
    }

    @Override
    public boolean awaitsInExpression(Tree owner) {
      for (BodyScan.AwaitUse a : in.scan().awaits()) {
        if (a.kind() == BodyScan.Suspension.AWAIT
            && Suspensions.suspendingStatement(a.path(), in.names()) == null) {
          TreePath at = Suspensions.expressionOwner(a.path(), in.names());
          if (at != null && at.getLeaf() == owner) {
            return true;
          }
        }
      }
      return false;
    }

    @Override
    public void hoistLocalsIn(Tree e) {
      int from = source.start(e);
      int to = source.end(e);
      for (BodyScan.LocalRef ref : in.scan().localRefs()) {
        int at = source.start(ref.tree());
        if (at >= from && at < to && !ref.local().parameter()
            && !effectivelyFinal(ref.local())) {
          // Read or written in a continuation lambda, which can capture only what never
          // changes; a local that does is a field of the machine instead.
          mustHoist(ref.local().tree());
        }
      }
    }

    /** Whether {@code local} has an initializer and nothing assigns it again. */
    private boolean effectivelyFinal(BodyScan.Local local) {
      return local.tree().getInitializer() != null && !in.scan().assigned().contains(local);
    }

    @Override
    public ExpressionAwaits.Code chain(ExpressionTree e,
        java.util.function.Function<String, ExpressionAwaits.Code> end) {
      return new ExpressionAwaits(new ExpressionAwaits.Source() {
        @Override
        public int start(Tree t) {
          return source.start(t);
        }

        @Override
        public int end(Tree t) {
          return source.end(t);
        }

        @Override
        public String render(int from, int to) {
          return source.renderRange(from, to);
        }

        @Override
        public boolean isAwait(MethodInvocationTree call) {
          return in.names().isAwait(call);
        }

        @Override
        public boolean isLocal(IdentifierTree id) {
          return in.scan().localRefs().stream().anyMatch(r -> r.tree() == id);
        }

        @Override
        public boolean isVariable(IdentifierTree id) {
          return isLocal(id) || new MemberLookup(elements, type).field(id.getName().toString())
              != null;
        }

        @Override
        public String freshName(String base) {
          return uniqueName(base);
        }
      }).convert(e, end);
    }

    @Override
    public String renderBetween(Tree before, Tree after) {
      return source.renderRange(source.end(before), source.start(after));
    }

    @Override
    public String uniqueLocal(String base) {
      return uniqueName(base);
    }

    @Override
    public String resultType() {
      DeclaredType rt = (DeclaredType) method.getReturnType();
      return TypeName.get(rt.getTypeArguments().get(0)).toString();
    }

    /**
     * The name of a field the lowering adds to the machine: {@code base}, or base2, base3...
     * when the body uses the name, since a local of that name would hide the field.
     */
    private String fieldName(String base, Object tag) {
      String fresh = base;
      for (int n = 2; taken(fresh); n++) {
        fresh = base + n;
      }
      given.add(fresh);
      return names.newName(fresh, tag);
    }

    /** A name no code of the method uses and the lowering has not given out: base1, base2... */
    private String uniqueName(String base) {
      for (int n = 1; ; n++) {
        String fresh = base + n;
        if (!taken(fresh)) {
          given.add(fresh);
          return fresh;
        }
      }
    }

    /** The body's text, read once. */
    private String bodyText() {
      if (bodyText == null) {
        bodyText = source.render(tree.getBody());
      }
      return bodyText;
    }

    /** Whether {@code name} is a word of the body, a machine member, or already given out. */
    private boolean taken(String name) {
      return java.util.regex.Pattern.compile("\\b" + name + "\\b").matcher(bodyText()).find()
          || machineFields.contains(name) || fieldNames.containsValue(name)
          || given.contains(name);
    }

    @Override
    public void replace(Tree t, java.util.function.Supplier<String> text) {
      source.replace(t, text);
    }

    /** An initializer as an expression: {@code {1, 2}} needs its array type outside a declaration. */
    @Override
    public String initializer(VariableTree v) {
      ExpressionTree init = v.getInitializer();
      String text = source.render(init);
      if (init instanceof com.sun.source.tree.NewArrayTree array && array.getType() == null) {
        BodyScan.Local local = hoisted.stream().filter(l -> l.tree() == v).findFirst().orElseThrow();
        TypeMirror type = local.topLevel() ? localTypes.of(local.name()) : typeAtUse(local);
        return "new " + TypeName.get(type) + " " + text;
      }
      return text;
    }

    /** The type of a declared local, {@code var} included; null if javac cannot tell. */
    private TypeMirror typeOf(VariableTree v) {
      for (BodyScan.Local l : in.scan().locals()) {
        if (l.tree() == v) {
          if (l.topLevel()) {
            return localTypes.of(l.name());
          }
          TypeMirror atUse = typeAtUse(l);
          // Unused after its declaration: its value is only awaited, so Object holds it.
          return atUse != null ? atUse
              : elements.getTypeElement("java.lang.Object").asType();
        }
      }
      return null;
    }

    @Override
    public String declaredType(VariableTree v) {
      Tree t = v.getType();
      if (t == null || isVar(v)) {
        TypeMirror type = typeOf(v);
        if (type != null && LocalTypes.mentionsError(type)) {
          throw new TypeNotYetKnownException(
              trees.getPath(in.path().getCompilationUnit(), v), v.getName().toString());
        }
        if (type == null || !LocalTypes.isDenotable(type)) {
          throw new ModelException(Diagnostic.at(
              trees.getPath(in.path().getCompilationUnit(), v), Messages.NON_DENOTABLE,
              Messages.nonDenotable(v.getName().toString(), String.valueOf(type))));
        }
        return TypeName.get(type).toString();
      }
      return source.render(t);
    }

    @Override
    public String sourceType(VariableTree v) {
      return isVar(v) ? "var" : source.render(v.getType());
    }

    private boolean isVar(VariableTree v) {
      Tree t = v.getType();
      return t == null || (t instanceof IdentifierTree id && id.getName().contentEquals("var")
          && source.end(t) - source.start(t) == 3 && !source.render(t).equals("Var"));
    }

    @Override
    public TypeKind kindOfLocal(VariableTree v) {
      if (v.getType() instanceof PrimitiveTypeTree p) {
        return p.getPrimitiveTypeKind();
      }
      TypeMirror type = typeOf(v);
      return type == null ? TypeKind.DECLARED : type.getKind();
    }

    @Override
    public TypeKind kindOfTarget(AssignmentTree a) {
      ExpressionTree target = a.getVariable();
      String name = target instanceof IdentifierTree id ? id.getName().toString()
          : ((MemberSelectTree) target).getIdentifier().toString();
      VariableTree local = localOfTarget(a);
      if (local != null) {
        return kindOfLocal(local);
      }
      MemberLookup.Found found = new MemberLookup(elements, type).field(name);
      if (found == null) {
        throw new ModelException(Diagnostic.at(trees.getPath(in.path().getCompilationUnit(), a),
            Messages.AWAIT_POSITION, Messages.assignmentTarget()));
      }
      return found.first().asType().getKind();
    }
  }

  /** Reads the next element of {@code iterator} as a loop variable of {@code kind}. */
  static String nextCall(TypeKind kind, String iterator) {
    String method = switch (kind) {
      case BOOLEAN -> "nextBoolean";
      case BYTE -> "nextByte";
      case SHORT -> "nextShort";
      case CHAR -> "nextChar";
      case INT -> "nextInt";
      case LONG -> "nextLong";
      case FLOAT -> "nextFloat";
      case DOUBLE -> "nextDouble";
      default -> "nextElement";
    };
    return method + "(" + iterator + ")";
  }

  /** The call that reads the awaited value as a {@code kind}, as assignment conversion would. */
  static String awaitedCall(TypeKind kind) {
    return valueCall("awaited", kind);
  }

  /**
   * How resumed code reads the value of a suspension for a target of {@code kind}: the
   * {@code awaited()} family after an await, {@code received()} after a yield.
   */
  static String valueCall(String family, TypeKind kind) {
    return family + switch (kind) {
      case BOOLEAN -> "Boolean()";
      case BYTE -> "Byte()";
      case SHORT -> "Short()";
      case CHAR -> "Char()";
      case INT -> "Int()";
      case LONG -> "Long()";
      case FLOAT -> "Float()";
      case DOUBLE -> "Double()";
      default -> "()";
    };
  }
}
