package io.jasyncio.internal;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * What a generated state machine uses to run an enhanced {@code for} loop that suspends in its
 * body: the loop's position must survive a suspension, so it is kept in an iterator field.
 *
 * <p>{@link #of} iterates an {@code Iterable} or any array, primitive ones included (boxing
 * their elements); {@link #next} hands an element to a reference-typed loop variable, and the
 * {@code as...} methods convert it to a primitive one as Java's assignment does (unboxing, then
 * widening: an {@code int[]} element read by {@code asLong}, a {@code char[]} element by
 * {@code asInt}). The {@code as...} methods are the one copy of that conversion: the machines
 * also use them for a primitive target of an await ({@code awaitedInt()} etc.) or of a yield
 * ({@code receivedInt()} etc.).
 *
 * <p>Internal API: only the runtime calls it (the machines, {@link ForEachSteps} and
 * {@code Coroutine}); generated code calls the machines'
 * {@code iterate}, {@code nextInt} etc.
 */
public final class Iteration {
  private Iteration() {}

  /**
   * An iterator over {@code iterable} (an {@code Iterable} or an array), as the enhanced
   * {@code for} statement would visit it.
   *
   * @throws NullPointerException if it is null, as the {@code for} statement throws
   */
  public static Iterator<?> of(Object iterable) {
    if (iterable instanceof Iterable<?> it) {
      return it.iterator();
    }
    if (iterable == null) {
      throw new NullPointerException("the enhanced for statement's expression is null");
    }
    if (!iterable.getClass().isArray()) {
      throw new IllegalArgumentException("not an Iterable or an array: " + iterable.getClass());
    }
    return new ArrayIterator(iterable);
  }

  /** The next element, for a loop variable of a reference type (inferred from the target). */
  @SuppressWarnings("unchecked")
  public static <T> T next(Iterator<?> it) {
    return (T) it.next();
  }

  /** {@code v} (the next element, or what an await or a yield gave) as a {@code boolean}. */
  public static boolean asBoolean(Object v) {
    return (Boolean) v;
  }

  /** {@code v} as a {@code byte}. */
  public static byte asByte(Object v) {
    return (Byte) v;
  }

  /** {@code v} as a {@code short}, widening a {@code byte}. */
  public static short asShort(Object v) {
    return ((Number) v).shortValue();
  }

  /** {@code v} as a {@code char}. */
  public static char asChar(Object v) {
    return (Character) v;
  }

  /** {@code v} as an {@code int}, widening as assignment does (a {@code char} gives its code). */
  public static int asInt(Object v) {
    return v instanceof Character c ? c : ((Number) v).intValue();
  }

  /** {@code v} as a {@code long}, widening as assignment does. */
  public static long asLong(Object v) {
    return v instanceof Character c ? c : ((Number) v).longValue();
  }

  /** {@code v} as a {@code float}, widening as assignment does. */
  public static float asFloat(Object v) {
    return v instanceof Character c ? c : ((Number) v).floatValue();
  }

  /** {@code v} as a {@code double}, widening as assignment does. */
  public static double asDouble(Object v) {
    return v instanceof Character c ? c : ((Number) v).doubleValue();
  }

  /** Walks any array, primitive or not, by index. */
  private static final class ArrayIterator implements Iterator<Object> {
    private final Object array;
    private final int length;
    private int index;

    ArrayIterator(Object array) {
      this.array = array;
      this.length = java.lang.reflect.Array.getLength(array);
    }

    @Override
    public boolean hasNext() {
      return index < length;
    }

    @Override
    public Object next() {
      if (index >= length) {
        throw new NoSuchElementException();
      }
      int i = index++;
      // Boxed as javac's for loop boxes (valueOf, which shares the small values), since the
      // loop variable may be a wrapper compared with ==; reflection's boxing does not share.
      if (array instanceof Object[] objects) {
        return objects[i];
      } else if (array instanceof int[] ints) {
        return Integer.valueOf(ints[i]);
      } else if (array instanceof long[] longs) {
        return Long.valueOf(longs[i]);
      } else if (array instanceof double[] doubles) {
        return Double.valueOf(doubles[i]);
      } else if (array instanceof boolean[] booleans) {
        return Boolean.valueOf(booleans[i]);
      } else if (array instanceof char[] chars) {
        return Character.valueOf(chars[i]);
      } else if (array instanceof byte[] bytes) {
        return Byte.valueOf(bytes[i]);
      } else if (array instanceof short[] shorts) {
        return Short.valueOf(shorts[i]);
      }
      return Float.valueOf(((float[]) array)[i]);
    }
  }
}
