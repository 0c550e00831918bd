package io.jasyncio.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jol.info.ClassLayout;

/**
 * Shallow sizes of the objects a suspended or inline coroutine is made of, from JOL's view of
 * this JVM's layout: what the memory and allocation figures should add up to.
 */
final class Layouts {
  /** The generated machine of {@link JasyncioWorkloads#chain}. */
  static final String CHAIN_MACHINE = AsyncJasyncioWorkloads.class.getName() + "$ChainMachine";
  private static final String WAITER_MACHINE =
      AsyncJasyncioWorkloads.class.getName() + "$WaiterMachine";
  private static final String SLEEP = "io.jasyncio.Sleep";

  private Layouts() {}

  /** Class name to instance size in bytes, for the classes that exist here. */
  static Map<String, Long> sizes() {
    Map<String, Long> sizes = new LinkedHashMap<>();
    for (String name : new String[] {"io.jasyncio.Task", WAITER_MACHINE, CHAIN_MACHINE, SLEEP}) {
      try {
        Class<?> c = Class.forName(name, false, Layouts.class.getClassLoader());
        sizes.put(c.getName().replace(AsyncJasyncioWorkloads.class.getPackageName() + ".", ""),
            ClassLayout.parseClass(c).instanceSize());
      } catch (ClassNotFoundException | RuntimeException e) {
        // Not measurable here: left out of the report.
      }
    }
    return sizes;
  }

  /** The size of the chain's machine, or 0 if unknown. */
  static long chainMachine(Map<String, Long> sizes) {
    return sizes.getOrDefault(
        CHAIN_MACHINE.replace(AsyncJasyncioWorkloads.class.getPackageName() + ".", ""), 0L);
  }
}
