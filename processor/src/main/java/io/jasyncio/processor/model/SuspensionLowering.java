package io.jasyncio.processor.model;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import io.jasyncio.processor.model.Lowering.Label;
import java.util.List;
import javax.lang.model.type.TypeKind;

/**
 * Lowers the statements that suspend: an await or a yield as a statement, the value of a local
 * or of an assignment, or {@code return other;}; and a statement whose expression awaits inside
 * it, which runs as a chain of continuations the machine awaits.
 */
final class SuspensionLowering {
  /** The lowering this construct's code goes into: its states, labels and jumps. */
  private final Lowering l;

  SuspensionLowering(Lowering l) {
    this.l = l;
  }

  /** A statement form holding an await, or {@code return other;}: suspends, then resumes. */
  void suspendingForm(StatementTree s) {
    MethodInvocationTree await = l.forms.awaitIn(s);
    if (s instanceof ReturnTree ret) {
      suspend(await != null ? await.getArguments().get(0) : ret.getExpression(), s);
      l.fragments.put(s, l.number);
      l.emitReturn(resumed(Step.Source.AWAIT, TypeKind.NONE));
      l.terminated = true;
      return;
    }
    Step.Source family = suspendAt(await, s);
    l.fragments.put(s, l.number);
    if (!l.emit) {
      return;
    }
    if (s instanceof VariableTree v) {
      Step.Value value = resumed(family, l.types.kindOfLocal(v));
      String field = l.locals.fieldOf(v);
      if (field != null) {
        assign(field, value);
      } else {
        String mods = v.getModifiers().getFlags().contains(javax.lang.model.element.Modifier.FINAL)
            ? "final " : "";
        assign(mods + l.types.declaredType(v) + " " + l.locals.localName(v), value);
      }
    } else {
      ExpressionTree e = ((ExpressionStatementTree) s).getExpression();
      if (e instanceof AssignmentTree a) {
        l.copies(a.getVariable());
        String store = l.forms.privateStore(a.getVariable());
        if (store != null) {
          l.add(new Step.Store(store, resumed(family, l.types.kindOfTarget(a)), l.sourceLine()));
          return;
        }
        assign(l.source.render(a.getVariable()), resumed(family, l.types.kindOfTarget(a)));
      } else {
        assign(null, resumed(family, TypeKind.NONE));
      }
    }
  }

  /** The value the machine resumed with, read for a target of {@code kind}. */
  static Step.Value resumed(Step.Source source, TypeKind kind) {
    return new Step.Resumed(source, kind);
  }

  /** Stores {@code value} in {@code target}, or evaluates it when {@code target} is null. */
  void assign(String target, Step.Value value) {
    l.add(new Step.Assign(target, value, l.sourceLine()));
  }

  /** Declares or sets the local or field {@code v} to {@code value}. */
  void assignLocal(VariableTree v, Step.Value value) {
    String field = l.locals.fieldOf(v);
    assign(field != null ? field : l.types.declaredType(v) + " " + l.locals.localName(v), value);
  }

  /**
   * Suspends at {@code call}, an await or a {@code Generator.yield}, and returns where the
   * value it resumes with comes from: the awaitable, or the consumer of the generator.
   */
  Step.Source suspendAt(MethodInvocationTree call, Tree statement) {
    if (!l.forms.isYield(call)) {
      suspend(call.getArguments().get(0), statement);
      return Step.Source.AWAIT;
    }
    ExpressionTree value = call.getArguments().isEmpty() ? null : call.getArguments().get(0);
    if (value != null) {
      l.fragments.put(value, l.number);
    }
    Label resume = l.freshLabel();
    int line = l.source.line(statement);
    if (value != null) {
      l.copies(value);
    }
    if (l.emit) {
      l.add(new Step.Yield(value == null ? new Step.Text("null") : l.text(value), resume.id,
          l.forms.fileName() + ":" + line, l.sourceLine()));
    }
    l.stateSet = true; // the yield set it
    l.start(resume, line, "resumed");
    return Step.Source.SEND;
  }

  /**
   * A statement whose expression awaits inside it: the expression runs as a chain of
   * continuations the machine awaits, and the statement's own work (declaring the local,
   * returning) follows with the chain's value.
   */
  void expressionStatement(StatementTree s) {
    l.fragments.put(s, l.number);
    if (s instanceof VariableTree v) {
      // A declared reference type is the value's target type, as in the template.
      boolean typed = l.emit && !l.types.sourceType(v).equals("var")
          && !l.types.kindOfLocal(v).isPrimitive();
      String type = typed ? l.types.sourceType(v) : null;
      suspendOnChain(v.getInitializer(), s, x -> typedResult(type, x));
      // The local is declared where the chain's value arrives: it shares that state's scope
      // with the code after it, so a name clash there is seen (and the local renamed).
      l.fragments.put(s, l.number);
      if (l.emit) {
        assignLocal(v, resumed(Step.Source.AWAIT, l.types.kindOfLocal(v)));
      }
      return;
    }
    if (s instanceof ReturnTree r) {
      ExpressionTree value = ((MethodInvocationTree) r.getExpression()).getArguments().get(0);
      String type = l.emit ? l.forms.resultType() : null;
      suspendOnChain(value, s, x -> typedResult(type, x));
      l.emitReturn(resumed(Step.Source.AWAIT, TypeKind.NONE));
      l.terminated = true;
      return;
    }
    if (s instanceof com.sun.source.tree.ThrowTree t) {
      suspendOnChain(t.getExpression(), s, Chain.Result::new);
      l.add(new Step.Throw(resumed(Step.Source.AWAIT, TypeKind.NONE), l.sourceLine()));
      l.terminated = true;
      return;
    }
    ExpressionTree e = ((ExpressionStatementTree) s).getExpression();
    if (e instanceof com.sun.source.tree.CompoundAssignmentTree c
        && l.forms.isPrivateField(c.getVariable())) {
      // f op= E on a private field: f is read through its accessor before E, and stored
      // through it after, narrowed as Java's op= does, on a copy of f's type.
      l.locals.hoistLocalsIn(c.getVariable());
      l.copies(c.getVariable()); // the target is written again in the chain, after these
      Expr target = new Expr.Code(l.emit ? l.source.render(c.getVariable()) : "");
      String op = l.emit ? l.source.renderRange(l.source.end(c.getVariable()),
          l.source.start(c.getExpression())).trim() : "";
      String held = l.emit ? l.names.uniqueName("held") : "";
      String updated = l.emit ? l.names.uniqueName("updated") : "";
      l.add(new Step.Declare(null, held, target, l.sourceLine()));
      suspendOnChain(c.getExpression(), s, x -> new Chain.Let(null, updated, new Expr.Name(held),
          new Chain.Evaluate(new Expr.Assignment(new Expr.Name(updated), op, x),
              new Chain.Evaluate(store(c.getVariable(), target, updated), Chain.none()))));
      assign(null, resumed(Step.Source.AWAIT, TypeKind.NONE));
      return;
    }
    if (e instanceof AssignmentTree a && l.forms.isPrivateField(a.getVariable())) {
      // A private field is stored through its accessor, once the value is there.
      String store = l.emit ? l.forms.privateStore(a.getVariable()) : "";
      suspendOnChain(a.getExpression(), s, x -> new Chain.Evaluate(new Expr.Spliced(
          List.of(new Expr.Code(store), x, new Expr.Code(")"))), Chain.none()));
      assign(null, resumed(Step.Source.AWAIT, TypeKind.NONE));
      return;
    }
    // The statement's value is dropped: an await as the whole statement hands on only a name,
    // which is no statement; anything else (a call) is evaluated for its effect.
    suspendOnChain(e, s, x -> x.simpleName() != null ? Chain.none()
        : new Chain.Evaluate(x, Chain.none()));
    assign(null, resumed(Step.Source.AWAIT, TypeKind.NONE));
  }

  /** {@code target = name}, or the store into it when it is a private field of the template. */
  private Expr store(ExpressionTree variable, Expr target, String name) {
    String store = l.emit ? l.forms.privateStore(variable) : null;
    return store != null ? new Expr.Code(store + name + ")")
        : new Expr.Assignment(target, "=", new Expr.Name(name));
  }

  /**
   * {@code assert cond : detail;} where either awaits: when assertions are on for the
   * template's class, the condition (a chain when it awaits), then, when it is false, the
   * detail, and the failure thrown.
   */
  void lowerAssert(com.sun.source.tree.AssertTree a) {
    l.splitAny = true;
    l.fragments.put(a, l.number);
    Label end = l.freshLabel();
    l.jumpIf(new Step.AssertionsEnabled(l.emit ? l.forms.assertionClass() : ""), false, end);
    l.jumpIf(value(a.getCondition(), a, TypeKind.BOOLEAN), true, end);
    Step.Value detail = a.getDetail() == null ? null
        : value(a.getDetail(), a, TypeKind.NONE);
    l.add(new Step.Throw(new Step.AssertionFailure(detail), l.sourceLine()));
    l.terminated = true;
    l.start(end, l.source.line(a), "after assert");
  }

  /** The value of {@code e}: its chain's, read as {@code kind}, when it awaits, else its code. */
  private Step.Value value(ExpressionTree e, Tree owner, TypeKind kind) {
    if (l.forms.suspendsIn(e)) {
      suspendOnChain(e, owner, Chain.Result::new);
      return resumed(Step.Source.AWAIT, kind);
    }
    l.fragments.put(e, l.number);
    l.copies(e);
    return l.emit ? l.text(e) : new Step.Text("");
  }

  /** The end of a chain whose value has {@code type} as its target type (none when null). */
  Chain typedResult(String type, Expr value) {
    if (type == null) {
      return new Chain.Result(value);
    }
    String name = l.names.uniqueName("value");
    return new Chain.Let(type, name, value, new Chain.Result(new Expr.Name(name)));
  }

  /** Suspends on the chain of continuations for {@code e}, which ends with {@code end}. */
  void suspendOnChain(ExpressionTree e, Tree owner,
      java.util.function.Function<Expr, Chain> end) {
    suspendOn(chainValue(e, end), owner);
  }

  /**
   * The chain of continuations for {@code e}, which ends with {@code end}, as the awaitable to
   * suspend on; what runs before its first await is emitted into this state.
   */
  Step.Value chainValue(ExpressionTree e, java.util.function.Function<Expr, Chain> end) {
    l.locals.hoistLocalsIn(e);
    l.fragments.put(e, l.number);
    if (!l.emit) {
      return new Step.Text("");
    }
    l.forms.copiesBefore(e, true).forEach(l::emit);
    Chain chain = l.forms.chain(e, end);
    // What runs before the first await runs in this state, not in a continuation.
    while (chain instanceof Chain.Let || chain instanceof Chain.Evaluate) {
      if (chain instanceof Chain.Let let) {
        l.add(new Step.Declare(let.type(), let.name(), let.value(), l.sourceLine()));
        chain = let.rest();
      } else {
        Chain.Evaluate run = (Chain.Evaluate) chain;
        l.add(new Step.Evaluate(run.statement(), l.sourceLine()));
        chain = run.rest();
      }
    }
    return new Step.Chained(chain);
  }

  /** Suspends on {@code awaitable}, written by the lowering itself. */
  void suspendOn(Step.Value awaitable, Tree statement) {
    Label resume = l.freshLabel();
    int line = l.source.line(statement);
    l.add(new Step.Suspend(awaitable, resume.id, l.forms.fileName() + ":" + line,
        l.sourceLine()));
    l.stateSet = true; // suspending set it
    l.start(resume, line, "resumed");
  }

  void suspend(ExpressionTree awaitable, Tree statement) {
    l.fragments.put(awaitable, l.number);
    Label resume = l.freshLabel();
    int line = l.source.line(statement);
    l.copies(awaitable);
    if (l.emit) {
      l.add(new Step.Suspend(l.text(awaitable), resume.id,
          l.forms.fileName() + ":" + line, l.sourceLine()));
    }
    l.stateSet = true; // suspending set it
    l.start(resume, line, "resumed");
  }
}
