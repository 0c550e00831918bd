package io.jasyncio.processor.model;

import io.jasyncio.processor.scan.BodyScan;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The names the machine gives the template's locals: the field of a parameter or hoisted local,
 * or the new name of a local renamed so it clashes with nothing. Indexed by name too, so asking
 * whether a name is given costs one lookup rather than a pass over every local.
 */
final class LocalFieldNames {
  private final Map<BodyScan.Local, String> byLocal = new HashMap<>();
  /** How many locals have each name; a name leaves when its count drops to 0. */
  private final Map<String, Integer> uses = new HashMap<>();

  /** Names {@code local} {@code name} in the machine. */
  void put(BodyScan.Local local, String name) {
    String old = byLocal.put(local, name);
    if (old != null) {
      uses.computeIfPresent(old, (n, count) -> count == 1 ? null : count - 1);
    }
    uses.merge(name, 1, Integer::sum);
  }

  /** The name of {@code local} in the machine, or null when it keeps its own. */
  String get(BodyScan.Local local) {
    return byLocal.get(local);
  }

  /** Whether some local has {@code name} in the machine. */
  boolean contains(String name) {
    return uses.containsKey(name);
  }

  /** Every name given, once per local. */
  Collection<String> names() {
    return Collections.unmodifiableCollection(byLocal.values());
  }
}
