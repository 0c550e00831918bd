package io.jasyncio.processor.scan;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;

/**
 * The accessors a generated class declares for the private members its machines use, one class's
 * worth: the modeler asks each accessor's name as it rewrites a use (which records the need), and
 * the writer declares what was recorded. An accessor is a static method of the generated class
 * that reaches the member through a handle ({@code io.jasyncio.internal.PrivateAccess}); its name
 * is the member's, with {@code $} and what it does, so it cannot clash with a name of the
 * template: {@code count$get}, {@code count$set}, {@code helper$call}, {@code Kitchen$new}.
 */
public final class PrivateAccessors {

  /** What an accessor does. */
  public enum Access {
    /** Reads a field: {@code T f$get(Owner self)}. */
    GET,
    /** Writes a field and returns the value: {@code T f$set(Owner self, T value)}. */
    SET,
    /** Adds to a field and returns the new value ({@code ++f}): {@code T f$add(Owner, int)}. */
    ADD,
    /** Adds to a field and returns the old value ({@code f++}): {@code T f$getAndAdd(...)}. */
    GET_AND_ADD,
    /** Calls a method, each overload of the name: {@code R m$call(Owner self, params...)}. */
    CALL,
    /** Calls a constructor, each private one of the class: {@code Owner Owner$new(params...)}. */
    NEW
  }

  private final TypeElement template;
  private final Map<Element, Set<Access>> used = new LinkedHashMap<>();
  /** The name an overload's accessor shares with the others of its group. */
  private final Map<Element, String> groupNames = new java.util.HashMap<>();

  /** The accessors of the class generated for {@code template}. */
  public PrivateAccessors(TypeElement template) {
    this.template = template;
  }

  /** The name of the accessor doing {@code access} on {@code member}; records that it is used. */
  public String use(Element member, Access access) {
    used.computeIfAbsent(member, m -> EnumSet.noneOf(Access.class)).add(access);
    return name(member, access);
  }

  /**
   * The name of the accessors calling {@code overloads}, a method's or a class's constructors,
   * which javac chooses among at each use; records that they are used. They share the name of
   * the first private one, so an overload inherited from a superclass joins them.
   */
  public String useAll(java.util.List<? extends Element> overloads, Access access) {
    Element named = overloads.stream().map(Element.class::cast)
        .filter(m -> m.getModifiers().contains(javax.lang.model.element.Modifier.PRIVATE))
        .findFirst().orElse((Element) overloads.get(0));
    String name = name(named, access);
    for (Element m : overloads) {
      used.computeIfAbsent(m, k -> EnumSet.noneOf(Access.class)).add(access);
      groupNames.putIfAbsent(m, name);
    }
    return groupNames.get(named);
  }

  /** The members used, each with what is done to it, in the order first used. */
  public Map<Element, Set<Access>> used() {
    return used;
  }

  /** The name of the accessor doing {@code access} on {@code member}. */
  public String name(Element member, Access access) {
    String group = groupNames.get(member);
    if (group != null && (access == Access.CALL || access == Access.NEW)) {
      return group;
    }
    TypeElement owner = (TypeElement) member.getEnclosingElement();
    if (member.getKind() == ElementKind.CONSTRUCTOR) {
      return owner.getSimpleName() + "$new";
    }
    // A member of a class nested with the template (or around it) names its class too.
    String prefix = owner.equals(template) ? "" : owner.getSimpleName() + "$";
    String what = switch (access) {
      case GET -> "get";
      case SET -> "set";
      case ADD -> "add";
      case GET_AND_ADD -> "getAndAdd";
      case CALL -> "call";
      case NEW -> "new";
    };
    return prefix + member.getSimpleName() + "$" + what;
  }
}
