package io.jasyncio.benchmarks;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run as JSON, for other tools to compare runs: one object per figure with its workload,
 * metric, system, figure, unit and JDK ({@code null} for Python), then the JMH allocation figures
 * and the targets.
 *
 * <pre>{@code
 * {"date": "2025-11-25", "quick": false, "machine": {...},
 *  "results": [{"workload": "switch", "metric": "switch", "system": "jasyncio",
 *               "runtime": "JDK 17", "jdk": 17, "figure": 9.1, "unit": "ns/switch",
 *               "count": 1000000, "runs": 15}, ...],
 *  "allocation": [...], "targets": [...], "countsMatch": true}
 * }</pre>
 */
final class JsonReport {
  private JsonReport() {}

  /** The whole report. */
  static String render(Map<String, Object> meta, List<Measurement> results,
      List<Allocation.Row> allocation, String allocationJdk, List<Targets.Check> targets,
      boolean countsMatch) {
    StringBuilder out = new StringBuilder("{\n");
    meta.forEach((k, v) -> out.append("  ").append(string(k)).append(": ").append(value(v))
        .append(",\n"));
    List<String> items = new ArrayList<>();
    for (Measurement m : results) {
      items.add(object("workload", workloadOf(m.metric()), "metric", m.metric(),
          "system", m.peer().id, "runtime", m.runtime(), "jdk", jdk(m.runtime()),
          "figure", m.figure(), "unit", m.unit(), "count", m.count(), "runs", m.runs()));
    }
    out.append("  \"results\": ").append(array(items)).append(",\n");
    items.clear();
    for (Allocation.Row r : allocation) {
      items.add(object("benchmark", r.benchmark(), "jdk", jdk(allocationJdk),
          "nsPerOp", r.nanos(), "bytesPerOp", r.bytes()));
    }
    out.append("  \"allocation\": ").append(array(items)).append(",\n");
    items.clear();
    for (Targets.Check c : targets) {
      items.add(object("target", c.target(), "measured", c.measured(), "met", c.met()));
    }
    out.append("  \"targets\": ").append(array(items)).append(",\n");
    out.append("  \"countsMatch\": ").append(countsMatch).append("\n}\n");
    return out.toString();
  }

  /** Writes {@code json} to {@code file}. */
  static void write(Path file, String json) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, json, StandardCharsets.UTF_8);
  }

  /** The feature version in a runtime label {@code JDK 25}, or null (Python). */
  static Integer jdk(String runtime) {
    return runtime.startsWith("JDK ") ? Integer.valueOf(runtime.substring(4)) : null;
  }

  private static String workloadOf(String metric) {
    int dot = metric.indexOf('.');
    return dot < 0 ? metric : metric.substring(0, dot);
  }

  /** An object of alternating keys and values. */
  static String object(Object... keysAndValues) {
    StringBuilder out = new StringBuilder("{");
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (i > 0) {
        out.append(", ");
      }
      out.append(string((String) keysAndValues[i])).append(": ")
          .append(value(keysAndValues[i + 1]));
    }
    return out.append('}').toString();
  }

  private static String array(List<String> items) {
    return items.isEmpty() ? "[]" : "[\n    " + String.join(",\n    ", items) + "\n  ]";
  }

  /** A JSON value: null, a number (non-finite ones as null), a boolean, or a string. */
  static String value(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof Double d) {
      return d.isNaN() || d.isInfinite() ? "null"
          : new BigDecimal(d).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }
    if (v instanceof Number || v instanceof Boolean) {
      return v.toString();
    }
    if (v instanceof Map<?, ?> map) {
      List<Object> flat = new ArrayList<>();
      map.forEach((k, x) -> {
        flat.add(k.toString());
        flat.add(x);
      });
      return object(flat.toArray());
    }
    return string(v.toString());
  }

  /** A JSON string literal. */
  static String string(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
