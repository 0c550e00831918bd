package io.jasyncio.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import io.jasyncio.processor.scan.AsyncioNames;
import io.jasyncio.processor.scan.BodyScan;
import io.jasyncio.processor.scan.GeneratedNames;
import io.jasyncio.processor.scan.LocalTypes;
import io.jasyncio.processor.scan.MemberLookup;
import io.jasyncio.processor.scan.MethodKind;
import io.jasyncio.processor.scan.PrivateAccessors;
import io.jasyncio.processor.scan.SourceText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.type.DeclaredType;
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
      LocalTypes localTypes, Set<String> asyncStaticSiblings, Set<String> asyncInstanceSiblings,
      PrivateAccessors accessors, TypeElement host) {}

  /** Models one method; throws {@link ModelException} for what it cannot rewrite. */
  public MethodModel model(Input in) {
    return new Run(in).model();
  }

  /**
   * Models one method: the parts below each do one job, and this class answers the lowering's
   * questions ({@link Lowering.Forms}) from them.
   */
  private final class Run extends MethodFacts implements Lowering.Forms {
    private final MachineNames machineNames;
    private final VariableTypes types;
    private final HoistedLocals hoisting;
    private final ClosureCopies closureCopies;
    private final CallSignatures signatures;
    private final NameEdits edits;
    private final PrivateEdits privateEdits;
    private final AwaitIndex awaits;

    Run(Input in) {
      super(BodyModeler.this.trees, BodyModeler.this.elements, BodyModeler.this.typeUtils,
          BodyModeler.this.machineFields, BodyModeler.this.machineMethods, in);
      this.machineNames = new MachineNames(this);
      this.types = new VariableTypes(this, new IntersectionTypes(machineNames));
      this.hoisting = new HoistedLocals(this, machineNames, types);
      this.closureCopies = new ClosureCopies(this, hoisting, machineNames);
      this.signatures = new CallSignatures(in.scan().callees());
      this.edits = new NameEdits(this, closureCopies, machineNames);
      this.privateEdits = new PrivateEdits(this, closureCopies);
      this.awaits = new AwaitIndex(in.scan().awaits(), in.names());
    }

    MethodModel model() {
      Set<Tree> suspending = hoisting.suspendingStatements();
      Lowering plan = new Lowering(this, source, machineNames, types, hoisting, suspending, false,
          false);
      plan.lower(tree.getBody());
      hoisting.findHoisted(plan.fragments());
      List<MethodModel.Field> parameters = new ArrayList<>(hoisting.parameterFields());
      List<TypeVariableName> typeVariables = new ArrayList<>();
      if (receiver != null) {
        // The generated class cannot extend the template (final, a record, an enum): its
        // method is static and takes the instance first, AsyncPoint.norm(point), and the
        // machine keeps it in a field, as it keeps a parameter.
        for (TypeParameterElement tp : type.getTypeParameters()) {
          typeVariables.add(TypeVariableName.get(tp));
        }
        TypeName self = typeVariables.isEmpty() ? ClassName.get(type)
            : ParameterizedTypeName.get(ClassName.get(type),
                typeVariables.toArray(TypeName[]::new));
        parameters.add(0, new MethodModel.Field(receiver, receiver, self, true, ""));
      }
      // Names the caught-exception field now, in the order names are given out, but only when
      // a catch clause needs it: a finally block alone takes its exception in its own field.
      plan.handlers();
      List<MethodModel.Field> hoistedFields = new ArrayList<>(machineNames.syntheticFields());
      hoistedFields.addAll(hoisting.hoistedFields());
      hoisting.renameClashingLocals(plan.fragments());
      closureCopies.findClosures();
      edits.layNameEdits();
      privateEdits.lay();
      boolean routesExceptions = !plan.handlers().isEmpty();
      Lowering lowering = new Lowering(this, source, machineNames, types, hoisting, suspending,
          true, routesExceptions);
      List<MethodModel.State> states = lowering.lower(tree.getBody());

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
      // An inherited method's machine is named after its class too: the host may have an
      // @Async method of the same name.
      String machine = (in.host() == null ? "" : type.getSimpleName().toString())
          + GeneratedNames.machineName(method);
      return new MethodModel(method.getSimpleName().toString(), machine,
          isStatic || receiver != null, visibility,
          typeVariables, TypeName.get(returnType.getTypeArguments().get(0)),
          TypeName.get(returnType), parameters, method.isVarArgs(), thrown, hoistedFields, states,
          lowering.splitAny() || !hoisting.constants.isEmpty(), suppressedWarnings(),
          method.getAnnotation(SafeVarargs.class) != null,
          method.getAnnotation(Deprecated.class) != null, lowering.handlers(),
          machineNames.dispatchLabel(),
          fileName + ":" + source.line(tree), kind,
          elements.getBinaryName(type).toString(), fileName,
          machineNames.fieldName("ORIGIN", "origin"), types.intersections.all());
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
      if (privateEdits.castsUpdates()) {
        // f op= e on a private field is f$set(self, (T) (f$get(self) op (e))), which narrows
        // as Java's op= does, and whose cast is redundant when e's type is T's.
        out.add("cast");
      }
      return List.copyOf(out);
    }

    private Step.Text doneValue(MethodInvocationTree done) {
      return done.getArguments().isEmpty() ? new Step.Text("null")
          : text(done.getArguments().get(0));
    }

    @Override
    public Step.Text returnValue(ReturnTree r) {
      return generator ? text(r.getExpression())
          : doneValue((MethodInvocationTree) r.getExpression());
    }

    private Step.Text text(Tree tree) {
      SourceText.Rendered code = source.rendered(tree);
      return new Step.Text(code.text(), code.lines());
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
    public String fileName() {
      return fileName;
    }

    @Override
    public MethodInvocationTree awaitIn(Tree formOrCondition) {
      return awaits.awaitIn(formOrCondition);
    }

    @Override
    public boolean suspendsIn(Tree t) {
      return awaits.suspendsIn(t);
    }

    @Override
    public boolean awaitsInExpression(Tree owner) {
      return awaits.awaitsInExpression(owner);
    }

    @Override
    public Chain chain(ExpressionTree e, java.util.function.Function<Expr, Chain> end) {
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
        public Expr.Code code(int from, int to) {
          SourceText.Rendered code = source.renderedRange(from, to);
          return new Expr.Code(code.text(), code.lines());
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
          return machineNames.uniqueName(base);
        }

        @Override
        public CallSignatures signatures() {
          return signatures;
        }

        @Override
        public String unboxedVariableType(ExpressionTree e) {
          return CallSignatures.unboxed(types.variableType(e));
        }
      }).convert(e, end);
    }

    @Override
    public String privateStore(ExpressionTree target) {
      return privateEdits.storeInto(target);
    }

    @Override
    public boolean isPrivateField(ExpressionTree target) {
      return privateEdits.isPrivateField(target);
    }

    @Override
    public String assertionClass() {
      TypeElement top = type;
      while (top.getEnclosingElement() instanceof TypeElement outer) {
        top = outer;
      }
      return top.getQualifiedName().toString();
    }

    @Override
    public String resultType() {
      DeclaredType rt = (DeclaredType) method.getReturnType();
      return TypeName.get(rt.getTypeArguments().get(0)).toString();
    }

    @Override
    public List<String> copiesBefore(Tree unit, boolean chain) {
      return closureCopies.copiesBefore(unit, chain);
    }
  }
}
