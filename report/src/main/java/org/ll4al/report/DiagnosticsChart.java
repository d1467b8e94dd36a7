package org.ll4al.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.ll4al.results.CycleResult;

/**
 * Draws the selection diagnostics of each task as one PNG of three panels against the labeled
 * count at selection time: picked/subset true-loss ratio, the loss module's pair-ranking accuracy
 * on the scored subset, and the class entropy of the picks (mean ± std over trials).
 */
public final class DiagnosticsChart {

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** One panel: what it shows and how to read it from a row. */
    private record Panel(String title, String yTitle, ToDoubleFunction<CycleResult> value) {}

    private static final List<Panel> PANELS = List.of(
            new Panel(
                    "true loss of picks / subset mean",
                    "ratio (> 1: harder than average)",
                    r -> r.diagnostics().pickedLossRatio()),
            new Panel(
                    "loss module's ranking accuracy on the scored subset",
                    "fraction of pairs ordered right",
                    r -> r.diagnostics().subsetLossRankAccuracy()),
            new Panel(
                    "class entropy of the picks",
                    "entropy / log(classes) (1: balanced)",
                    r -> r.diagnostics().pickedLabelEntropy()));

    private DiagnosticsChart() {}

    /**
     * Writes {@code selection_diagnostics_<task>.png} for every task whose rows carry
     * diagnostics and returns the files written.
     *
     * @throws UncheckedIOException naming the file when it cannot be written
     */
    static List<Path> write(Collection<TaskData> tasks, Path outDir) {
        List<Path> out = new ArrayList<>();
        for (TaskData t : tasks) {
            List<XYChart> charts = new ArrayList<>();
            for (Panel p : PANELS) {
                XYChart c = LearningCurves.chart(t, t.task() + ": " + p.title(), 640, 480, p.yTitle(), p.value());
                if (!c.getSeriesMap().isEmpty()) {
                    charts.add(c);
                }
            }
            if (charts.isEmpty()) {
                continue; // rows written before diagnostics existed
            }
            Path png = outDir.resolve("selection_diagnostics_" + t.fileName() + ".png");
            try {
                Files.createDirectories(outDir);
                ImageIO.write(sideBySide(charts), "png", png.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(png + ": cannot write chart: " + e, e);
            }
            out.add(png);
        }
        return out;
    }

    private static BufferedImage sideBySide(List<XYChart> charts) {
        List<BufferedImage> images =
                charts.stream().map(BitmapEncoder::getBufferedImage).toList();
        int w = images.stream().mapToInt(BufferedImage::getWidth).sum();
        int h = images.stream().mapToInt(BufferedImage::getHeight).max().orElse(1);
        BufferedImage all = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = all.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        int x = 0;
        for (BufferedImage i : images) {
            g.drawImage(i, x, 0, null);
            x += i.getWidth();
        }
        g.dispose();
        return all;
    }
}
