package dev.chatshell.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws a comparison's results as PNG files with JFreeChart: the p99 latency against the delivery
 * rate, a line per server (the steps of the rate search and the fixed-rate load), and the resident
 * memory per idle connection (the settled slope) as bars. The pictures in BENCHMARKS.md are these
 * files as the bench wrote them.
 */
final class BenchCharts {
  static final String LATENCY_FILE = "irc-p99-vs-rate.png";
  static final String MEMORY_FILE = "irc-memory-per-connection.png";
  private static final int WIDTH = 900;
  private static final int HEIGHT = 540;

  /** One colour per server, the same in every chart; chatshell's stands out. */
  private static Color colour(Target target) {
    return switch (target) {
      case CHATSHELL -> new Color(0xD6, 0x27, 0x28);
      case NGIRCD -> new Color(0x1F, 0x77, 0xB4);
      case INSPIRCD -> new Color(0x2C, 0xA0, 0x2C);
      case ERGO -> new Color(0x94, 0x67, 0xBD);
      case BASELINE -> Color.GRAY;
    };
  }

  private BenchCharts() {}

  /**
   * Writes the charts of {@code report} into {@code directory} (made if missing); returns the files
   * written. {@code subtitle} says what load they show.
   */
  static List<Path> write(ComparisonReport report, Path directory, String subtitle, double limitMs)
      throws IOException {
    // Drawing needs no display: AWT's headless mode, set before the first chart is made.
    System.setProperty("java.awt.headless", "true");
    Files.createDirectories(directory);
    List<Path> written = new ArrayList<>();
    Map<Target, List<double[]>> curves = report.latencyCurves();
    if (!curves.isEmpty()) {
      Path file = directory.resolve(LATENCY_FILE);
      ChartUtils.saveChartAsPNG(
          file.toFile(), latencyChart(curves, subtitle, limitMs), WIDTH, HEIGHT);
      written.add(file);
    }
    Map<Target, Double> bars = report.memoryBars();
    if (!bars.isEmpty()) {
      Path file = directory.resolve(MEMORY_FILE);
      ChartUtils.saveChartAsPNG(file.toFile(), memoryChart(bars, subtitle), WIDTH, HEIGHT);
      written.add(file);
    }
    return written;
  }

  /** p99 (log scale, ms) against deliveries a second, a line with points per server. */
  static JFreeChart latencyChart(
      Map<Target, List<double[]>> curves, String subtitle, double limitMs) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (Map.Entry<Target, List<double[]>> curve : curves.entrySet()) {
      XYSeries series = new XYSeries(curve.getKey().label(), true, true);
      for (double[] point : curve.getValue()) {
        series.addOrUpdate(point[0], Math.max(point[1], 0.01)); // a log axis has no 0
      }
      data.addSeries(series);
    }
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            "p99 delivery latency against delivery rate",
            "deliveries per second",
            "p99 latency (ms, log scale)",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    chart.addSubtitle(new org.jfree.chart.title.TextTitle(subtitle));
    XYPlot plot = chart.getXYPlot();
    // Decades labelled 1, 10, 100, 1000 (not 10^x): a failing step's p99 is seconds, a good one's
    // a few milliseconds, and both must be readable on one chart.
    LogarithmicAxis y = new LogarithmicAxis("p99 latency (ms, log scale)");
    y.setStrictValuesFlag(false);
    y.setExpTickLabelsFlag(false);
    y.setLog10TickLabelsFlag(false);
    y.setAutoRangeNextLogFlag(true);
    plot.setRangeAxis(y);
    ((NumberAxis) plot.getDomainAxis()).setAutoRangeIncludesZero(true);
    ValueMarker limit = new ValueMarker(limitMs);
    limit.setPaint(Color.DARK_GRAY);
    limit.setStroke(
        new BasicStroke(
            1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {6f}, 0f));
    limit.setLabel(String.format(java.util.Locale.ROOT, "%.0f ms", limitMs));
    limit.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    limit.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
    limit.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_RIGHT);
    plot.addRangeMarker(limit);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    int i = 0;
    for (Target target : curves.keySet()) {
      renderer.setSeriesPaint(i, colour(target));
      renderer.setSeriesStroke(i, new BasicStroke(2f));
      i++;
    }
    plot.setRenderer(renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    return chart;
  }

  /**
   * KiB of resident memory per idle connection (the settled slope between a fifth of the idle
   * clients and all of them), a bar per server with its value on it.
   */
  static JFreeChart memoryChart(Map<Target, Double> kibPerConnection, String subtitle) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (Map.Entry<Target, Double> bar : kibPerConnection.entrySet()) {
      data.addValue(bar.getValue(), "RSS per idle connection", bar.getKey().label());
    }
    JFreeChart chart =
        ChartFactory.createBarChart(
            "Resident memory per idle IRC connection (marginal, settled)",
            "server",
            "KiB per connection",
            data,
            PlotOrientation.VERTICAL,
            false,
            false,
            false);
    chart.addSubtitle(new org.jfree.chart.title.TextTitle(subtitle));
    CategoryPlot plot = chart.getCategoryPlot();
    BarRenderer renderer =
        new BarRenderer() {
          @Override
          public java.awt.Paint getItemPaint(int row, int column) {
            return colour(List.copyOf(kibPerConnection.keySet()).get(column));
          }
        };
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setDefaultItemLabelGenerator(
        new StandardCategoryItemLabelGenerator("{2}", new java.text.DecimalFormat("0.0")));
    renderer.setDefaultItemLabelsVisible(true);
    plot.setRenderer(renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    return chart;
  }
}
