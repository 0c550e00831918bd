package io.jasyncio.processor.model;

import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import io.jasyncio.processor.model.Lowering.Label;
import io.jasyncio.processor.model.Lowering.Region;
import io.jasyncio.processor.scan.JumpsOut;
import java.util.ArrayList;
import java.util.List;

/**
 * Lowers split try statements: the try block becomes a range of states whose exceptions the
 * machine routes to the catch clauses' states ({@link MethodModel.Handler}), and a finally block
 * (or a resource's close) runs in states of its own, then takes the pending exit that left the
 * try block ({@link Step.Exit}: a throw, a return, a jump, or on).
 */
final class TryLowering {
  /** The lowering this construct's code goes into: its states, labels and jumps. */
  private final Lowering l;
  /** The catch clauses and finally blocks of the split try statements, as met. */
  final List<PendingHandler> handlers = new ArrayList<>();

  TryLowering(Lowering l) {
    this.l = l;
  }

  /**
   * A try statement with catch clauses: the try block becomes a range of states, and the
   * machine's dispatch loop sends an exception thrown while {@code state} is in that range to
   * the state of the first catch clause that matches (inner ranges first). The catch blocks
   * follow, outside the range.
   */
  void lowerTry(TryTree t) {
    l.splitAny = true;
    Label body = l.freshLabel();
    Label end = l.freshLabel();
    Region region = null;
    if (t.getFinallyBlock() != null) {
      region = new Region(l.freshLabel(), l.names.exitFields(t), l.regions.peek());
      reserveExitFields(t, region);
      l.suspensions.assign(region.fields.kind(), new Step.ExitCode(Step.Exit.NORMAL));
    }
    l.start(body, l.source.line(t), "try");
    int first = l.number;
    if (region != null) {
      l.regions.push(region);
    }
    // try (R r = ...) B catch ... finally ... is try { try (R r = ...) B } catch ... finally ...
    lowerResources(t, 0);
    int last = l.number;
    exitTry(region, end);
    for (CatchTree c : t.getCatches()) {
      Label handler = l.freshLabel();
      l.start(handler, l.source.line(c), "catch");
      handlers.add(new PendingHandler(first, last, c, handler, null));
      VariableTree param = c.getParameter();
      l.fragments.put(param, l.number);
      if (l.emit) {
        String type = l.types.catchType(c);
        String field = l.locals.fieldOf(param);
        l.add(new Step.Catch(l.names.caughtField(), type, field, l.locals.localName(param),
            l.sourceLine()));
      }
      l.statement(c.getBlock());
      exitTry(region, end);
    }
    if (region == null) {
      l.start(end, l.source.line(t), "after try");
      return;
    }
    l.regions.pop();
    // Whatever escapes the try and catch blocks runs the finally block first.
    handlers.add(new PendingHandler(first, l.number, null, region.finallyStart, region));
    l.start(region.finallyStart, l.source.line(t.getFinallyBlock()), "finally");
    l.statement(t.getFinallyBlock());
    finallyEnd(region);
    l.start(end, l.source.line(t), "after try");
  }

  /**
   * The resources from the {@code i}-th on, then the try block: each resource is a region of
   * its own whose finally closes it (JLS 14.20.3.1), so they close in reverse order, and a
   * failure to close while an exception is on its way is added to it as suppressed.
   */
  void lowerResources(TryTree t, int i) {
    if (i == t.getResources().size()) {
      l.statement(t.getBlock());
      return;
    }
    Tree resource = t.getResources().get(i);
    String ref;
    if (resource instanceof VariableTree v) {
      l.locals.mustHoist(v);
      l.statement(v); // try (var r = await(open())) ... splits
      ref = l.emit ? l.locals.fieldOf(v) : "";
    } else {
      l.fragments.put(resource, l.number);
      // javac's end of a resource that names a variable takes in the ';' before the next one
      ref = l.emit ? l.source.render(resource).replaceAll("\\s*;\\s*$", "") : "";
    }
    Region region = new Region(l.freshLabel(), l.names.exitFields(resource), l.regions.peek());
    reserveExitFields(t, region);
    l.suspensions.assign(region.fields.kind(), new Step.ExitCode(Step.Exit.NORMAL));
    Label body = l.freshLabel();
    Label end = l.freshLabel();
    l.start(body, l.source.line(resource), "with resource");
    int first = l.number;
    l.regions.push(region);
    lowerResources(t, i + 1);
    l.jump(region.finallyStart);
    l.regions.pop();
    handlers.add(new PendingHandler(first, l.number, null, region.finallyStart, region));
    l.start(region.finallyStart, l.source.line(resource), "close");
    MachineNames.ExitFields f = region.fields;
    if (l.types.closesAsync(resource)) {
      // async with: aclose(failure), Python's __aexit__, is awaited with the exception leaving
      // the block (null if none); what it throws replaces whatever exit was pending. A resource
      // that only implements aclose() keeps Java's rule: its failure is added as suppressed.
      Label afterClose = l.freshLabel();
      l.jumpIf(new Step.IsNull(new Step.Text(ref)), true, afterClose);
      l.suspensions.suspendOn(new Step.CloseAsync(ref, f.kind(), f.thrown()), resource);
      l.add(new Step.Closed(f.kind(), f.thrown(), l.sourceLine()));
      l.start(afterClose, l.source.line(resource), "closed");
      finallyEnd(region);
      l.start(end, l.source.line(resource), "after resource");
      return;
    }
    l.add(new Step.Close(ref, f.kind(), f.thrown(), l.sourceLine()));
    finallyEnd(region);
    l.start(end, l.source.line(resource), "closed");
  }

  /** Leaves a try or catch block normally: through the finally block when there is one. */
  void exitTry(Region region, Label end) {
    l.jump(region == null ? end : region.finallyStart);
  }

  /**
   * Names, before the states are written, the fields a way out of {@code t} through the
   * finally block of {@code region} will need: the waiting return value for a {@code return},
   * the jump's target for a {@code break}, {@code continue} or {@code yield}. The machine
   * declares no field that nothing uses.
   */
  private void reserveExitFields(TryTree t, Region region) {
    for (Tree jump : JumpsOut.from(t)) {
      if (jump instanceof ReturnTree) {
        l.names.returnedField();
      } else {
        l.names.jumpTargetUsed(region.fields);
      }
    }
  }

  /** After a finally block: the pending exit (an exception, a return, a jump), or on. */
  void finallyEnd(Region r) {
    if (l.terminated) {
      return; // the finally block itself left (a return or a throw in it wins, as in Java)
    }
    MachineNames.ExitFields f = r.fields;
    when(new Step.IsExit(f.kind(), Step.Exit.THROW),
        new Step.Rethrow(f.thrown(), l.sourceLine()));
    if (r.returns) {
      when(new Step.IsExit(f.kind(), Step.Exit.RETURN), l.returnFrom(r.outer));
    }
    List<Label> viaOuter = new ArrayList<>();
    r.jumps.forEach((label, leavesOuter) -> {
      if (leavesOuter) {
        viaOuter.add(label);
      }
    });
    List<Step> jump = new ArrayList<>();
    if (!viaOuter.isEmpty()) {
      List<Integer> states = new ArrayList<>();
      viaOuter.forEach(l -> states.add(l.id));
      jump.add(new Step.When(new Step.StateIn(f.target(), states),
          List.of(l.exit(r.outer, Step.Exit.JUMP, new Step.Text(f.target()))), l.sourceLine()));
    }
    if (!r.jumps.isEmpty()) {
      jump.add(new Step.JumpToStateIn(f.target(), l.sourceLine()));
      when(new Step.IsExit(f.kind(), Step.Exit.JUMP), jump.toArray(Step[]::new));
    }
  }

  /** Runs {@code steps} when {@code condition} holds. */
  private void when(Step.Value condition, Step... steps) {
    l.add(new Step.When(condition, List.of(steps), l.sourceLine()));
  }

  /** The catch clauses of split try statements, innermost ranges first. */
  List<MethodModel.Handler> handlers() {
    List<PendingHandler> sorted = new ArrayList<>(handlers);
    // Inner ranges first; of equal ranges, catch clauses before the finally block's catch-all.
    sorted.sort(java.util.Comparator.comparingInt((PendingHandler h) -> h.last() - h.first())
        .thenComparing(h -> h.region() != null));
    List<MethodModel.Handler> out = new ArrayList<>();
    for (PendingHandler h : sorted) {
      List<String> types = new ArrayList<>();
      List<Step> assignments = new ArrayList<>();
      if (h.region() != null) {
        assignments.add(new Step.Assign(h.region().fields.thrown(), new Step.Thrown(), 0));
        assignments.add(new Step.Assign(h.region().fields.kind(),
            new Step.ExitCode(Step.Exit.THROW), 0));
      } else {
        Tree type = h.clause().getParameter().getType();
        if (type instanceof com.sun.source.tree.UnionTypeTree union) {
          union.getTypeAlternatives().forEach(a -> types.add(l.source.render(a)));
        } else {
          types.add(l.source.render(type));
        }
        assignments.add(new Step.Assign(l.names.caughtField(), new Step.Thrown(), 0));
      }
      out.add(new MethodModel.Handler(h.first(), h.last(), types, h.handler().number,
          assignments));
    }
    return out;
  }

  /** A catch clause, or (with a region) the catch-all that runs a finally block. */
  record PendingHandler(int first, int last, CatchTree clause, Label handler,
      Region region) {}
}
