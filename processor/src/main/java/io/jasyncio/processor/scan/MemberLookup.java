package io.jasyncio.processor.scan;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Finds what a simple name in an {@code @Async} body means when it is not a local: a member of
 * the method's class (declared or inherited) or of a lexically enclosing class.
 *
 * <p>This follows Java's order for simple names: the innermost class that has a member of that
 * name wins. Static imports and types are what remains when nothing is found.
 */
public final class MemberLookup {
  private final Elements elements;
  private final TypeElement type;

  /** A lookup from inside {@code type}. */
  public MemberLookup(Elements elements, TypeElement type) {
    this.elements = elements;
    this.type = type;
  }

  /** The class whose body is searched first. */
  public TypeElement type() {
    return type;
  }

  /** A member found by name, and the class in whose scope it was found. */
  public record Found(List<Element> members, TypeElement scope) {
    /** The first member found (a field, or one of a method's overloads). */
    public Element first() {
      return members.get(0);
    }
  }

  /** The field named {@code name} visible from the body, or null. */
  public Found field(String name) {
    return find(name, true);
  }

  /** The methods named {@code name} visible from the body, or null. */
  public Found methods(String name) {
    return find(name, false);
  }

  /** The member type named {@code name} visible from the body, or null. */
  public Found memberType(String name) {
    for (TypeElement scope = type; scope != null; scope = enclosingType(scope)) {
      List<Element> hits = new ArrayList<>();
      for (Element member : elements.getAllMembers(scope)) {
        if (member.getKind().isClass() || member.getKind().isInterface()) {
          if (member.getSimpleName().contentEquals(name)) {
            hits.add(member);
          }
        }
      }
      if (!hits.isEmpty()) {
        return new Found(hits, scope);
      }
    }
    return null;
  }

  private Found find(String name, boolean field) {
    for (TypeElement scope = type; scope != null; scope = enclosingType(scope)) {
      List<Element> hits = new ArrayList<>();
      for (Element member : elements.getAllMembers(scope)) {
        ElementKind kind = member.getKind();
        boolean wanted = field
            ? kind == ElementKind.FIELD || kind == ElementKind.ENUM_CONSTANT
            : kind == ElementKind.METHOD;
        if (wanted && member.getSimpleName().contentEquals(name)) {
          hits.add(member);
        }
      }
      if (!hits.isEmpty()) {
        return new Found(hits, scope);
      }
    }
    return null;
  }

  /** The class lexically enclosing {@code t}, or null for a top-level class. */
  public static TypeElement enclosingType(TypeElement t) {
    Element e = t.getEnclosingElement();
    while (e != null && !(e instanceof TypeElement)) {
      if (e.getKind() == ElementKind.PACKAGE) {
        return null;
      }
      e = e.getEnclosingElement();
    }
    return (TypeElement) e;
  }
}
