package io.jasyncio.processor.scan;

import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;

/**
 * Facts about elements the body refers to, for checks javac will not make until the generated
 * class is compiled.
 *
 * <p>Why not ask javac to attribute the template ({@code Trees.getElement}): that attributes the
 * original trees during a processing round, and javac rewrites some of them in place (the type of
 * a {@code var} local holding an anonymous class), which breaks the next round. Only
 * {@code Trees.getScope}, which attributes a copy, is safe.
 */
public final class Attributed {
  private Attributed() {}

  /** The outermost class around {@code type}. */
  public static TypeElement topLevel(TypeElement type) {
    TypeElement t = type;
    for (Element e = t.getEnclosingElement(); e != null; e = e.getEnclosingElement()) {
      if (e instanceof TypeElement outer) {
        t = outer;
      }
    }
    return t;
  }

  /**
   * Whether every one of {@code members} is private and declared in {@code topLevel}: private
   * access is only legal inside one top-level class, and the generated class is another.
   */
  public static boolean allPrivateToTopLevel(List<? extends Element> members,
      TypeElement topLevel) {
    if (members.isEmpty()) {
      return false;
    }
    for (Element e : members) {
      if (!isPrivateToTopLevel(e, topLevel)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether any of {@code members} (a method's overloads, a class's constructors) is private
   * and declared in {@code topLevel}: javac may choose that one.
   */
  public static boolean anyPrivateToTopLevel(List<? extends Element> members,
      TypeElement topLevel) {
    return members.stream().anyMatch(e -> isPrivateToTopLevel(e, topLevel));
  }

  private static boolean isPrivateToTopLevel(Element e, TypeElement topLevel) {
    if (!e.getModifiers().contains(Modifier.PRIVATE)) {
      return false;
    }
    for (Element owner = e; owner != null; owner = owner.getEnclosingElement()) {
      if (owner instanceof TypeElement t && (t.getNestingKind() == NestingKind.LOCAL
          || t.getNestingKind() == NestingKind.ANONYMOUS)) {
        return false;
      }
      if (owner.equals(topLevel)) {
        return true;
      }
    }
    return false;
  }
}
