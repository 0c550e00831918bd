package io.jasyncio.internal.process;

import java.io.Externalizable;
import java.io.Serializable;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * How {@link CompactValues} writes and reads the records of one class: its components in order,
 * each of a fixed {@link Kind} given by its declared type, read from its fields and made
 * again through the canonical constructor, as Java serialization does for a record.
 *
 * <p>Only a value record qualifies: a {@code Serializable} record, not {@code Externalizable},
 * without {@code writeReplace} or {@code readResolve}, whose every component is a primitive, a
 * boxed primitive, a {@code String} or such a record, and whose fields and canonical constructor
 * this module may reach. Its values are deeply immutable, so writing one component by component
 * gives back an equal value. Any other class has no shape and goes through Java serialization.
 */
final class RecordShape {
  /** The kind of a component, from its declared type. */
  enum Kind {
    BOOLEAN, BYTE, SHORT, CHAR, INT, LONG, FLOAT, DOUBLE,
    /** A reference to one of the boxed types or a {@code String}: a tag, then the value. */
    BOXED,
    /** A reference to a record with a shape of its own: a presence byte, then its components. */
    RECORD
  }

  private static final ClassValue<RecordShape> SHAPES = new ClassValue<>() {
    @Override
    protected RecordShape computeValue(Class<?> type) {
      return of(type, new HashSet<>());
    }
  };

  /** Stands for "no shape" in the class value, which cannot hold null. */
  private static final RecordShape NONE = new RecordShape(Object.class, new Kind[0], null, null,
      new Class<?>[0], 0);

  final Class<?> type;
  final Kind[] kinds;
  /** Getter of each component's field, typed {@code (Object)Object} (primitives boxed). */
  final MethodHandle[] accessors;
  /** The canonical constructor, taking the components as an {@code Object[]}. */
  final MethodHandle constructor;
  /** The declared type of each component, for RECORD components their class. */
  final Class<?>[] componentTypes;
  /**
   * A hash of the component names and types: the pool and its workers load the same classes,
   * and a stream naming a record of another shape is refused rather than misread.
   */
  final int signature;

  private RecordShape(Class<?> type, Kind[] kinds, MethodHandle[] accessors,
      MethodHandle constructor, Class<?>[] componentTypes, int signature) {
    this.type = type;
    this.kinds = kinds;
    this.accessors = accessors;
    this.constructor = constructor;
    this.componentTypes = componentTypes;
    this.signature = signature;
  }

  /** The shape of {@code type}, or null if its values go through Java serialization. */
  static RecordShape of(Class<?> type) {
    RecordShape shape = SHAPES.get(type);
    return shape == NONE ? null : shape;
  }

  /** Whether {@code type} is a boxed primitive or {@code String}: a BOXED component. */
  static boolean isBoxed(Class<?> type) {
    return type == String.class || type == Integer.class || type == Long.class
        || type == Double.class || type == Float.class || type == Short.class
        || type == Byte.class || type == Character.class || type == Boolean.class;
  }

  /** Computes the shape; {@code visiting} holds the records being computed, up the stack. */
  private static RecordShape of(Class<?> type, Set<Class<?>> visiting) {
    if (!type.isRecord() || !Serializable.class.isAssignableFrom(type)
        || Externalizable.class.isAssignableFrom(type)
        || declares(type, "writeReplace") || declares(type, "readResolve")) {
      return NONE;
    }
    RecordComponent[] components = type.getRecordComponents();
    Kind[] kinds = new Kind[components.length];
    Class<?>[] types = new Class<?>[components.length];
    MethodHandle[] accessors = new MethodHandle[components.length];
    visiting.add(type);
    try {
      MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
      for (int i = 0; i < components.length; i++) {
        Class<?> t = components[i].getType();
        Kind kind = kindOf(t, visiting);
        if (kind == null) {
          return NONE;
        }
        kinds[i] = kind;
        types[i] = t;
        // The field, not the accessor, as Java serialization reads it: an accessor may be
        // overridden to do more than return it.
        accessors[i] = lookup.findGetter(type, components[i].getName(), t)
            .asType(MethodType.methodType(Object.class, Object.class));
      }
      MethodHandle constructor = lookup.findConstructor(type,
          MethodType.methodType(void.class, types));
      constructor = constructor.asType(constructor.type().changeReturnType(Object.class))
          .asSpreader(Object[].class, types.length)
          .asType(MethodType.methodType(Object.class, Object[].class));
      return new RecordShape(type, kinds, accessors, constructor, types,
          signatureOf(components));
    } catch (ReflectiveOperationException | IllegalArgumentException | SecurityException e) {
      // Not open to this module, for one: Java serialization can still reach it.
      return NONE;
    } finally {
      visiting.remove(type);
    }
  }

  private static Kind kindOf(Class<?> t, Set<Class<?>> visiting) {
    if (t.isPrimitive()) {
      return switch (t.getName()) {
        case "boolean" -> Kind.BOOLEAN;
        case "byte" -> Kind.BYTE;
        case "short" -> Kind.SHORT;
        case "char" -> Kind.CHAR;
        case "int" -> Kind.INT;
        case "long" -> Kind.LONG;
        case "float" -> Kind.FLOAT;
        default -> Kind.DOUBLE;
      };
    }
    if (isBoxed(t)) {
      return Kind.BOXED;
    }
    // A record refers to itself (record Node(int v, Node next)): a tree, as records are built
    // bottom-up, so the shape being computed up the stack is taken to be one.
    if (visiting.contains(t)) {
      return Kind.RECORD;
    }
    return t.isRecord() && of(t, visiting) != NONE ? Kind.RECORD : null;
  }

  private static boolean declares(Class<?> type, String method) {
    return Arrays.stream(type.getDeclaredMethods())
        .anyMatch(m -> m.getName().equals(method) && m.getParameterCount() == 0);
  }

  private static int signatureOf(RecordComponent[] components) {
    int h = components.length;
    for (RecordComponent c : components) {
      h = 31 * (31 * h + c.getName().hashCode()) + c.getType().getName().hashCode();
    }
    return h;
  }
}
