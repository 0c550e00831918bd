package io.jasyncio.processor.scan;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import java.util.HashSet;
import java.util.Set;

/**
 * Recognises calls to {@code Asyncio.await} and {@code Asyncio.done} in one compilation unit.
 *
 * <p>Trees are not attributed while processors run, so a call is recognised by its spelling and
 * the unit's imports: {@code await(x)} under {@code import static io.jasyncio.Asyncio.*} (or
 * {@code .await}), {@code Asyncio.await(x)} under an import of {@code io.jasyncio.Asyncio} or
 * {@code io.jasyncio.*}, and {@code io.jasyncio.Asyncio.await(x)} anywhere.
 */
public final class AsyncioNames {
  private static final String FACADE = "io.jasyncio.Asyncio";
  private static final String GENERATOR = "io.jasyncio.Generator";

  private final Set<String> staticNames = new HashSet<>();
  private final boolean allStatic;
  private final boolean simpleFacade;
  private final boolean simpleGenerator;

  private AsyncioNames(CompilationUnitTree unit) {
    boolean all = false;
    boolean simple = unit.getPackageName() != null
        && unit.getPackageName().toString().equals("io.jasyncio");
    boolean generator = simple;
    for (ImportTree imp : unit.getImports()) {
      String name = imp.getQualifiedIdentifier().toString();
      if (imp.isStatic()) {
        if (name.equals(FACADE + ".*")) {
          all = true;
        } else if (name.startsWith(FACADE + ".")) {
          staticNames.add(name.substring(FACADE.length() + 1));
        }
      } else if (name.equals(FACADE) || name.equals("io.jasyncio.*")) {
        simple = true;
        generator |= name.equals("io.jasyncio.*");
      } else if (name.equals(GENERATOR)) {
        generator = true;
      }
    }
    this.allStatic = all;
    this.simpleFacade = simple;
    this.simpleGenerator = generator;
  }

  /** The names visible in one compilation unit. */
  public static AsyncioNames of(CompilationUnitTree unit) {
    return new AsyncioNames(unit);
  }

  /** Whether {@code call} is {@code Asyncio.await(...)}. */
  public boolean isAwait(MethodInvocationTree call) {
    return names(call.getMethodSelect(), "await");
  }

  /** Whether {@code call} is {@code Asyncio.aiter(...)}, the marker of async iteration. */
  public boolean isAiter(MethodInvocationTree call) {
    return names(call.getMethodSelect(), "aiter");
  }

  /** Whether {@code call} is {@code Asyncio.done(...)}. */
  public boolean isDone(MethodInvocationTree call) {
    return names(call.getMethodSelect(), "done");
  }

  /**
   * Whether {@code call} is {@code Generator.yield(...)}; Java allows no unqualified call of a
   * method named {@code yield}, so it is always qualified.
   */
  public boolean isYield(MethodInvocationTree call) {
    if (!(call.getMethodSelect() instanceof MemberSelectTree member)
        || !member.getIdentifier().contentEquals("yield")) {
      return false;
    }
    String qualifier = member.getExpression().toString();
    return qualifier.equals(GENERATOR) || (simpleGenerator && qualifier.equals("Generator"));
  }

  /** Whether {@code ref} is {@code Asyncio::await}. */
  public boolean isAwaitReference(MemberReferenceTree ref) {
    return ref.getName().contentEquals("await") && isFacade(ref.getQualifierExpression());
  }

  private boolean names(ExpressionTree select, String method) {
    if (select instanceof IdentifierTree id) {
      return id.getName().contentEquals(method) && (allStatic || staticNames.contains(method));
    }
    if (select instanceof MemberSelectTree member) {
      return member.getIdentifier().contentEquals(method) && isFacade(member.getExpression());
    }
    return false;
  }

  private boolean isFacade(ExpressionTree qualifier) {
    String text = qualifier.toString();
    return text.equals(FACADE) || (simpleFacade && text.equals("Asyncio"));
  }
}
