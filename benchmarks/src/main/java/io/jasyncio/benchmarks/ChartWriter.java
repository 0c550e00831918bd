package io.jasyncio.benchmarks;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler.LegendPosition;

/**
 * Draws the switch, spawn and memory figures against the peers as three bar charts side by side
 * in one PNG (XChart), on logarithmic axes since the peers differ by orders of magnitude.
 */
final class ChartWriter {
  /** The metrics drawn, each in its own panel. */
  static final List<String> METRICS = List.of("switch", "spawn", "memory");

  private static final Color[] PALETTE = {new Color(0x4c72b0), new Color(0xdd8452),
      new Color(0xc44e52), new Color(0x55a868), new Color(0x8172b3), new Color(0x937860),
      new Color(0xda8bc3), new Color(0x8c8c8c)};

  private ChartWriter() {}

  /** Writes the chart of {@code table} to {@code png}; {@code title} goes under each panel. */
  static void write(Path png, Table table, List<Column> columns, String title)
      throws IOException {
    System.setProperty("java.awt.headless", "true");
    List<CategoryChart> charts = new ArrayList<>();
    for (String metric : METRICS) {
      String unit = Workload.metric(metric).unit();
      CategoryChart chart = new CategoryChartBuilder().width(520).height(520)
          .title(metric + " (" + unit + ", lower is better)").xAxisTitle(title)
          .yAxisTitle(unit).build();
      chart.getStyler().setYAxisLogarithmic(true);
      chart.getStyler().setLegendPosition(LegendPosition.OutsideS);
      chart.getStyler().setLabelsVisible(true);
      chart.getStyler().setLabelsRotation(0);
      chart.getStyler().setDecimalPattern("#,##0.#");
      chart.getStyler().setChartBackgroundColor(Color.WHITE);
      double min = Double.POSITIVE_INFINITY;
      double max = 0;
      for (int i = 0; i < columns.size(); i++) {
        Column c = columns.get(i);
        Optional<Measurement> m = table.cell(metric, c);
        if (m.isPresent() && m.get().figure() > 0) {
          double v = m.get().figure();
          // A column keeps its colour in every panel, whichever peers the panel has.
          chart.addSeries(c.label(), List.of(metric), List.of(v))
              .setFillColor(PALETTE[i % PALETTE.length]);
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
      if (!chart.getSeriesMap().isEmpty()) {
        // Bars start from the axis minimum, which a log axis needs above zero.
        chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(min))));
        chart.getStyler().setYAxisMax(Math.pow(10, Math.ceil(Math.log10(max * 1.5))));
        charts.add(chart);
      }
    }
    if (charts.isEmpty()) {
      return;
    }
    Path parent = png.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    String name = png.toString();
    String base = name.endsWith(".png") ? name.substring(0, name.length() - 4) : name;
    BitmapEncoder.saveBitmap(charts, 1, charts.size(), base, BitmapFormat.PNG);
  }
}
