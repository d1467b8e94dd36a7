package org.ll4al.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.ll4al.results.CycleResult;

/** Draws one learning-curve chart per task (mean ± sample std over trials) as PNG and SVG. */
public final class LearningCurves {

    static {
        // Before any AWT class is touched: charts are rendered without a display.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private LearningCurves() {}

    /**
     * Writes {@code learning_curve_<task>.png} and {@code .svg} for every task with ok rows
     * (failed rows are ignored) and returns the files written, in task order.
     *
     * @throws UncheckedIOException naming the file when a chart cannot be written
     */
    public static List<Path> write(List<CycleResult> rows, Path outDir) {
        return write(TaskData.byTask(rows).values(), outDir);
    }

    static List<Path> write(Collection<TaskData> tasks, Path outDir) {
        List<Path> out = new ArrayList<>();
        for (TaskData t : tasks) {
            XYChart chart = chart(t);
            String base = "learning_curve_" + t.fileName();
            Path png = outDir.resolve(base + ".png");
            Path svg = outDir.resolve(base + ".svg");
            try {
                Files.createDirectories(outDir);
                BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
                VectorGraphicsEncoder.saveVectorGraphic(
                        chart, svg.toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            } catch (IOException e) {
                throw new UncheckedIOException(outDir + ": cannot write chart " + base + ": " + e, e);
            }
            out.add(png);
            out.add(svg);
        }
        return out;
    }

    /** Builds the chart of one task: x = labeled count, one series per strategy with error bars. */
    static XYChart chart(TaskData t) {
        return chart(
                t,
                t.task() + ": " + t.metricName() + " vs labeled samples",
                900,
                600,
                t.metricName() + " (mean ± std over trials)",
                CycleResult::metricValue);
    }

    /**
     * A chart of one value of the rows against the labeled count: one series per strategy, mean
     * ± sample std over trials; rows whose value is NaN are left out (a strategy with none is not
     * drawn).
     */
    static XYChart chart(
            TaskData t, String title, int width, int height, String yTitle, ToDoubleFunction<CycleResult> value) {
        XYChart chart = new XYChartBuilder()
                .width(width)
                .height(height)
                .title(title)
                .xAxisTitle("labeled samples")
                .yAxisTitle(yTitle)
                .build();
        // inside the plot a legend of more than 5 strategies hides the curves' ends
        chart.getStyler()
                .setLegendPosition(
                        t.strategies().size() > 5 ? Styler.LegendPosition.OutsideS : Styler.LegendPosition.InsideSE);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        chart.getStyler().setYAxisDecimalPattern("0.000");
        chart.getStyler().setXAxisDecimalPattern("0");
        for (String strategy : t.strategies()) {
            SortedMap<Integer, List<Double>> byLabeled = new TreeMap<>();
            t.trials(strategy)
                    .values()
                    .forEach(cycles -> cycles.values().forEach(r -> {
                        double v = value.applyAsDouble(r);
                        if (!Double.isNaN(v)) {
                            byLabeled
                                    .computeIfAbsent(r.labeled(), k -> new ArrayList<>())
                                    .add(v);
                        }
                    }));
            int n = byLabeled.size();
            if (n == 0) {
                continue;
            }
            double[] x = new double[n];
            double[] y = new double[n];
            double[] err = new double[n];
            int i = 0;
            int trials = t.trials(strategy).size();
            for (var e : byLabeled.entrySet()) {
                x[i] = e.getKey();
                y[i] = Stats.mean(e.getValue());
                double sd = Stats.sampleStd(e.getValue());
                err[i] = Double.isNaN(sd) ? 0 : sd;
                i++;
            }
            String name = t.label(strategy) + " (" + trials + (trials == 1 ? " trial)" : " trials)");
            XYSeries s = chart.addSeries(name, x, y, err);
            s.setMarker(SeriesMarkers.CIRCLE);
            if (t.isControl(strategy)) {
                s.setLineStyle(SeriesLines.DASH_DASH);
            }
        }
        return chart;
    }
}
