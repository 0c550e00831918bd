package io.jasyncio;

import java.util.ArrayDeque;
import java.util.Collections;

/**
 * A {@link Queue} that gives the most recently put item first, asyncio's {@code LifoQueue}.
 *
 * @param <T> the item type
 */
public final class LifoQueue<T> extends Queue<T> {
  /** An unbounded stack. */
  public LifoQueue() {
    this(0);
  }

  /** A stack of at most {@code maxsize} items; zero or less: unbounded. */
  public LifoQueue(int maxsize) {
    super(maxsize, Collections.asLifoQueue(new ArrayDeque<>()));
  }
}
