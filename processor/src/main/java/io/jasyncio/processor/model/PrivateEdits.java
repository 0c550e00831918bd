package io.jasyncio.processor.model;

import static io.jasyncio.processor.model.ClosureCopies.SELF;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import io.jasyncio.processor.model.ClosureCopies.Closure;
import io.jasyncio.processor.scan.BodyScan;
import io.jasyncio.processor.scan.PrivateAccessors;
import io.jasyncio.processor.scan.PrivateAccessors.Access;
import io.jasyncio.processor.scan.PrivateUses;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Supplier;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The edits that make a use of a private member of the template's class a call of the
 * generated class's accessor for it ({@link PrivateAccessors}): {@code count} reads
 * {@code count$get(AsyncKitchen.this)}, {@code other.count = e} becomes
 * {@code count$set(other, e)}, {@code helper(a)} becomes
 * {@code helper$call(AsyncKitchen.this, a)}, {@code new Kitchen(a)} {@code Kitchen$new(a)}.
 *
 * <p>A call keeps its arguments where they are (only its name and its opening parenthesis
 * change), so an argument that awaits is split into continuations as in any call. The uses the
 * validator rejects (an update of another object's field, a bound reference other than
 * {@code this::m}...) never get here.
 */
final class PrivateEdits extends MethodFacts {
  private final ClosureCopies closureCopies;
  private final PrivateAccessors accessors;
  /** The store of each private field an assignment targets: {@code count$set(self, }. */
  private final Map<Tree, Supplier<String>> stores = new IdentityHashMap<>();
  private boolean castsUpdates;

  PrivateEdits(MethodFacts facts, ClosureCopies closureCopies) {
    super(facts);
    this.closureCopies = closureCopies;
    this.accessors = in.accessors();
  }

  void lay() {
    for (BodyScan.PrivateUse use : in.scan().privateUses()) {
      PrivateUses.Use u = PrivateUses.of(use);
      Element member = use.element();
      switch (u.shape()) {
        case READ -> read(u, member);
        case WRITE -> {
          read(u, member);
          write(u, member);
        }
        case UPDATE -> {
          read(u, member);
          update(u, member);
        }
        case STEP -> step(u, member);
        case CALL -> call(u, use);
        case NEW -> create((NewClassTree) u.whole(), use);
        case REFERENCE -> reference((MemberReferenceTree) u.whole(), use);
        case TYPE -> throw new IllegalStateException("a private type is reported, not rewritten");
      }
    }
  }

  /** Whether {@code target} names a private field of the template's classes. */
  boolean isPrivateField(ExpressionTree target) {
    for (BodyScan.PrivateUse use : in.scan().privateUses()) {
      if (use.path().getLeaf() == target && use.element().getKind().isField()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The start of the store into the private field {@code target} names, {@code count$set(self, }
   * (the value and {@code )} follow), or null when it names no private field.
   */
  String storeInto(ExpressionTree target) {
    Supplier<String> store = stores.get(target);
    return store == null ? null : store.get();
  }

  // ---- fields

  private void read(PrivateUses.Use u, Element field) {
    String get = accessors.use(field, Access.GET);
    Supplier<String> receiver = receiver(u);
    source.replace(u.name(), () -> get + "(" + receiver.get() + ")");
  }

  private void write(PrivateUses.Use u, Element field) {
    AssignmentTree a = (AssignmentTree) u.whole();
    Supplier<String> store = storeOf(u, field);
    stores.put(a.getVariable(), store);
    String narrow = narrowing(field.asType());
    castsUpdates |= narrow != null; // (char) ('q') is redundant, (char) (65) is not
    source.replace(a, () -> store.get() + (narrow == null ? source.render(a.getExpression())
        : "(" + narrow + ") (" + source.render(a.getExpression()) + ")") + ")");
  }

  /** Whether an edit casts a stored value, which may be a redundant cast. */
  boolean castsUpdates() {
    return castsUpdates;
  }

  private void update(PrivateUses.Use u, Element field) {
    castsUpdates = true;
    CompoundAssignmentTree c = (CompoundAssignmentTree) u.whole();
    Supplier<String> store = storeOf(u, field);
    stores.put(c.getVariable(), store);
    String get = accessors.use(field, Access.GET);
    Supplier<String> receiver = receiver(u);
    String op = source.renderRange(source.end(c.getVariable()), source.start(c.getExpression()))
        .trim();
    String operator = op.substring(0, op.length() - 1); // += is +
    // E1 op= E2 is E1 = (T) ((E1) op (E2)), JLS 15.26.2; the receiver is read twice, so the
    // validator lets only this or a local reach the field here.
    String cast = castType(field.asType());
    source.replace(c, () -> store.get() + "(" + cast + ") (" + get + "(" + receiver.get() + ") "
        + operator + " (" + source.render(c.getExpression()) + ")))");
  }

  private void step(PrivateUses.Use u, Element field) {
    UnaryTree step = (UnaryTree) u.whole();
    boolean prefix = step.getKind() == Tree.Kind.PREFIX_INCREMENT
        || step.getKind() == Tree.Kind.PREFIX_DECREMENT;
    boolean up = step.getKind() == Tree.Kind.PREFIX_INCREMENT
        || step.getKind() == Tree.Kind.POSTFIX_INCREMENT;
    String add = accessors.use(field, prefix ? Access.ADD : Access.GET_AND_ADD);
    Supplier<String> receiver = receiver(u);
    source.replace(step, () -> add + "(" + receiver.get() + (u.isStatic() ? "" : ", ")
        + (up ? "1" : "-1") + ")");
  }

  private Supplier<String> storeOf(PrivateUses.Use u, Element field) {
    String set = accessors.use(field, Access.SET);
    Supplier<String> receiver = receiver(u);
    return () -> set + "(" + receiver.get() + (u.isStatic() ? "" : ", ");
  }

  /** The receiver an instance member is reached through, as text; nothing for a static one. */
  private Supplier<String> receiver(PrivateUses.Use u) {
    if (u.isStatic()) {
      return () -> "";
    }
    if (u.qualifier() != null) {
      ExpressionTree q = u.qualifier();
      return () -> source.render(q);
    }
    return self(u.name());
  }

  /** The template's instance where {@code at} stands: the machine's, or a closure's copy. */
  private Supplier<String> self(Tree at) {
    Closure closure = closureCopies.closureAround(at);
    if (closure != null && closure.captured().contains(SELF)) {
      return () -> closureCopies.copyName(closure, SELF);
    }
    return () -> self;
  }

  /**
   * The primitive type a value assigned to a field of {@code type} is narrowed to, when the
   * assignment may narrow a constant ({@code byte b = 5}), which a method's argument may not;
   * else null.
   */
  private String narrowing(TypeMirror type) {
    TypeKind kind = unboxedKind(type);
    return kind == TypeKind.BYTE || kind == TypeKind.SHORT || kind == TypeKind.CHAR
        ? kind.name().toLowerCase(java.util.Locale.ROOT) : null;
  }

  /** The type a compound assignment casts its result to: a box's primitive, else the type. */
  private String castType(TypeMirror type) {
    TypeKind kind = unboxedKind(type);
    return kind.isPrimitive() ? kind.name().toLowerCase(java.util.Locale.ROOT)
        : typeUtils.erasure(type).toString();
  }

  private TypeKind unboxedKind(TypeMirror type) {
    if (type.getKind().isPrimitive()) {
      return type.getKind();
    }
    try {
      return typeUtils.unboxedType(type).getKind();
    } catch (IllegalArgumentException notABox) {
      return type.getKind();
    }
  }

  // ---- methods and constructors

  private void call(PrivateUses.Use u, BodyScan.PrivateUse use) {
    MethodInvocationTree call = (MethodInvocationTree) u.whole();
    String name = accessorOfAll(use, Access.CALL);
    if (u.isStatic()) {
      source.replace(u.name(), name);
    } else {
      NameEdits.passReceiver(source, call, u.name(), name, receiver(u));
    }
  }

  private void create(NewClassTree n, BodyScan.PrivateUse use) {
    String name = accessorOfAll(use, Access.NEW);
    boolean noArguments = n.getArguments().isEmpty();
    int to = noArguments ? source.end(n) : source.start(n.getArguments().get(0));
    String typeArguments = "";
    if (n.getIdentifier() instanceof ParameterizedTypeTree p && !p.getTypeArguments().isEmpty()) {
      StringBuilder args = new StringBuilder();
      for (Tree arg : p.getTypeArguments()) {
        args.append(args.length() == 0 ? "" : ", ").append(source.render(arg));
      }
      typeArguments = generated + ".<" + args + ">";
    }
    String call = typeArguments + name + "(" + (noArguments ? ")" : "");
    source.replaceRange(source.start(n), to, () -> call);
  }

  private void reference(MemberReferenceTree ref, BodyScan.PrivateUse use) {
    boolean constructor = ref.getName().contentEquals("<init>");
    String name = accessorOfAll(use, constructor ? Access.NEW : Access.CALL);
    ExpressionTree q = ref.getQualifierExpression();
    boolean bound = !constructor && !staticMember(use) && isThis(q);
    if (!bound) {
      // Foo::sm, Foo::m (the receiver its first parameter) and Foo::new take the same
      // parameters as their accessors.
      source.replace(ref, generated + "::" + name);
      return;
    }
    // this::m: the accessor takes the receiver first, which a lambda passes on.
    int arity = ((ExecutableElement) use.element()).getParameters().size();
    StringBuilder params = new StringBuilder();
    for (int i = 0; i < arity; i++) {
      params.append(i == 0 ? "" : ", ").append("arg$").append(i);
    }
    Supplier<String> self = () -> source.render(q);
    source.replace(ref, () -> "(" + params + ") -> " + name + "(" + self.get()
        + (arity == 0 ? "" : ", ") + params + ")");
  }

  private static boolean staticMember(BodyScan.PrivateUse use) {
    return use.members().stream().allMatch(
        m -> m.getModifiers().contains(javax.lang.model.element.Modifier.STATIC));
  }

  private static boolean isThis(ExpressionTree q) {
    return (q instanceof IdentifierTree id && id.getName().contentEquals("this"))
        || (q instanceof MemberSelectTree s && s.getIdentifier().contentEquals("this"));
  }

  /** Records every overload the use may call, which javac chooses among as in the template. */
  private String accessorOfAll(BodyScan.PrivateUse use, Access access) {
    return accessors.useAll(use.members(), access);
  }
}
