package io.jasyncio.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The printed report, as Markdown tables ready to paste into a README: the figures of every
 * metric in every column with the count of work each did, then the ratios that say how jasyncio
 * compares.
 *
 * <p>A ratio is how many times better jasyncio is: {@code peer / jasyncio} for a cost (ns, bytes),
 * {@code jasyncio / peer} for a rate (pairs/s); above 1, jasyncio wins. The distance to the floor
 * reads the other way: {@code jasyncio / floor} for a cost, how many times the floor's cost.
 * jasyncio is compared with each peer on the same runtime where it ran on it (virtual threads on
 * the newer JDK), else on the harness's JDK.
 */
final class Table {
  private final List<Column> columns;
  private final List<Measurement> measurements;
  private final String harness;

  /** A table of {@code measurements} in {@code columns}; {@code harness} is its JDK label. */
  Table(List<Column> columns, List<Measurement> measurements, String harness) {
    this.columns = columns;
    this.measurements = measurements;
    this.harness = harness;
  }

  /** The metrics measured, in workload order. */
  List<String> metrics() {
    Set<String> metrics = new LinkedHashSet<>();
    for (Workload w : Workload.values()) {
      for (Workload.Metric m : w.metrics) {
        if (measurements.stream().anyMatch(x -> x.metric().equals(m.id()))) {
          metrics.add(m.id());
        }
      }
    }
    return new ArrayList<>(metrics);
  }

  /** The figure of {@code metric} in {@code column}, if it was measured. */
  Optional<Measurement> cell(String metric, Column column) {
    return measurements.stream().filter(m -> m.metric().equals(metric) && column.holds(m))
        .findFirst();
  }

  /** The figure of {@code metric} on {@code peer} and {@code runtime}, if measured. */
  Optional<Double> figure(String metric, Peer peer, String runtime) {
    return cell(metric, new Column(peer, runtime)).map(Measurement::figure);
  }

  /**
   * jasyncio's figure to compare {@code peer} with: on the peer's runtime if jasyncio ran
   * there, else on the harness's JDK.
   */
  Optional<Double> jasyncioNextTo(String metric, Peer peer) {
    for (Column c : columns) {
      if (c.peer() == peer) {
        Optional<Measurement> theirs = cell(metric, c);
        if (theirs.isPresent()) {
          Optional<Double> same = figure(metric, Peer.JASYNCIO, theirs.get().runtime());
          if (same.isPresent()) {
            return same;
          }
        }
      }
    }
    return figure(metric, Peer.JASYNCIO, harness);
  }

  /** The peer's figure in its first column that has one. */
  Optional<Double> peerFigure(String metric, Peer peer) {
    for (Column c : columns) {
      if (c.peer() == peer) {
        Optional<Measurement> m = cell(metric, c);
        if (m.isPresent()) {
          return Optional.of(m.get().figure());
        }
      }
    }
    return Optional.empty();
  }

  /** How many times better jasyncio is than {@code peer} at {@code metric}; >1: jasyncio wins. */
  Optional<Double> advantage(String metric, Peer peer) {
    boolean lower = Workload.metric(metric).lowerIsBetter();
    Optional<Double> jasyncio = jasyncioNextTo(metric, peer);
    Optional<Double> theirs = peerFigure(metric, peer);
    if (jasyncio.isEmpty() || theirs.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(lower ? theirs.get() / jasyncio.get() : jasyncio.get() / theirs.get());
  }

  /** The counts of work of {@code metric} differ between peers? Returns the distinct counts. */
  Set<Long> counts(String metric) {
    Set<Long> counts = new LinkedHashSet<>();
    for (Measurement m : measurements) {
      if (m.metric().equals(metric)) {
        counts.add(m.count());
      }
    }
    return counts;
  }

  /** Whether every metric's peers did the same count of work. */
  boolean countsMatch() {
    return metrics().stream().allMatch(m -> counts(m).size() == 1);
  }

  /** The figures table. */
  String figures() {
    StringBuilder out = new StringBuilder("| metric | unit |");
    StringBuilder rule = new StringBuilder("|---|---|");
    for (Column c : columns) {
      out.append(' ').append(c.label()).append(" |");
      rule.append("---:|");
    }
    out.append(" same work (count) |\n").append(rule).append("---|\n");
    for (String metric : metrics()) {
      out.append("| ").append(metric).append(" | ").append(Workload.metric(metric).unit())
          .append(" |");
      for (Column c : columns) {
        out.append(' ').append(cell(metric, c).map(m -> format(m.figure())).orElse("-"))
            .append(" |");
      }
      Set<Long> counts = counts(metric);
      out.append(' ').append(counts.size() == 1
          ? String.format(Locale.ROOT, "yes (%,d)", counts.iterator().next())
          : "NO: " + countsByColumn(metric)).append(" |\n");
    }
    return out.toString();
  }

  /** The ratios table: jasyncio against each peer, and its distance to the floor. */
  String ratios() {
    List<Peer> peers = List.of(Peer.ASYNCIO, Peer.VIRTUAL_THREADS, Peer.COMPLETABLE_FUTURE);
    StringBuilder out = new StringBuilder("| metric |");
    for (Peer p : peers) {
      out.append(" vs ").append(p.label).append(" |");
    }
    out.append(" jasyncio / floor |\n|---|---:|---:|---:|---:|\n");
    for (String metric : metrics()) {
      out.append("| ").append(metric).append(" |");
      for (Peer p : peers) {
        out.append(' ').append(advantage(metric, p).map(Table::times).orElse("-")).append(" |");
      }
      Optional<Double> gap = advantage(metric, Peer.FLOOR).map(a -> 1 / a);
      out.append(' ').append(gap.map(Table::times).orElse("-")).append(" |\n");
    }
    return out.toString();
  }

  private String countsByColumn(String metric) {
    List<String> parts = new ArrayList<>();
    for (Column c : columns) {
      cell(metric, c).ifPresent(m -> parts.add(c.label() + " " + m.count()));
    }
    return String.join(", ", parts);
  }

  /** A figure with about three significant digits and thousands separators. */
  static String format(double figure) {
    double a = Math.abs(figure);
    String pattern = a >= 100 ? "%,.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f";
    return String.format(Locale.ROOT, pattern, figure);
  }

  /** A ratio: {@code 12x}, {@code 3.4x}, {@code 0.52x}. */
  static String times(double ratio) {
    String pattern = ratio >= 100 ? "%,.0fx" : ratio >= 10 ? "%.0fx" : ratio >= 1 ? "%.1fx"
        : "%.2fx";
    return String.format(Locale.ROOT, pattern, ratio);
  }
}
