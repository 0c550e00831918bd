package io.jasyncio.processor.scan;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * One pass over an {@code @Async} method body that records what the validator and the modeler
 * need: every local and its scope, what each simple name refers to, every {@code await} and
 * {@code return}, and every use of {@code this} and {@code super}.
 *
 * <p>Trees are not attributed while processors run, so names are resolved here the way javac
 * resolves them: locals by lexical scope, then members of the class and its enclosing classes
 * ({@link MemberLookup}); what remains is a type, a package or a static import and is left as
 * written. Type positions (declared types, casts, {@code new X()}) are not scanned as expressions.
 */
public final class BodyScan {

  /** Where an await or a name sits. */
  public enum Context { BODY, LAMBDA, LOCAL_CLASS, SYNCHRONIZED }

  /** A parameter or local variable of the method (not of a lambda or local class in it). */
  public record Local(String name, VariableTree tree, int topIndex, boolean parameter,
      boolean topLevel) {}

  /** A simple name that refers to a local of the method. */
  public record LocalRef(IdentifierTree tree, Local local, int topIndex) {}

  /** A simple name that refers to a member of the class or an enclosing class. */
  public record MemberRef(TreePath path, MemberLookup.Found found, boolean method,
      boolean inLocalClass, boolean caseLabel) {}

  /** A use of {@code this}, {@code Foo.this} or {@code super} outside local classes. */
  public record SelfRef(TreePath path, boolean isSuper) {}

  /** What suspends: {@code await(x)}, {@code Generator.yield(v)} or {@code aiter(gen)}. */
  public enum Suspension { AWAIT, YIELD, AITER }

  /** A call that suspends the method: an await, a yield, or the marker of async iteration. */
  public record AwaitUse(TreePath path, int topIndex, Context context, Suspension kind) {}

  /** A {@code return} of the method itself (not of a lambda or local class in it). */
  public record ReturnUse(TreePath path, int topIndex, boolean topLevel) {}

  /**
   * A use of a private member declared in the template's top-level class, which the generated
   * class, another top-level class, reaches only through handles ({@link PrivateAccessors});
   * {@code typeQualified} when it is a method reference on a class's name ({@code Foo::m}).
   */
  public record PrivateUse(TreePath path, List<Element> members, boolean typeQualified) {
    public PrivateUse {
      members = List.copyOf(members);
    }

    /** The member the use names (the first of a method's overloads). */
    public Element element() {
      return members.get(0);
    }
  }

  /**
   * A class-qualified call of a static {@code @Async} method, {@code Kitchen.boil()}: the
   * qualifier must name the generated class, or the call would run the template.
   */
  public record TemplateCall(ExpressionTree qualifier, TypeElement template) {}

  /**
   * {@code k.numSum(x)}: a call of an instance {@code @Async} method of {@code owner}, a class
   * whose generated class takes the instance as an argument ({@code Templates.takesReceiver}),
   * on the object {@code qualifier}; {@code select} is the path of {@code k.numSum}.
   */
  public record ReceiverCall(TreePath select, ExpressionTree qualifier, TypeElement owner) {}

  /**
   * A simple name that is neither a local nor a member of the class or its enclosing classes:
   * a static import, a type or a package.
   */
  public record Unresolved(TreePath path, String name, boolean method) {}

  /**
   * A member selected on a value or type whose class the scan knows ({@code list.sise()},
   * {@code p.nope}) that the class has no member of that name for (no field or member type;
   * for a call, no method).
   */
  public record MemberMiss(TreePath path, TypeElement owner, String name) {}

  /** A simple name that denotes a member type of the class (its own, inherited or outer). */
  public record MemberTypeRef(TreePath path, TypeElement type) {}

  /** A local class declared as a statement of the body. */
  public record LocalClass(String name, ClassTree tree, int topIndex) {}

  /** A use of a local class declared as a statement of the body. */
  public record LocalClassRef(TreePath path, LocalClass declaration, int topIndex) {}

  final List<Local> locals = new ArrayList<>();
  final List<LocalRef> localRefs = new ArrayList<>();
  final List<MemberRef> memberRefs = new ArrayList<>();
  final List<SelfRef> selfRefs = new ArrayList<>();
  final List<AwaitUse> awaits = new ArrayList<>();
  final List<ReturnUse> returns = new ArrayList<>();
  final List<TreePath> awaitReferences = new ArrayList<>();
  final Set<Local> assigned = new LinkedHashSet<>();
  final List<PrivateUse> privateUses = new ArrayList<>();
  final List<TreePath> untypedPrivateUses = new ArrayList<>();
  final List<LocalClassRef> localClassRefs = new ArrayList<>();
  final List<TemplateCall> templateCalls = new ArrayList<>();
  final List<ReceiverCall> receiverCalls = new ArrayList<>();
  final List<TreePath> receiverReferences = new ArrayList<>();
  final List<Unresolved> unresolved = new ArrayList<>();
  final List<MemberTypeRef> memberTypeRefs = new ArrayList<>();
  final Set<String> classFieldNames = new java.util.HashSet<>();
  final Map<Tree, List<ExecutableElement>> callees = new java.util.IdentityHashMap<>();
  final List<MemberMiss> memberMisses = new ArrayList<>();

  public List<Local> locals() { return locals; }
  public List<LocalRef> localRefs() { return localRefs; }
  public List<MemberRef> memberRefs() { return memberRefs; }
  public List<SelfRef> selfRefs() { return selfRefs; }
  public List<AwaitUse> awaits() { return awaits; }
  public List<ReturnUse> returns() { return returns; }
  public List<TreePath> awaitReferences() { return awaitReferences; }
  public List<PrivateUse> privateUses() { return privateUses; }
  /**
   * Selects {@code q.f} of a name a private field of the template's classes has, on a value
   * whose class the scan cannot tell ({@code make().f}, or a {@code var} local in a block).
   */
  public List<TreePath> untypedPrivateUses() { return untypedPrivateUses; }
  public List<LocalClassRef> localClassRefs() { return localClassRefs; }
  public List<TemplateCall> templateCalls() { return templateCalls; }
  public List<ReceiverCall> receiverCalls() { return receiverCalls; }
  /** {@code p::scaled}, {@code this::scaled}: a bound reference to such a method. */
  public List<TreePath> receiverReferences() { return receiverReferences; }
  public List<Unresolved> unresolved() { return unresolved; }
  public List<MemberTypeRef> memberTypeRefs() { return memberTypeRefs; }
  /**
   * Names of the fields that local and anonymous classes of the body inherit or declare: inside
   * such a class, a local of that name would be hidden by the field.
   */
  public Set<String> classFieldNames() { return classFieldNames; }
  /**
   * For each call and {@code new} whose owner is known without attribution, the methods or
   * constructors of that name it may invoke (overloads included; javac picks among them).
   */
  public Map<Tree, List<ExecutableElement>> callees() { return callees; }

  public List<MemberMiss> memberMisses() { return memberMisses; }
  /** Locals (parameters included) assigned somewhere after their declaration. */
  public Set<Local> assigned() { return assigned; }

  /** Scans the body of the method at {@code methodPath}. */
  public static BodyScan of(TreePath methodPath, MemberLookup lookup, AsyncioNames names,
      Elements elements, javax.lang.model.util.Types typeUtils, LocalTypes localTypes) {
    BodyScan scan = new BodyScan();
    new BodyScanner(scan, lookup, names, elements, typeUtils, localTypes).scanMethod(methodPath);
    Map<Tree, Local> byRef = new java.util.IdentityHashMap<>();
    scan.localRefs.forEach(r -> byRef.put(r.tree(), r.local()));
    scan.assigned.addAll(
        AssignedLocals.in(((MethodTree) methodPath.getLeaf()).getBody(), byRef::get));
    return scan;
  }

  /** Marks a name declared by a lambda, a local class or a nested local: not a method local. */
  static final Object SHADOW = new Object();
}
