package io.jasyncio.processor.model;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The names taken in each state's case block while locals that share one are renamed: the
 * machine's field names and renamed locals as the block is first used, then the locals declared
 * in it. Each block keeps only its own names and the moment it opened, rather than a copy of
 * every field name, which made the renaming cost states x fields.
 */
final class CaseNames {
  private final Set<String> atStart;
  /** Names given to locals since the start, with the order they were given in. */
  private final Map<String, Integer> given = new HashMap<>();
  private final Map<Integer, Block> blocks = new HashMap<>();
  private int clock;

  private record Block(int opened, Set<String> own) {}

  /** Starts with {@code fieldNames}, the names of fields and renamed locals so far. */
  CaseNames(Collection<String> fieldNames) {
    this.atStart = new HashSet<>(fieldNames);
  }

  /** Takes {@code name} in the block of {@code state}, opening it; false if it was taken. */
  boolean take(int state, String name) {
    Block block = blocks.computeIfAbsent(state, s -> new Block(clock, new HashSet<>()));
    return !isTaken(block, name) && block.own().add(name);
  }

  /** Whether {@code name} is taken in the block of {@code state}; false if it never opened. */
  boolean isTaken(int state, String name) {
    Block block = blocks.get(state);
    return block != null && isTaken(block, name);
  }

  /** Whether the block of {@code state} has opened. */
  boolean isOpen(int state) {
    return blocks.containsKey(state);
  }

  /** Records that a local was renamed {@code name}: taken in every block opened from now on. */
  void given(String name) {
    given.putIfAbsent(name, clock++);
  }

  private boolean isTaken(Block block, String name) {
    Integer when = given.get(name);
    return block.own().contains(name) || atStart.contains(name)
        || (when != null && when < block.opened());
  }
}
