package io.jasyncio.processor.model;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import io.jasyncio.processor.Diagnostic;
import io.jasyncio.processor.Messages;
import io.jasyncio.processor.scan.BodyScan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The template's lambdas and classes that read what the machine keeps in fields (a parameter, a
 * hoisted local, the template's instance), and the local copies they read instead: each copy is
 * taken where the template's closure would have captured the value, so the closure captures what
 * javac would have captured, not the machine.
 */
final class ClosureCopies extends MethodFacts {
  /** What a closure reads of the template's instance ({@code this}, a field, a method). */
  static final Object SELF = new Object() {
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
  record Closure(Tree tree, int start, int end, Set<Object> captured) {}

  /** The template's lambdas and classes that read what the machine keeps in fields. */
  private final List<Closure> closures = new ArrayList<>();
  /** The copies each closure reads instead of fields, by what they copy (see Closure). */
  private final Map<Tree, Map<Object, String>> copies = new java.util.IdentityHashMap<>();
  /** The code units whose closures were given copies, once at least. */
  private final Set<Tree> copiedUnits =
      java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
  private final HoistedLocals hoisting;
  private final MachineNames machineNames;

  ClosureCopies(MethodFacts facts, HoistedLocals hoisting, MachineNames machineNames) {
    super(facts);
    this.hoisting = hoisting;
    this.machineNames = machineNames;
  }

  /**
   * The template's lambdas, anonymous and local classes (those not inside another one) that
   * read a parameter or hoisted local, or the template's instance: in the machine, each name
   * would read a field of the machine, so the closure would capture the machine itself, and
   * read the field when it runs rather than the value the variable had when it was created.
   */
  void findClosures() {
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
          if (at >= from && at < to && hoisting.isField(ref.local())) {
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

  /**
   * Whether {@code ref} names an instance member of the template by its simple name, which in
   * the machine reaches the template's instance through the machine.
   */
  boolean readsInstance(BodyScan.MemberRef ref) {
    return !isStatic && !ref.caseLabel() && ref.found().scope().equals(type)
        && ref.found().members().stream()
            .noneMatch(m -> m.getModifiers().contains(Modifier.STATIC));
  }

  /** The closure whose captured names include the one at {@code t}, or null. */
  Closure closureAround(Tree t) {
    int at = source.start(t);
    for (Closure c : closures) {
      if (at >= c.start() && at < c.end()) {
        return c;
      }
    }
    return null;
  }

  /** The copy of {@code what} that {@code closure} reads, chosen where its code is emitted. */
  String copyName(Closure closure, Object what) {
    Map<Object, String> chosen = copies.get(closure.tree());
    String name = chosen == null ? null : chosen.get(what);
    if (name == null) {
      throw new IllegalStateException("no copy of " + what + " for the closure at "
          + fileName + ":" + source.line(closure.tree()));
    }
    return name;
  }

  List<String> copiesBefore(Tree unit, boolean chain) {
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
  Tree anchorOf(Closure closure, Tree unit) {
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
  enum Placement { BEFORE, IN_BRACES }

  Placement placement(TreePath path) {
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
  boolean assignsAny(Tree t, Set<Object> captured) {
    return declaresAny(t, captured) || !assignmentsIn(t, captured).isEmpty();
  }

  /**
   * Whether {@code t} declares a local among {@code captured} (in a block of a switch
   * expression): a copy must come after that.
   */
  boolean declaresAny(Tree t, Set<Object> captured) {
    int from = source.start(t);
    int to = source.end(t);
    return in.scan().locals().stream().anyMatch(local -> captured.contains(local)
        && source.start(local.tree()) >= from && source.start(local.tree()) < to);
  }

  /** The names of the locals among {@code captured} that assignments in {@code t} assign. */
  List<IdentifierTree> assignmentsIn(Tree t, Set<Object> captured) {
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
  String copyDeclaration(Object what, String name, Tree anchor, boolean onlyBefore) {
    if (what == SELF) {
      return "var " + name + " = " + self + ";";
    }
    BodyScan.Local local = (BodyScan.Local) what;
    List<IdentifierTree> assignments = assignmentsIn(anchor, Set.of(local));
    if (assignments.isEmpty() && !declaresAny(anchor, Set.of(local))) {
      return "var " + name + " = " + machineNames.fieldNames.get(local) + ";";
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
          Messages.capturedAndAssigned(local.name())));
    }
    for (IdentifierTree id : assignments) {
      source.wrap(id, "", " = " + name);
    }
    return hoisting.fieldTypes.get(local) + " " + name + ";";
  }

  /**
   * A name for a copy of {@code what}: the local's name and a number, used by no code of the
   * method and hidden by no field of a class declared in it.
   */
  String copyNameFor(Object what) {
    String base = what == SELF ? "self" : ((BodyScan.Local) what).name();
    for (int n = 1; ; n++) {
      String fresh = base + n;
      if (!machineNames.taken(fresh) && !in.scan().classFieldNames().contains(fresh)) {
        machineNames.given.add(fresh);
        return fresh;
      }
    }
  }
}
