package io.jasyncio.processor.model;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreeScanner;

import io.jasyncio.processor.scan.AssignedLocals;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Models an expression that awaits inside it as a {@link Chain} of continuations, Java's
 * evaluation order kept: what Java evaluates before an await is evaluated before it (held in a
 * {@code var}, so javac types it), the await becomes {@link Chain.AwaitThen}, and the rest of the
 * expression runs in the continuation with the awaited value's name in the await's place.
 * {@code &&}, {@code ||} and {@code ?:} evaluate only the side Java would ({@link Chain.Either}).
 *
 * <p>What is evaluated before an await and cannot change meanwhile is left in place instead of
 * held: literals, {@code this}, lambdas, and locals the expression does not assign (the machine
 * owns its locals; nothing else can change them while it is suspended).
 */
final class ExpressionAwaits {

  /** What the converter asks of the modeler. */
  interface Source {
    int start(Tree t);

    int end(Tree t);

    /**
     * The template's code between two positions, with the modeler's replacements applied and
     * the template line of each of its lines.
     */
    Expr.Code code(int from, int to);

    boolean isAwait(MethodInvocationTree call);

    /** Whether {@code id} names a local or parameter of the method. */
    boolean isLocal(IdentifierTree id);

    /** Whether {@code id} names a field or local (an expression), not a type or package. */
    boolean isVariable(IdentifierTree id);

    /** A name no code of the method uses. */
    String freshName(String base);

    /** What the declarations of the methods a call may invoke say of it. */
    CallSignatures signatures();

    /**
     * The primitive type the local or field {@code e} names ({@code x}, {@code this.x},
     * {@code Foo.x}) unboxes to, when it is declared as a boxed number; else null.
     */
    String unboxedVariableType(ExpressionTree e);
  }

  final Source source;
  private final Set<String> assignedLocals = new java.util.HashSet<>();

  ExpressionAwaits(Source source) {
    this.source = source;
  }

  /**
   * The chain for {@code e}, whose value it hands to {@code end} (which returns the end of the
   * chain, typically a {@link Chain.Result} of the value).
   */
  Chain convert(ExpressionTree e, Function<Expr, Chain> end) {
    AssignedLocals.targetsIn(e).forEach(id -> assignedLocals.add(id.getName().toString()));
    return cps(e, end);
  }

  /** Whether {@code t} holds an await (not inside a lambda or class body). */
  boolean awaitsIn(Tree t) {
    boolean[] found = new boolean[1];
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void p) {
        if (source.isAwait(node)) {
          found[0] = true;
        }
        return super.visitMethodInvocation(node, p);
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree node, Void p) {
        return null;
      }

      @Override
      public Void visitClass(com.sun.source.tree.ClassTree node, Void p) {
        return null;
      }
    }.scan(t, null);
    return found[0];
  }

  private Chain cps(ExpressionTree e, Function<Expr, Chain> k) {
    if (!awaitsIn(e)) {
      return k.apply(text(e, Map.of()));
    }
    if (e instanceof ParenthesizedTree p) {
      return cps(p.getExpression(), v -> k.apply(new Expr.Parens(v)));
    }
    if (e instanceof MethodInvocationTree call && source.isAwait(call)) {
      ExpressionTree awaited = call.getArguments().get(0);
      return cps(awaited, a -> {
        String v = source.freshName("awaited");
        return new Chain.AwaitThen(a, v, k.apply(new Expr.Name(v)));
      });
    }
    if (e instanceof ConditionalExpressionTree c && !awaitsIn(c.getTrueExpression())
        && !awaitsIn(c.getFalseExpression())) {
      // Only the condition awaits: the rest, branches included, runs after it.
      return cps(c.getCondition(), cond -> k.apply(new Expr.Conditional(cond,
          text(c.getTrueExpression(), Map.of()), text(c.getFalseExpression(), Map.of()))));
    }
    if (e instanceof ConditionalExpressionTree c) {
      return cps(c.getCondition(), condition -> bind(condition, cond -> either(cond, c, k)));
    }
    if (e.getKind() == Tree.Kind.CONDITIONAL_AND || e.getKind() == Tree.Kind.CONDITIONAL_OR) {
      BinaryTree b = (BinaryTree) e;
      boolean and = e.getKind() == Tree.Kind.CONDITIONAL_AND;
      if (!awaitsIn(b.getRightOperand())) {
        return cps(b.getLeftOperand(), left -> k.apply(new Expr.Binary(left, and ? "&&" : "||",
            text(b.getRightOperand(), Map.of()))));
      }
      return cps(b.getLeftOperand(), leftValue -> bind(leftValue, left -> {
        String x = source.freshName("taken");
        Chain rest = chainOf(b.getRightOperand());
        Chain whenTrue = and ? rest : new Chain.Result(new Expr.Bool(true));
        Chain whenFalse = and ? new Chain.Result(new Expr.Bool(false)) : rest;
        String y = source.freshName("other");
        // Both are Booleans; Java unboxes the right operand (a null throws) as && does.
        Chain after = k.apply(new Expr.Conditional(left, new Expr.Unboxed(x),
            new Expr.Unboxed(y)));
        return new Chain.Either(left, whenTrue, whenFalse, x, y, after);
      }));
    }
    if (e instanceof CompoundAssignmentTree c && awaitsIn(c.getExpression())) {
      return compound(c, k);
    }
    if (e instanceof SwitchExpressionTree sx) {
      return cps(unwrap(sx.getExpression()),
          selector -> new SwitchChains(this).switchExpression(sx, selector, k));
    }
    List<ExpressionTree> operands = operands(e);
    return sequence(e, operands, 0, new IdentityHashMap<>(), false,
        subs -> k.apply(text(e, subs)));
  }

  /**
   * {@code x op= E} where {@code E} awaits, as javac runs it (JLS 15.26.2): the target's array
   * and index, or object, evaluated and held; the target read now (a null array or object and
   * an index out of range throw here, a boxed value is unboxed here, a null throwing), then
   * {@code E}; {@code op=} applied to a copy of the value read, so it narrows as Java's does,
   * and the copy stored into the target. The value handed on is that store, where the
   * assignment stood.
   */
  private Chain compound(CompoundAssignmentTree c, Function<Expr, Chain> k) {
    ExpressionTree target = unwrap(c.getVariable());
    List<ExpressionTree> parts = new ArrayList<>();
    targetParts(target, parts);
    String op = source.code(source.end(c.getVariable()), source.start(c.getExpression()))
        .java().trim();
    return sequence(c, parts, 0, new IdentityHashMap<>(), true, subs -> {
      Expr place = text(target, subs);
      String read = source.freshName("held");
      return new Chain.Let(null, read, new Expr.Unboxing(place), cps(c.getExpression(), x -> {
        String updated = source.freshName("updated");
        return new Chain.Let(null, updated, new Expr.Name(read),
            new Chain.Evaluate(new Expr.Assignment(new Expr.Name(updated), op, x),
                k.apply(new Expr.Assignment(place, "=", new Expr.Name(updated)))));
      }));
    });
  }

  /**
   * The condition {@code value} under a name, held in a {@code boolean} unless it is one: it is
   * used twice. Java unboxes a Boolean condition before either branch, as this does.
   */
  private Chain bind(Expr value, Function<Expr, Chain> body) {
    if (value.simpleName() != null) {
      return body.apply(value);
    }
    String name = source.freshName("condition");
    return new Chain.Let("boolean", name, value, body.apply(new Expr.Name(name)));
  }

  /**
   * {@code cond ? t : f} where a branch awaits: the branch taken runs as a chain of its own,
   * and the rest sees {@code cond ? x' : y'}, where each awaited branch is an expression of the
   * type and kind its source had, so Java types the conditional as it typed the source (JLS
   * 15.25 looks at the operands' forms). A branch that does not await stays in place, evaluated
   * there only if taken.
   */
  private Chain either(Expr cond, ConditionalExpressionTree c, Function<Expr, Chain> k) {
    ExpressionTree t = c.getTrueExpression();
    ExpressionTree f = c.getFalseExpression();
    String x = source.freshName("taken");
    String y = source.freshName("other");
    boolean tAwaits = awaitsIn(t);
    boolean fAwaits = awaitsIn(f);
    Chain whenTrue = tAwaits ? branchChain(t) : Chain.none();
    Chain whenFalse = fAwaits ? branchChain(f) : Chain.none();
    Expr trueValue = tAwaits ? branchValue(t, x) : text(t, Map.of());
    Expr falseValue = fAwaits ? branchValue(f, y) : text(f, Map.of());
    Chain after = k.apply(new Expr.Conditional(cond, trueValue, falseValue));
    return new Chain.Either(cond, whenTrue, whenFalse, x, y, after);
  }

  /**
   * The chain of an awaiting branch of {@code ?:}. The lambda parameter that receives its value
   * would be a boxed variable, which Java types otherwise: {@code flag ? x : y} with an Integer
   * and a Double is a numeric conditional, {@code flag ? await(a()) : await(b())} is not. So an
   * await (or a nested {@code ?:} over one, already put back together) hands its value on as
   * is, to become {@code Step.value(x)}, a generic call as {@code await} is; any other branch
   * hands on {@code Step.kept(value)}, whose overloads keep its static type, primitive or not,
   * for {@code x.get()}.
   */
  Chain branchChain(ExpressionTree branch) {
    if (handsOnAsIs(branch) || isStringConcatenation(branch)) {
      return chainOf(branch);
    }
    return cps(branch, v -> new Chain.Result(new Expr.Kept(v)));
  }

  /** The branch's value in the conditional put back together; see {@link #branchChain}. */
  Expr branchValue(ExpressionTree branch, String parameter) {
    if (isStringConcatenation(branch)) {
      return new Expr.Name(parameter); // a String, typed alike whatever its form
    }
    return handsOnAsIs(branch) ? new Expr.ValueOf(parameter) : new Expr.KeptValue(parameter);
  }

  /** Whether {@code e} is a {@code +} with a string literal on its left-hand chain or right. */
  private static boolean isStringConcatenation(ExpressionTree e) {
    while (e instanceof ParenthesizedTree p) {
      e = p.getExpression();
    }
    if (e.getKind() != Tree.Kind.PLUS) {
      return false;
    }
    BinaryTree b = (BinaryTree) e;
    return b.getRightOperand().getKind() == Tree.Kind.STRING_LITERAL
        || b.getLeftOperand().getKind() == Tree.Kind.STRING_LITERAL
        || isStringConcatenation(b.getLeftOperand());
  }

  /**
   * Whether {@code branch} is an await, or a {@code ?:} with such a branch: a reference
   * conditional, which {@code Step.kept}'s overloads could convert to a primitive. Another
   * {@code ?:} is numeric or boolean, or has a branch no primitive takes, and is kept.
   *
   * <p>Limitation: a branch that calls a generic method around the await
   * ({@code c ? foo(await(a())) : 5} with {@code <T> T foo(T)}) comes back as {@code x.get()},
   * which Java counts numeric where the call was not; telling them apart needs the method's
   * declared return type, which only attribution gives.
   */
  private boolean handsOnAsIs(ExpressionTree branch) {
    ExpressionTree e = branch;
    while (e instanceof ParenthesizedTree p) {
      e = p.getExpression();
    }
    if (e instanceof ConditionalExpressionTree c) {
      return handsOnAsIs(c.getTrueExpression()) || handsOnAsIs(c.getFalseExpression());
    }
    // A call of a method that returns its own type variable is no numeric operand either.
    return e instanceof MethodInvocationTree call
        && (source.isAwait(call) || source.signatures().returnsOwnTypeVariable(call));
  }

  /** A chain that evaluates {@code e} and finishes with its value. */
  private Chain chainOf(ExpressionTree e) {
    return cps(e, Chain.Result::new);
  }

  /**
   * Evaluates {@code ops} from the {@code i}-th on, in order: one that awaits is chained, one
   * evaluated before a later await ({@code awaitAfter}: one after them all) is held in a
   * {@code var} unless it cannot change meanwhile; an array index is held as the {@code int}
   * it is promoted to, so a null index throws where Java unboxes it.
   */
  private Chain sequence(ExpressionTree whole, List<ExpressionTree> ops, int i,
      Map<Tree, Expr> subs, boolean awaitAfter, Function<Map<Tree, Expr>, Chain> k) {
    if (i == ops.size()) {
      return k.apply(subs);
    }
    ExpressionTree op = ops.get(i);
    boolean index = isIndex(whole, op);
    boolean awaitLater = awaitAfter;
    for (int j = i + 1; j < ops.size(); j++) {
      awaitLater |= awaitsIn(ops.get(j));
    }
    if (awaitLater && unwrap(op) instanceof NewArrayTree inner && inner.getType() == null) {
      // A nested initializer ({1, f()}, or {await(x), 2}) is no expression a local can hold:
      // its elements are held instead, in order, and it is written in place around them.
      List<ExpressionTree> flat = new ArrayList<>(ops.subList(0, i));
      flat.addAll(inner.getInitializers());
      flat.addAll(ops.subList(i + 1, ops.size()));
      return sequence(whole, flat, i, subs, awaitAfter, k);
    }
    if (awaitsIn(op)) {
      boolean holdValue = awaitLater;
      String unboxed = awaitLater ? unboxedBeforeRight(whole, op) : null;
      boolean unboxNow = unboxed != null;
      return cps(op, v -> {
        Map<Tree, Expr> more = new IdentityHashMap<>(subs);
        if (!holdValue || (v.simpleName() != null && !unboxNow && !index)) {
          more.put(op, v);
          return sequence(whole, ops, i + 1, more, awaitAfter, k);
        }
        // The operand's value is more than a name (a call on the awaited value): Java computes
        // it before the later operands, so it is held now, not written into the final text.
        // A boxed left operand is unboxed before the right one runs: a null throws there.
        String held = source.freshName("held");
        more.put(op, new Expr.Name(held));
        if (unboxNow) {
          // Unboxed into a primitive local when its type is known, else checked for null.
          return new Chain.Let(unboxed.isEmpty() ? null : unboxed, held,
              unboxed.isEmpty() ? new Expr.NonNull(v) : v,
              sequence(whole, ops, i + 1, more, awaitAfter, k));
        }
        return new Chain.Let(index ? "int" : heldType(whole, op), held, v,
            sequence(whole, ops, i + 1, more, awaitAfter, k));
      });
    }
    // An index other than a literal is held even when it cannot change: a boxed one is
    // unboxed (a null throwing) where Java evaluates it, before the later await; so is a
    // boxed left operand of an operator that unboxes it.
    String unboxed = !awaitLater || index ? null : unboxedOperandBeforeRight(whole, op);
    if (!awaitLater
        || (stable(op) && unboxed == null && (!index || unwrap(op) instanceof LiteralTree))) {
      return sequence(whole, ops, i + 1, subs, awaitAfter, k);
    }
    Map<Tree, Expr> more = new IdentityHashMap<>(subs);
    String held = source.freshName("held");
    if (unwrap(op) instanceof MemberReferenceTree ref) {
      // A bound reference evaluates its receiver now, and throws if it is null; the reference
      // itself is made where it stands, on the held receiver.
      more.put(ref.getQualifierExpression(), new Expr.Name(held));
      return new Chain.Let(null, held,
          new Expr.NonNull(text(ref.getQualifierExpression(), Map.of())),
          sequence(whole, ops, i + 1, more, awaitAfter, k));
    }
    more.put(op, new Expr.Name(held));
    return new Chain.Let(index ? "int" : unboxed != null ? unboxed : heldType(whole, op), held,
        text(op, Map.of()), sequence(whole, ops, i + 1, more, awaitAfter, k));
  }

  /**
   * The primitive type {@code op}, the left operand of {@code whole} and a call, local or field
   * of a boxed number, is unboxed to before the right operand runs (a null one throws there,
   * as in Java): when the operator unboxes its operands, or is a {@code +} whose right operand
   * is surely a number; else null.
   */
  private String unboxedOperandBeforeRight(ExpressionTree whole, ExpressionTree op) {
    if (!(whole instanceof BinaryTree b) || b.getLeftOperand() != op) {
      return null;
    }
    ExpressionTree shape = unwrap(op);
    String type = shape instanceof MethodInvocationTree call
        ? (source.isAwait(call) ? null : source.signatures().unboxedReturnType(call))
        : shape instanceof IdentifierTree || shape instanceof MemberSelectTree
            ? source.unboxedVariableType(shape) : null;
    if (type == null || type.equals("boolean")) {
      return null;
    }
    if (whole.getKind() == Tree.Kind.PLUS) {
      return surelyNumber(b.getRightOperand()) ? type : null;
    }
    return UNBOXING.contains(whole.getKind()) ? type : null;
  }

  /** Whether {@code e} is a number whatever its operands: a cast to a number, or an await of one. */
  private boolean surelyNumber(ExpressionTree e) {
    ExpressionTree u = unwrap(e);
    if (u instanceof TypeCastTree cast
        && cast.getType() instanceof com.sun.source.tree.PrimitiveTypeTree p) {
      return p.getPrimitiveTypeKind() != javax.lang.model.type.TypeKind.BOOLEAN;
    }
    return awaitsNumber(e);
  }

  /** Whether {@code op} is the index of {@code whole}, an array access or an assignment to one. */
  private static boolean isIndex(ExpressionTree whole, ExpressionTree op) {
    ExpressionTree access = whole;
    if (whole instanceof AssignmentTree a) {
      access = unwrap(a.getVariable());
    } else if (whole instanceof CompoundAssignmentTree c) {
      access = unwrap(c.getVariable());
    }
    return access instanceof ArrayAccessTree a && a.getIndex() == op;
  }

  /**
   * The type a held operand {@code op} of {@code whole} is declared with: null ({@code var}) for
   * one javac types alone as it types it in place; for a call, a {@code new} or a {@code ?:}
   * passed as an argument (typed by the parameter it is passed to), the parameter's type when
   * the method is known and that type needs no inference.
   */
  private String heldType(ExpressionTree whole, ExpressionTree op) {
    Tree shape = unwrap(op);
    boolean poly = shape instanceof MethodInvocationTree || shape instanceof NewClassTree
        || shape instanceof ConditionalExpressionTree
        || shape.getKind() == Tree.Kind.SWITCH_EXPRESSION;
    List<? extends ExpressionTree> arguments = whole instanceof MethodInvocationTree m
        ? m.getArguments() : whole instanceof NewClassTree n ? n.getArguments() : List.of();
    for (int i = 0; poly && i < arguments.size(); i++) {
      if (arguments.get(i) == op) {
        return source.signatures().parameterType(whole, i);
      }
    }
    return null;
  }

  /** The operators that unbox both operands, whatever their types. */
  private static final Set<Tree.Kind> UNBOXING = java.util.EnumSet.of(Tree.Kind.MINUS,
      Tree.Kind.MULTIPLY, Tree.Kind.DIVIDE, Tree.Kind.REMAINDER, Tree.Kind.LEFT_SHIFT,
      Tree.Kind.RIGHT_SHIFT, Tree.Kind.UNSIGNED_RIGHT_SHIFT, Tree.Kind.LESS_THAN,
      Tree.Kind.LESS_THAN_EQUAL, Tree.Kind.GREATER_THAN, Tree.Kind.GREATER_THAN_EQUAL,
      Tree.Kind.AND, Tree.Kind.OR, Tree.Kind.XOR);

  /**
   * Whether {@code op}, an await and the left operand of {@code whole}, is unboxed as soon as
   * it is there (javac unboxes a left operand before it evaluates the right one): an await's
   * value is a reference, so an operator that unboxes its operands unboxes it, and {@code +}
   * does when the awaited coroutine's type is a boxed number. The primitive type it unboxes
   * to, {@code ""} when that is not known, or null when it is not unboxed.
   */
  private String unboxedBeforeRight(ExpressionTree whole, ExpressionTree op) {
    if (!(whole instanceof BinaryTree b) || b.getLeftOperand() != op
        || !(unwrap(op) instanceof MethodInvocationTree call) || !source.isAwait(call)
        || call.getArguments().size() != 1) {
      return null;
    }
    String type = source.signatures().unboxedAwaitType(call.getArguments().get(0));
    if (whole.getKind() == Tree.Kind.PLUS) {
      // + adds only when the right operand is a number too; with a String it concatenates,
      // and a null left operand prints "null". Known here: an await of a boxed number.
      return type != null && !type.equals("boolean") && awaitsNumber(b.getRightOperand())
          ? type : null;
    }
    return UNBOXING.contains(whole.getKind()) ? (type == null ? "" : type) : null;
  }

  /** Whether {@code e} is an await of a coroutine of a boxed number (not a Boolean). */
  private boolean awaitsNumber(ExpressionTree e) {
    if (!(unwrap(e) instanceof MethodInvocationTree call) || !source.isAwait(call)
        || call.getArguments().size() != 1) {
      return false;
    }
    String type = source.signatures().unboxedAwaitType(call.getArguments().get(0));
    return type != null && !type.equals("boolean");
  }

  private static ExpressionTree unwrap(ExpressionTree e) {
    while (e instanceof ParenthesizedTree p) {
      e = p.getExpression();
    }
    return e;
  }

  /** What Java evaluates, in order, to compute {@code e} once its operands are there. */
  private List<ExpressionTree> operands(ExpressionTree e) {
    List<ExpressionTree> out = new ArrayList<>();
    if (e instanceof MethodInvocationTree call) {
      if (call.getMethodSelect() instanceof MemberSelectTree select
          && isExpression(select.getExpression())) {
        out.add(select.getExpression());
      }
      out.addAll(call.getArguments());
    } else if (e instanceof NewClassTree n) {
      if (n.getEnclosingExpression() != null) {
        out.add(n.getEnclosingExpression());
      }
      out.addAll(n.getArguments());
    } else if (e instanceof BinaryTree b) {
      out.add(b.getLeftOperand());
      out.add(b.getRightOperand());
    } else if (e instanceof UnaryTree u) {
      out.add(u.getExpression());
    } else if (e instanceof TypeCastTree c) {
      out.add(c.getExpression());
    } else if (e instanceof InstanceOfTree i) {
      out.add(i.getExpression());
    } else if (e instanceof MemberSelectTree m) {
      out.add(m.getExpression());
    } else if (e instanceof ArrayAccessTree a) {
      out.add(a.getExpression());
      out.add(a.getIndex());
    } else if (e instanceof NewArrayTree n) {
      out.addAll(n.getDimensions());
      if (n.getInitializers() != null) {
        out.addAll(n.getInitializers());
      }
    } else if (e instanceof AssignmentTree a) {
      targetParts(unwrap(a.getVariable()), out);
      out.add(a.getExpression());
    } else if (e instanceof CompoundAssignmentTree c) {
      // Only the target's parts await (the right side would go to compound): it stays whole.
      targetParts(unwrap(c.getVariable()), out);
    } else {
      throw new IllegalStateException("no operands for " + e.getKind());
    }
    return out;
  }

  /** The parts of an assignment's target Java evaluates before its right side. */
  private void targetParts(ExpressionTree target, List<ExpressionTree> out) {
    if (target instanceof ArrayAccessTree a) {
      out.add(a.getExpression());
      out.add(a.getIndex());
    } else if (target instanceof MemberSelectTree m && isExpression(m.getExpression())) {
      out.add(m.getExpression());
    }
  }

  /** Whether {@code e} computes a value, rather than naming a type or package. */
  private boolean isExpression(ExpressionTree e) {
    if (e instanceof IdentifierTree id) {
      return id.getName().contentEquals("this") || source.isVariable(id);
    }
    if (e instanceof MemberSelectTree m) {
      return isExpression(m.getExpression());
    }
    return true;
  }

  /** Whether reading {@code e} later gives what reading it now would. */
  private boolean stable(ExpressionTree e) {
    if (e instanceof LiteralTree || e instanceof LambdaExpressionTree) {
      return true;
    }
    if (e instanceof MemberReferenceTree ref) {
      return !isExpression(ref.getQualifierExpression())
          || stable(ref.getQualifierExpression());
    }
    if (e instanceof ParenthesizedTree p) {
      return stable(p.getExpression());
    }
    if (e instanceof IdentifierTree id) {
      return id.getName().contentEquals("this")
          || (source.isLocal(id) && !assignedLocals.contains(id.getName().toString()))
          || !isExpression(id);
    }
    if (e instanceof MemberSelectTree m) {
      return !isExpression(m) || m.getIdentifier().contentEquals("class");
    }
    return false;
  }

  /** {@code e}'s code with {@code subs} laid over the subtrees they name. */
  Expr text(Tree e, Map<Tree, Expr> subs) {
    if (subs.isEmpty()) {
      return source.code(source.start(e), source.end(e));
    }
    List<Map.Entry<Tree, Expr>> inside = new ArrayList<>(subs.entrySet());
    inside.sort(Comparator.comparingInt(s -> source.start(s.getKey())));
    List<Expr> parts = new ArrayList<>();
    int at = source.start(e);
    for (Map.Entry<Tree, Expr> s : inside) {
      parts.add(source.code(at, source.start(s.getKey())));
      parts.add(s.getValue());
      at = source.end(s.getKey());
    }
    parts.add(source.code(at, source.end(e)));
    return new Expr.Spliced(parts);
  }
}
