package io.jasyncio.processor.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts the states' numbers into the lowering's steps once every state is numbered: while the
 * lowering runs, a step or a value ({@link Step.StateOf}, {@link Step.StateIn}) names a
 * {@link Lowering.Label}'s id: a jump forward does not know its state's number yet.
 */
final class StateNumbers {
  private final List<Lowering.Label> labels;

  /** The numbers of {@code labels}, each numbered by now, indexed by id. */
  StateNumbers(List<Lowering.Label> labels) {
    this.labels = labels;
  }

  /** {@code step} with its labels' ids replaced by the numbers of their states. */
  Step resolve(Step step) {
    if (step instanceof Step.Code c) {
      List<Step> inline = new ArrayList<>();
      c.inline().forEach(s -> inline.add(resolve(s)));
      return new Step.Code(c.text(), c.line(), inline, c.lines());
    }
    if (step instanceof Step.KeepReachable k) {
      return new Step.KeepReachable((Step.Code) resolve(k.code()), k.line());
    }
    if (step instanceof Step.Block b) {
      List<Step> steps = new ArrayList<>();
      b.steps().forEach(s -> steps.add(resolve(s)));
      return new Step.Block(steps, b.braced(), b.line());
    }
    if (step instanceof Step.Suspend s) {
      return new Step.Suspend(resolve(s.awaitable()), number(s.resumeState()), s.where(),
          s.line());
    }
    if (step instanceof Step.Yield y) {
      return new Step.Yield(y.value(), number(y.resumeState()), y.where(), y.line());
    }
    if (step instanceof Step.Assign a) {
      return new Step.Assign(a.target(),
          resolve(a.value()), a.line());
    }
    if (step instanceof Step.Store s) {
      return new Step.Store(s.store(), resolve(s.value()), s.line());
    }
    if (step instanceof Step.Jump j) {
      return new Step.Jump(number(j.state()), j.line());
    }
    if (step instanceof Step.JumpIf j) {
      return new Step.JumpIf(resolve(j.condition()), j.when(), number(j.state()), j.line());
    }
    if (step instanceof Step.Enter e) {
      return new Step.Enter(number(e.state()), e.line());
    }
    if (step instanceof Step.Complete c) {
      return new Step.Complete(resolve(c.value()), c.line());
    }
    if (step instanceof Step.When w) {
      List<Step> steps = new ArrayList<>();
      w.steps().forEach(inner -> steps.add(resolve(inner)));
      return new Step.When(resolve(w.condition()), steps, w.line());
    }
    if (step instanceof Step.Leave x) {
      return new Step.Leave(x.exitField(), x.exit(), x.targetField(),
          x.target() == null ? null : resolve(x.target()), number(x.finallyState()), x.line());
    }
    if (step instanceof Step.Dispatch d) {
      return new Step.Dispatch(resolve(d.selector()), resolve(d.arms()), d.line());
    }
    if (step instanceof Step.SuspendForCase c) {
      return new Step.SuspendForCase(resolve(c.awaitable()), c.awaitableVar(), c.casesField(),
          c.valueVar(), resolve(c.arms()), number(c.resumeState()), c.where(), c.line());
    }
    if (step instanceof Step.JumpToStateIn || step instanceof Step.Close
        || step instanceof Step.Closed || step instanceof Step.JumpToCase
        || step instanceof Step.Declare || step instanceof Step.Evaluate
        || step instanceof Step.Catch || step instanceof Step.Rethrow
        || step instanceof Step.Throw || step instanceof Step.Assert) {
      return step; // no state in them: a chain's code is an expression's, with no jump
    }
    throw new IllegalStateException("unknown step " + step);
  }

  private Step.Value resolve(Step.Value value) {
    if (value instanceof Step.Iterate i) {
      return new Step.Iterate(resolve(i.iterable()));
    }
    if (value instanceof Step.StateOf s) {
      return new Step.StateOf(number(s.state()));
    }
    if (value instanceof Step.StateIn s) {
      return new Step.StateIn(s.field(), s.states().stream().map(this::number).toList());
    }
    if (value instanceof Step.IsNull n) {
      return new Step.IsNull(resolve(n.value()));
    }
    return value;
  }

  private List<Step.Arm> resolve(List<Step.Arm> arms) {
    return arms.stream().map(a -> a.state() == Step.Arm.UNKNOWN ? a
        : new Step.Arm(a.constants(), number(a.state()))).toList();
  }

  private int number(int labelId) {
    return labels.get(labelId).number;
  }

  /** Whether {@code step} goes to {@code label}, or names its state. */
  static boolean refersTo(Step step, Lowering.Label label) {
    if (step instanceof Step.Code c) {
      return c.inline().stream().anyMatch(s -> refersTo(s, label));
    }
    if (step instanceof Step.KeepReachable k) {
      return refersTo(k.code(), label);
    }
    if (step instanceof Step.Block b) {
      return b.steps().stream().anyMatch(s -> refersTo(s, label));
    }
    if (step instanceof Step.Suspend s) {
      return s.resumeState() == label.id || refersTo(s.awaitable(), label);
    }
    if (step instanceof Step.Yield y) {
      return y.resumeState() == label.id;
    }
    if (step instanceof Step.Assign a) {
      return refersTo(a.value(), label);
    }
    if (step instanceof Step.Store s) {
      return refersTo(s.value(), label);
    }
    if (step instanceof Step.Jump j) {
      return j.state() == label.id;
    }
    if (step instanceof Step.JumpIf j) {
      return j.state() == label.id || refersTo(j.condition(), label);
    }
    if (step instanceof Step.Enter e) {
      return e.state() == label.id;
    }
    if (step instanceof Step.Complete c) {
      return refersTo(c.value(), label);
    }
    if (step instanceof Step.When w) {
      return refersTo(w.condition(), label)
          || w.steps().stream().anyMatch(inner -> refersTo(inner, label));
    }
    if (step instanceof Step.Leave x) {
      return x.finallyState() == label.id
          || (x.target() != null && refersTo(x.target(), label));
    }
    if (step instanceof Step.Dispatch d) {
      return refersTo(d.selector(), label)
          || d.arms().stream().anyMatch(a -> a.state() == label.id);
    }
    if (step instanceof Step.SuspendForCase c) {
      return c.resumeState() == label.id || refersTo(c.awaitable(), label)
          || c.arms().stream().anyMatch(a -> a.state() == label.id);
    }
    return false;
  }

  private static boolean refersTo(Step.Value value, Lowering.Label label) {
    if (value instanceof Step.Iterate i) {
      return refersTo(i.iterable(), label);
    }
    if (value instanceof Step.StateOf s) {
      return s.state() == label.id;
    }
    if (value instanceof Step.StateIn s) {
      return s.states().contains(label.id);
    }
    return false;
  }
}
