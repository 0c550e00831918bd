package io.jasyncio.processor.scan;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreePath;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;

/**
 * What a use of a private member does, read from where it stands: the validator tells from it
 * which uses the generated class can make through a handle, and the modeler how to rewrite them.
 */
public final class PrivateUses {
  private PrivateUses() {}

  /** What the use does with the member. */
  public enum Shape {
    /** Reads a field. */
    READ,
    /** Assigns a field: {@code f = e}. */
    WRITE,
    /** Updates a field by a compound assignment: {@code f += e}. */
    UPDATE,
    /** Increments or decrements a field: {@code f++}, {@code --f}. */
    STEP,
    /** Calls a method. */
    CALL,
    /** Creates an instance through a constructor: {@code new Foo(...)}. */
    NEW,
    /** Refers to a method or constructor: {@code Foo::m}, {@code this::m}, {@code Foo::new}. */
    REFERENCE,
    /** Names a private member type, which no code outside its top-level class can name. */
    TYPE
  }

  /**
   * One use: its shape, the tree the rewrite replaces ({@code whole}: the assignment, the
   * call, the reference...), the member's name as written ({@code name}: an identifier or
   * {@code q.f}), and the expression it is reached through ({@code qualifier}: null when
   * unqualified or the member is static).
   */
  public record Use(Shape shape, Tree whole, ExpressionTree name, ExpressionTree qualifier,
      boolean isStatic) {}

  /** Classifies {@code use}. */
  public static Use of(BodyScan.PrivateUse use) {
    Tree leaf = use.path().getLeaf();
    ElementKind kind = use.element().getKind();
    boolean isStatic = use.members().stream()
        .allMatch(m -> m.getModifiers().contains(Modifier.STATIC));
    if (kind.isClass() || kind.isInterface()) {
      return new Use(Shape.TYPE, leaf, null, null, true);
    }
    if (leaf instanceof NewClassTree n) {
      return new Use(Shape.NEW, n, null, null, true);
    }
    if (leaf instanceof MemberReferenceTree r) {
      return new Use(Shape.REFERENCE, r, null, r.getQualifierExpression(),
          isStatic || kind == ElementKind.CONSTRUCTOR);
    }
    ExpressionTree name = (ExpressionTree) leaf;
    ExpressionTree qualifier = !isStatic && name instanceof MemberSelectTree s
        ? s.getExpression() : null;
    TreePath up = use.path().getParentPath();
    if (kind == ElementKind.METHOD) {
      return new Use(Shape.CALL, up.getLeaf(), name, qualifier, isStatic);
    }
    Tree target = name;
    while (up.getLeaf() instanceof ParenthesizedTree) {
      target = up.getLeaf();
      up = up.getParentPath();
    }
    Tree parent = up.getLeaf();
    Shape shape = parent instanceof AssignmentTree a && a.getVariable() == target ? Shape.WRITE
        : parent instanceof CompoundAssignmentTree c && c.getVariable() == target ? Shape.UPDATE
        : parent instanceof UnaryTree u && isStep(u) ? Shape.STEP
        : Shape.READ;
    return new Use(shape, shape == Shape.READ ? name : parent, name, qualifier, isStatic);
  }

  /** Whether {@code u} is {@code ++} or {@code --}, prefix or postfix. */
  public static boolean isStep(UnaryTree u) {
    return switch (u.getKind()) {
      case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT -> true;
      default -> false;
    };
  }

  /**
   * Whether reading {@code qualifier} again reads the same object: {@code this}, or a local or
   * parameter named alone (the use's own right side may not assign it; the caller checks).
   */
  public static boolean isStable(ExpressionTree qualifier) {
    ExpressionTree q = qualifier;
    while (q instanceof ParenthesizedTree p) {
      q = p.getExpression();
    }
    return q == null || q instanceof IdentifierTree
        || (q instanceof MemberSelectTree s && s.getIdentifier().contentEquals("this"));
  }

  /** The call a {@link Shape#CALL} use makes. */
  public static MethodInvocationTree call(Use use) {
    return (MethodInvocationTree) use.whole();
  }
}
