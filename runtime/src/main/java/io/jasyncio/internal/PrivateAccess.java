package io.jasyncio.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;

/**
 * Handles on the private members of a template class, for the generated class beside it.
 *
 * <p>Java lets an {@code @Async} method use the private fields, methods and constructors of its
 * class (and of the classes nested in the same top-level class); the generated class is another
 * class, so the processor reaches those members through handles that the generated class makes
 * once, in static finals, from its own lookup: {@link MethodHandles#privateLookupIn} grants it
 * private access to a class of its own module. The JIT treats a handle in a static final as a
 * constant and inlines the access.
 *
 * <p>Internal API: it changes with the processor, and only generated code should call it.
 */
public final class PrivateAccess {
  private PrivateAccess() {}

  /** A handle reading and writing the instance field {@code name} of {@code owner}. */
  public static VarHandle field(MethodHandles.Lookup caller, Class<?> owner, String name,
      Class<?> type) {
    try {
      return in(owner, caller).findVarHandle(owner, name, type);
    } catch (ReflectiveOperationException e) {
      throw missing(owner, name, e);
    }
  }

  /** A handle reading and writing the static field {@code name} of {@code owner}. */
  public static VarHandle staticField(MethodHandles.Lookup caller, Class<?> owner, String name,
      Class<?> type) {
    try {
      return in(owner, caller).findStaticVarHandle(owner, name, type);
    } catch (ReflectiveOperationException e) {
      throw missing(owner, name, e);
    }
  }

  /**
   * A handle calling the instance method {@code name} of {@code owner}, the receiver its first
   * argument.
   */
  public static MethodHandle method(MethodHandles.Lookup caller, Class<?> owner, String name,
      MethodType type) {
    try {
      return in(owner, caller).findVirtual(owner, name, type);
    } catch (ReflectiveOperationException e) {
      throw missing(owner, name + type, e);
    }
  }

  /** A handle calling the static method {@code name} of {@code owner}. */
  public static MethodHandle staticMethod(MethodHandles.Lookup caller, Class<?> owner,
      String name, MethodType type) {
    try {
      return in(owner, caller).findStatic(owner, name, type);
    } catch (ReflectiveOperationException e) {
      throw missing(owner, name + type, e);
    }
  }

  /** A handle calling the constructor of {@code owner} that takes {@code type}'s parameters. */
  public static MethodHandle constructor(MethodHandles.Lookup caller, Class<?> owner,
      MethodType type) {
    try {
      return in(owner, caller).findConstructor(owner, type);
    } catch (ReflectiveOperationException e) {
      throw missing(owner, "<init>" + type, e);
    }
  }

  private static MethodHandles.Lookup in(Class<?> owner, MethodHandles.Lookup caller)
      throws IllegalAccessException {
    return MethodHandles.privateLookupIn(owner, caller);
  }

  /**
   * The member is missing or out of reach: the template class changed after its generated class
   * was compiled, or the two were loaded into different modules.
   */
  private static IllegalStateException missing(Class<?> owner, String member,
      ReflectiveOperationException e) {
    return new IllegalStateException("cannot reach private member " + member + " of "
        + owner.getName() + "; compile the class and its generated class together", e);
  }
}
