package io.jasyncio.processor;

import com.google.auto.service.AutoService;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import io.jasyncio.processor.generate.AsyncClassWriter;
import io.jasyncio.processor.generate.ClashingNames;
import io.jasyncio.processor.generate.StateMachineWriter;
import io.jasyncio.processor.generate.WithheldEntries;
import io.jasyncio.processor.model.BodyModeler;
import io.jasyncio.processor.model.MethodModel;
import io.jasyncio.processor.model.ModelException;
import io.jasyncio.processor.scan.AsyncioNames;
import io.jasyncio.processor.scan.BodyScan;
import io.jasyncio.processor.scan.GeneratedNames;
import io.jasyncio.processor.scan.LocalTypes;
import io.jasyncio.processor.scan.MemberLookup;
import io.jasyncio.processor.scan.PrivateAccessors;
import io.jasyncio.processor.scan.SourceText;
import io.jasyncio.processor.scan.Templates;
import io.jasyncio.processor.validate.AsyncMethodValidator;
import io.jasyncio.processor.validate.StrayAwaitScanner;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.FilerException;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * The jasyncio annotation processor: rewrites each class's {@code @Async} methods into state
 * machines in a generated {@code AsyncFoo}.
 *
 * <p>It only runs the three phases (validate, model, write) and writes files. Every misuse
 * becomes one error at its position and nothing is generated for that class; an unexpected
 * exception becomes a {@code [jasyncio/Internal]} error, never a crash of javac.
 */
@AutoService(Processor.class)
public final class AsyncProcessor extends AbstractProcessor {
  static final String ASYNC = "io.jasyncio.annotations.Async";
  static final String MACHINE = "io.jasyncio.internal.CoroutineMachine";
  /**
   * A test aid: {@code -Ajasyncio.failWhileRewriting=name} makes rewriting the methods of that
   * name fail, so tests can show what any unexpected failure becomes (one
   * {@code [jasyncio/Internal]} error, nothing generated) now that no known input reaches it.
   */
  static final String FAIL_WHILE_REWRITING = "jasyncio.failWhileRewriting";
  /**
   * A test aid: {@code -Ajasyncio.withholdWrongly=name} takes the bodies of the methods of that
   * name for bodies javac rejects, so tests can show what a wrong judgement becomes (one
   * {@code [jasyncio/Internal]} error when javac accepts them, never a method that throws).
   */
  static final String WITHHOLD_WRONGLY = "jasyncio.withholdWrongly";
  /**
   * {@code -Ajasyncio.splitLines=n}: a machine whose states are written as more than {@code n}
   * lines runs them in several methods of at most about {@code n} lines each (default
   * {@link StateMachineWriter#SPLIT_LINES}). Tests lower it to split small methods; a value that
   * is not a positive number is ignored.
   */
  static final String SPLIT_LINES = "jasyncio.splitLines";

  private Trees trees;
  /**
   * The methods written without a machine because javac would reject their bodies, and why:
   * should javac nevertheless write class files, the processor was wrong, and says so.
   */
  private final Map<TreePath, String> withheldReasons = new LinkedHashMap<>();
  /** The classes of this compilation's sources that have {@code @Async} methods, by name. */
  private final Set<String> templates = new HashSet<>();
  /** Classes whose models wait for a type generated in this compilation, by name. */
  private final Set<String> deferred = new java.util.LinkedHashSet<>();

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    // "*": an await in a compilation with no @Async at all is still reported.
    return Set.of("*");
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(FAIL_WHILE_REWRITING, WITHHOLD_WRONGLY, SPLIT_LINES);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public synchronized void init(javax.annotation.processing.ProcessingEnvironment env) {
    super.init(env);
    try {
      trees = Trees.instance(env);
    } catch (IllegalArgumentException notJavac) {
      Report report = new Report();
      report.add(Diagnostic.of(Messages.compiler()));
      report.printTo(env.getMessager(), null);
      return;
    }
    try {
      com.sun.source.util.JavacTask.instance(env).addTaskListener(new WithheldCheck());
    } catch (IllegalArgumentException | IllegalStateException wrappedEnvironment) {
      // An IDE's own processing environment: no class files are written there anyway.
    }
  }

  /**
   * javac writes class files only when it found no error, so a method withheld for an error
   * javac did not find is this processor's mistake: it becomes an error, never a class whose
   * method throws at run time.
   */
  private final class WithheldCheck implements com.sun.source.util.TaskListener {
    @Override
    public void started(com.sun.source.util.TaskEvent e) {
      if (e.getKind() != com.sun.source.util.TaskEvent.Kind.GENERATE) {
        return;
      }
      Report report = new Report();
      // Paths, not elements: the elements of earlier rounds no longer know their source.
      withheldReasons.forEach((path, why) -> report.add(Diagnostic.at(path,
          Messages.internal(((MethodTree) path.getLeaf()).getName() + "()",
              new IllegalStateException("withheld as javac would reject it (" + why
                  + "), but javac accepted it")))));
      withheldReasons.clear();
      report.printTo(processingEnv.getMessager(), trees);
    }
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (trees == null) {
      return false;
    }
    Map<TypeElement, List<ExecutableElement>> byClass = asyncMethodsByClass(round);
    byClass.keySet().forEach(t -> templates.add(t.getQualifiedName().toString()));
    addSubclassesOnlyInheriting(round, byClass);
    for (String name : List.copyOf(deferred)) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
      if (type != null) {
        byClass.putIfAbsent(type, asyncMethodsOf(type));
      }
    }
    deferred.clear();
    reportStrayAwaits(round);
    List<TypeElement> waiting = new ArrayList<>();
    for (Map.Entry<TypeElement, List<ExecutableElement>> entry : byClass.entrySet()) {
      if (!processClass(entry.getKey(), entry.getValue(), true)) {
        waiting.add(entry.getKey());
      }
    }
    if (!round.processingOver()) {
      // A later round may bring their types: one this processor or another one generates.
      // Every compilation ends with a round that has processingOver(), so none is lost.
      waiting.forEach(t -> deferred.add(t.getQualifiedName().toString()));
    } else {
      // No later round can make their types known.
      waiting.forEach(t -> processClass(t, byClass.get(t), false));
    }
    return false;
  }

  private List<ExecutableElement> asyncMethodsOf(TypeElement type) {
    List<ExecutableElement> out = new ArrayList<>();
    for (Element e : type.getEnclosedElements()) {
      if (e instanceof ExecutableElement m && e.getKind() == ElementKind.METHOD
          && io.jasyncio.processor.scan.Templates.isAsync(m)) {
        out.add(m);
      }
    }
    return out;
  }

  /**
   * Adds, with no methods of their own, the classes of this round that declare no
   * {@code @Async} method but inherit instance ones their generated class can override
   * ({@link Templates#getsSubclassOnlyForInherited}): {@code new AsyncSub().hello()} runs
   * the rewritten {@code hello}, as for a subclass with {@code @Async} methods of its own.
   */
  private void addSubclassesOnlyInheriting(RoundEnvironment round,
      Map<TypeElement, List<ExecutableElement>> byClass) {
    if (templates.isEmpty()) {
      return; // the inherited methods must be in this compilation's sources
    }
    java.util.Deque<Element> todo = new java.util.ArrayDeque<>(round.getRootElements());
    while (!todo.isEmpty()) {
      Element e = todo.pop();
      if (!(e instanceof TypeElement type) || isGenerated(type)) {
        continue;
      }
      type.getEnclosedElements().stream().filter(m -> m instanceof TypeElement)
          .forEach(todo::push);
      if (type.getKind() == ElementKind.CLASS && !byClass.containsKey(type)
          && extendsATemplate(type) && asyncMethodsOf(type).isEmpty()
          && Templates.getsSubclassOnlyForInherited(type,
              processingEnv.getElementUtils(), m -> trees.getPath(m) != null)) {
        byClass.put(type, new ArrayList<>());
      }
    }
  }

  /** Whether a superclass of {@code type} has {@code @Async} methods: a cheap first check. */
  private boolean extendsATemplate(TypeElement type) {
    for (javax.lang.model.type.TypeMirror s = type.getSuperclass();
        s instanceof javax.lang.model.type.DeclaredType d;
        s = ((TypeElement) d.asElement()).getSuperclass()) {
      if (templates.contains(((TypeElement) d.asElement()).getQualifiedName().toString())) {
        return true;
      }
    }
    return false;
  }

  private Map<TypeElement, List<ExecutableElement>> asyncMethodsByClass(RoundEnvironment round) {
    Map<TypeElement, List<ExecutableElement>> byClass = new LinkedHashMap<>();
    TypeElement async = processingEnv.getElementUtils().getTypeElement(ASYNC);
    if (async == null) {
      return byClass;
    }
    for (Element e : round.getElementsAnnotatedWith(async)) {
      if (e.getKind() == ElementKind.METHOD) {
        byClass.computeIfAbsent((TypeElement) e.getEnclosingElement(), k -> new ArrayList<>())
            .add((ExecutableElement) e);
      }
    }
    return byClass;
  }

  private void reportStrayAwaits(RoundEnvironment round) {
    Set<CompilationUnitTree> units = new HashSet<>();
    for (Element root : round.getRootElements()) {
      TreePath path = trees.getPath(root);
      if (path != null && !isGenerated(root) && units.add(path.getCompilationUnit())) {
        StrayAwaitScanner.scan(path.getCompilationUnit(), trees,
            processingEnv.getElementUtils(), this::isAsync)
            .printTo(processingEnv.getMessager(), trees);
      }
    }
  }

  /** Whether {@code root} is a class this processor wrote. */
  private static boolean isGenerated(Element root) {
    return Templates.isGenerated(root);
  }

  private boolean isAsync(MethodTree method) {
    return method.getModifiers().getAnnotations().stream().anyMatch(a -> {
      String name = a.getAnnotationType().toString();
      return name.equals("Async") || name.equals(ASYNC);
    });
  }

  /**
   * Validates, models and writes one class; returns false, reporting nothing, when it may wait
   * for a later round ({@code mayWait}) because a local's type is not known yet.
   */
  private boolean processClass(TypeElement type, List<ExecutableElement> methods,
      boolean mayWait) {
    Report report = new Report();
    List<MethodModel> models = new ArrayList<>();
    List<ExecutableElement> inherited = Templates.inheritedToRewrite(type,
        processingEnv.getElementUtils(), m -> trees.getPath(m) != null);
    if (methods.isEmpty() && inherited.isEmpty()) {
      return true;
    }
    // A class that only inherits @Async methods has none of its own to point at.
    ExecutableElement current = methods.isEmpty() ? inherited.get(0) : methods.get(0);
    try {
      TypeElement machine = processingEnv.getElementUtils().getTypeElement(MACHINE);
      if (machine == null) {
        for (ExecutableElement m : methods) {
          report.add(Diagnostic.on(m, Messages.classpath(m.getSimpleName() + "()")));
        }
        report.printTo(processingEnv.getMessager(), trees);
        return true;
      }
      Set<String> machineFields = new HashSet<>();
      Set<String> machineMethods = new HashSet<>();
      List<Element> members = new ArrayList<>(
          processingEnv.getElementUtils().getAllMembers(machine));
      for (io.jasyncio.processor.scan.MethodKind k
          : io.jasyncio.processor.scan.MethodKind.values()) {
        TypeElement m = processingEnv.getElementUtils().getTypeElement(k.machine());
        if (m != null && !m.equals(machine)) {
          members.addAll(processingEnv.getElementUtils().getAllMembers(m));
        }
      }
      for (Element member : members) {
        if (member.getModifiers().contains(Modifier.PRIVATE)) {
          continue;
        }
        if (member.getKind() == ElementKind.FIELD) {
          machineFields.add(member.getSimpleName().toString());
        } else if (member.getKind() == ElementKind.METHOD) {
          machineMethods.add(member.getSimpleName().toString());
        }
      }
      Set<String> staticSiblings = new HashSet<>();
      Set<String> instanceSiblings = new HashSet<>();
      for (ExecutableElement m : methods) {
        (m.getModifiers().contains(Modifier.STATIC) ? staticSiblings : instanceSiblings)
            .add(m.getSimpleName().toString());
      }
      MemberLookup lookup = new MemberLookup(processingEnv.getElementUtils(), type);
      PrivateAccessors accessors = new PrivateAccessors(type);
      AsyncMethodValidator validator = new AsyncMethodValidator(Set.copyOf(inherited));
      BodyModeler modeler = new BodyModeler(trees, processingEnv.getElementUtils(),
          processingEnv.getTypeUtils(), machineFields, machineMethods);
      List<BodyModeler.Input> inputs = new ArrayList<>();
      for (ExecutableElement m : methods) {
        current = m;
        TreePath path = trees.getPath(m);
        AsyncioNames names = AsyncioNames.of(path.getCompilationUnit());
        MethodTree tree = (MethodTree) path.getLeaf();
        // Attributes a copy of the whole body: done once, for the scan and the model alike.
        LocalTypes localTypes = tree.getBody() == null ? null : new LocalTypes(trees, path);
        BodyScan scan = tree.getBody() == null ? null : BodyScan.of(path, lookup, names,
            processingEnv.getElementUtils(), processingEnv.getTypeUtils(), localTypes);
        Report r = validator.validate(m, path, scan, names);
        report.addAll(r);
        if (r.isClean()) {
          inputs.add(new BodyModeler.Input(m, path, scan, names, localTypes, staticSiblings,
              instanceSiblings, accessors, null));
        }
      }
      for (ExecutableElement m : inherited) {
        BodyModeler.Input input = inheritedInput(m, type, accessors);
        if (input != null) {
          inputs.add(input);
        }
      }
      boolean typeMissing = false;
      // Methods whose bodies javac rejects: their entries are written without a machine, so
      // javac's error is the only one (none inside generated code, none where AsyncFoo is used).
      List<ExecutableElement> withheld = new ArrayList<>();
      Map<TreePath, String> reasons = new LinkedHashMap<>();
      if (report.isClean()) {
        for (BodyModeler.Input input : inputs) {
          current = input.method();
          try {
            if (current.getSimpleName().contentEquals(
                processingEnv.getOptions().getOrDefault(FAIL_WHILE_REWRITING, ""))) {
              throw new IllegalStateException("rewriting failed on purpose (-A"
                  + FAIL_WHILE_REWRITING + ")");
            }
            String missing = missingTypeIn(current);
            if (missing != null) {
              throw new io.jasyncio.processor.scan.TypeNotYetKnownException(input.path(), missing);
            }
            String rejected = javacRejects(input);
            if (rejected != null) {
              withheld.add(current); // javac reports it where the user wrote it
              reasons.put(input.path(), rejected);
              continue;
            }
            models.add(modeler.model(input));
          } catch (ModelException e) {
            report.add(e.diagnostic());
          } catch (io.jasyncio.processor.scan.TypeNotYetKnownException e) {
            if (mayWait) {
              return false;
            }
            // No round is left in which the type could appear: it is missing or ambiguous in
            // the user's code, and javac reports that where the user wrote it. A signature
            // naming it cannot be written at all; a body's local only withholds the machine.
            if (missingTypeIn(current) != null) {
              typeMissing = true;
            } else {
              withheld.add(current);
              reasons.put(input.path(), "the type " + e.name() + " is not found");
            }
          }
        }
      }
      if (report.isClean() && !typeMissing) {
        List<ExecutableElement> rewritten = new ArrayList<>(methods);
        rewritten.addAll(inherited);
        write(type, rewritten, models, withheld, accessors, report);
        withheldReasons.putAll(reasons); // only now: a class that waits is judged again
      }
    } catch (SourceText.NoEndPositionsException e) {
      report.add(Diagnostic.on(current, Messages.endPositions(type.getSimpleName().toString())));
    } catch (RuntimeException | Error e) {
      report.add(Diagnostic.on(current, Messages.internal(current.getSimpleName() + "()", e)));
    }
    report.printTo(processingEnv.getMessager(), trees);
    return true;
  }

  /**
   * Why javac surely rejects the body of {@code input}'s method (a value that is never
   * awaitable where one must be, or a name defined nowhere), or null. A type not found may
   * be generated in a later round: it throws {@link
   * io.jasyncio.processor.scan.TypeNotYetKnownException} to wait for it.
   */
  private String javacRejects(BodyModeler.Input input) {
    ExecutableElement m = input.method();
    if (m.getSimpleName().contentEquals(
        processingEnv.getOptions().getOrDefault(WITHHOLD_WRONGLY, ""))) {
      return "withheld on purpose (-A" + WITHHOLD_WRONGLY + ")";
    }
    if (io.jasyncio.processor.validate.ObviousTypeErrors.in(input.scan(), input.names(),
        io.jasyncio.processor.scan.MethodKind.of(m)
            == io.jasyncio.processor.scan.MethodKind.COROUTINE)) {
      return "a value that is never awaitable stands where one must be";
    }
    io.jasyncio.processor.validate.UndefinedNames.Undefined undefined =
        new io.jasyncio.processor.validate.UndefinedNames(processingEnv.getElementUtils(),
            (TypeElement) m.getEnclosingElement()).firstIn(input.scan(),
                (MethodTree) input.path().getLeaf(), input.path().getCompilationUnit());
    if (undefined == null) {
      return null;
    }
    if (undefined.type()) {
      throw new io.jasyncio.processor.scan.TypeNotYetKnownException(input.path(),
          undefined.name());
    }
    return "the name " + undefined.name() + " is defined nowhere";
  }

  /**
   * The name of a parameter or type in {@code m}'s signature whose type javac cannot resolve
   * (not generated yet, missing, or ambiguous, as {@code Queue} with {@code java.util.*} and
   * {@code io.jasyncio.*} imported), or null: javac reports it in the user's code, and a class
   * generated around it would only report it again.
   */
  private static String missingTypeIn(ExecutableElement m) {
    for (javax.lang.model.element.VariableElement p : m.getParameters()) {
      if (LocalTypes.mentionsError(p.asType())) {
        return p.getSimpleName().toString();
      }
    }
    if (LocalTypes.mentionsError(m.getReturnType())) {
      return m.getSimpleName() + "()";
    }
    for (javax.lang.model.type.TypeMirror t : m.getThrownTypes()) {
      if (LocalTypes.mentionsError(t)) {
        return t.toString();
      }
    }
    return null;
  }

  /**
   * The input that rewrites {@code m}, an {@code @Async} method {@code host} inherits, into
   * {@code host}'s generated class; null when its body has errors, which the class declaring it
   * reports.
   */
  private BodyModeler.Input inheritedInput(ExecutableElement m, TypeElement host,
      PrivateAccessors accessors) {
    TypeElement declaring = (TypeElement) m.getEnclosingElement();
    TreePath path = trees.getPath(m);
    MethodTree tree = (MethodTree) path.getLeaf();
    if (tree.getBody() == null) {
      return null;
    }
    AsyncioNames names = AsyncioNames.of(path.getCompilationUnit());
    MemberLookup lookup = new MemberLookup(processingEnv.getElementUtils(), declaring);
    LocalTypes localTypes = new LocalTypes(trees, path);
    BodyScan scan = BodyScan.of(path, lookup, names, processingEnv.getElementUtils(),
        processingEnv.getTypeUtils(), localTypes);
    if (!new AsyncMethodValidator(Set.of()).validate(m, path, scan, names).isClean()) {
      return null;
    }
    Set<String> staticSiblings = new HashSet<>();
    Set<String> instanceSiblings = new HashSet<>();
    for (ExecutableElement sibling : asyncMethodsOf(declaring)) {
      (sibling.getModifiers().contains(Modifier.STATIC) ? staticSiblings : instanceSiblings)
          .add(sibling.getSimpleName().toString());
    }
    return new BodyModeler.Input(m, path, scan, names, localTypes, staticSiblings,
        instanceSiblings, accessors, host);
  }

  /** Writes {@code AsyncFoo} for {@code type}, or adds to {@code report} why it cannot. */
  private void write(TypeElement type, List<ExecutableElement> methods, List<MethodModel> models,
      List<ExecutableElement> withheld, PrivateAccessors accessors, Report report) {
    CompilationUnitTree unit = trees.getPath(type).getCompilationUnit();
    List<String> imports = new ArrayList<>();
    Set<CompilationUnitTree> units = new java.util.LinkedHashSet<>();
    units.add(unit);
    // An inherited method's body is written with its own file's imports.
    methods.forEach(m -> units.add(trees.getPath(m).getCompilationUnit()));
    for (CompilationUnitTree u : units) {
      for (ImportTree imp : u.getImports()) {
        String line = "import " + (imp.isStatic() ? "static " : "")
            + imp.getQualifiedIdentifier() + ";";
        if (!imports.contains(line)) {
          imports.add(line);
        }
      }
    }
    Set<String> usedNames = new HashSet<>();
    Map<String, String> singleImports = new HashMap<>();
    for (ImportTree imp : unit.getImports()) {
      if (imp.getQualifiedIdentifier() instanceof MemberSelectTree s) {
        String simple = s.getIdentifier().toString();
        usedNames.add(simple);
        if (!imp.isStatic() && !simple.equals("*")) {
          singleImports.put(simple, s.toString());
        }
      }
    }
    for (ExecutableElement m : methods) {
      new TreePathScanner<Void, Void>() {
        @Override
        public Void visitIdentifier(IdentifierTree node, Void p) {
          usedNames.add(node.getName().toString());
          return null;
        }

        @Override
        public Void visitMemberSelect(MemberSelectTree node, Void p) {
          usedNames.add(node.getIdentifier().toString());
          return super.visitMemberSelect(node, p);
        }
      }.scan(trees.getPath(m), null);
    }
    String pkg = GeneratedNames.packageOf(type);
    MemberLookup lookup = new MemberLookup(processingEnv.getElementUtils(), type);
    List<com.palantir.javapoet.TypeName> declared =
        new ArrayList<>(AsyncClassWriter.declarationTypes(type));
    withheld.forEach(m -> declared.addAll(WithheldEntries.signatureTypes(m)));
    Set<String> qualified = ClashingNames.of(models, declared,
        usedNames, singleImports,
        name -> lookup.memberType(name) != null || processingEnv.getElementUtils()
            .getTypeElement(pkg.isEmpty() ? name : pkg + "." + name) != null);
    String file = unit.getSourceFile().getName();
    String sourceFile = file.substring(file.lastIndexOf('/') + 1);
    String code = new AsyncClassWriter(splitLines()).write(
        new AsyncClassWriter.Template(type, imports, qualified, sourceFile, accessors), models,
        withheld);
    String name = (pkg.isEmpty() ? "" : pkg + ".") + GeneratedNames.generatedClass(type);
    try (Writer out = processingEnv.getFiler().createSourceFile(name, type).openWriter()) {
      out.write(code);
    } catch (FilerException e) {
      // javac's Filer refuses a name that a class in this compilation already has.
      TypeElement existing = processingEnv.getElementUtils().getTypeElement(name);
      if (existing != null && !isGenerated(existing)) {
        Element at = trees.getPath(existing) != null ? existing : type;
        report.add(Diagnostic.on(at, Messages.nameClash(existing.getSimpleName().toString(),
            type.getSimpleName().toString())));
      } else {
        report.add(Diagnostic.on(type, Messages.writeFailed(name, e)));
      }
    } catch (IOException e) {
      report.add(Diagnostic.on(type, Messages.writeFailed(name, e)));
    }
  }

  /** The split threshold: {@link #SPLIT_LINES} if given as a positive number, else the default. */
  private int splitLines() {
    String given = processingEnv.getOptions().get(SPLIT_LINES);
    try {
      int lines = given == null ? 0 : Integer.parseInt(given.trim());
      return lines > 0 ? lines : StateMachineWriter.SPLIT_LINES;
    } catch (NumberFormatException e) {
      return StateMachineWriter.SPLIT_LINES;
    }
  }
}
