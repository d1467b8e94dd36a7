package org.ll4al.harness.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.ll4al.harness.options.BenchOptions;
import org.ll4al.harness.options.OptionSpec;
import org.ll4al.harness.supervise.NativeAllocator;
import org.ll4al.report.Stats;
import org.ll4al.tasks.classification.ConvBatchNorm;

/**
 * The side-by-side mode of the benchmark command ({@code -DbenchCompare=pytorch}): rounds of the
 * DJL measurement alternate with runs of the Python reference of the same network and step
 * ({@code scripts/bench/resnet_cifar.py}) or of the same greedy k-center
 * ({@code scripts/bench/coreset.py}, numpy), with the same sizes and threads. Each side's median
 * and spread (min-max over rounds) are printed with the speed ratio DJL / reference per round
 * (> 1: DJL faster), whose median and spread say how far the two differ on this machine today, and
 * their geometric mean with a paired t test of the log ratios (is the difference more than noise).
 */
public final class BenchCompare {

    /** How the reference process gets this JVM's allocator settings. */
    static final String INHERITS = "the reference inherits them; " + NativeAllocator.THP_VARIABLE
            + " takes effect only from libtorch 2.1, so a torch 1.13 reference allocates on small pages";

    private BenchCompare() {}

    /**
     * One measured quantity of both sides, round by round.
     *
     * @param name what is measured, with its unit
     * @param djl the DJL values per round
     * @param reference the reference's values per round (empty when it was skipped)
     * @param higherIsFaster true for throughput (img/s), false for seconds
     */
    record Measure(String name, double[] djl, double[] reference, boolean higherIsFaster) {}

    /**
     * Median, minimum and maximum.
     *
     * @param median the median (the mean of the middle two of an even count)
     */
    record Spread(double median, double min, double max) {

        static Spread of(double[] values) {
            if (values.length == 0) {
                throw new IllegalArgumentException("no values");
            }
            double[] v = values.clone();
            Arrays.sort(v);
            int n = v.length;
            double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
            return new Spread(median, v[0], v[n - 1]);
        }

        String format(String number) {
            return String.format(Locale.ROOT, number + " [" + number + "-" + number + "]", median, min, max);
        }
    }

    /**
     * DJL's speed relative to the reference in each round: DJL / reference for throughput,
     * reference / DJL for seconds; > 1 means DJL was faster in that round.
     */
    static double[] speedRatios(Measure m) {
        int n = Math.min(m.djl().length, m.reference().length);
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = m.higherIsFaster() ? m.djl()[i] / m.reference()[i] : m.reference()[i] / m.djl()[i];
        }
        return r;
    }

    /**
     * The geometric mean of the per-round speed ratios and the two-sided p-value of a paired t test
     * of their logarithms (H0: the two sides are equally fast, ratio 1); p is NaN for one round.
     */
    static double[] geometricMeanAndP(double[] ratios) {
        List<Double> logs = new ArrayList<>();
        for (double r : ratios) {
            logs.add(Math.log(r));
        }
        return new double[] {Math.exp(Stats.mean(logs)), Stats.pairedP(logs)};
    }

    /** Whether the reference runs first in this 0-based round (alternating, so drift favours neither side). */
    static boolean referenceFirst(int round) {
        return round % 2 == 1;
    }

    /** Prints the comparison table: each side's median [min-max], and the per-round speed ratio's. */
    static void print(PrintStream out, String reference, List<Measure> measures, String skipped) {
        BenchTable t = new BenchTable(
                "",
                "DJL median [min-max]",
                reference + " median [min-max]",
                "speed DJL/" + reference + " median [min-max] (> 1: DJL faster)",
                "geometric mean, p (ratio = 1)");
        for (Measure m : measures) {
            String number = m.higherIsFaster() ? "%.1f" : "%.3f";
            String ref =
                    m.reference().length == 0 ? "-" : Spread.of(m.reference()).format(number);
            String ratio =
                    m.reference().length == 0 ? "-" : Spread.of(speedRatios(m)).format("%.2f");
            String test = "-";
            if (m.reference().length > 0) {
                double[] g = geometricMeanAndP(speedRatios(m));
                test = String.format(
                        Locale.ROOT,
                        "%.3f, p %s",
                        g[0],
                        Double.isNaN(g[1]) ? "-" : String.format(Locale.ROOT, "%.3f", g[1]));
            }
            t.row(m.name(), Spread.of(m.djl()).format(number), ref, ratio, test);
        }
        t.print(out);
        if (skipped != null) {
            out.println(reference + " " + skipped);
        } else {
            List<String> how = new ArrayList<>();
            if (measures.stream().anyMatch(Measure::higherIsFaster)) {
                how.add("img/s DJL / " + reference);
            }
            if (measures.stream().anyMatch(m -> !m.higherIsFaster())) {
                how.add("seconds " + reference + " / DJL");
            }
            out.println("speed ratio per round: " + String.join(", ", how) + "; rounds alternate which side runs first;"
                    + " p: paired t test of the log ratios over rounds");
        }
    }

    private static String rounds(int n) {
        return n == 1 ? "1 round" : n + " rounds";
    }

    /** Classification: DJL training and scoring rounds against resnet_cifar.py's with the same settings. */
    static void classification(BenchSetup s, int[] ids, int rounds, Properties props, PrintStream out)
            throws IOException, InterruptedException {
        BenchReference ref = BenchReference.find(props, "torch", "resnet_cifar.py");
        int threads = BenchSetup.engineThreads();
        var t = s.o.train();
        String gradMode = OptionSpec.value(props, BenchOptions.REFERENCE_GRAD_MODE);
        String phases = OptionSpec.value(props, BenchOptions.PHASES);
        boolean training = !"inference".equals(phases);
        boolean inference = !"training".equals(phases);
        List<String> args = new ArrayList<>(List.of(
                "--width",
                s.o.get("width"),
                "--dropout",
                s.o.get("dropout"),
                "--batch",
                "" + s.batch(),
                "--infer-batch",
                "" + s.inferenceBatch(),
                "--images",
                "" + ids.length,
                "--warmup",
                "2",
                "--rounds",
                "1",
                "--threads",
                "" + threads,
                "--optimizer",
                t.optimizerName(),
                "--lr",
                "" + t.lr(),
                "--momentum",
                "" + t.momentum(),
                "--weight-decay",
                "" + t.weightDecay(),
                "--lambda",
                "" + t.lambda(),
                "--margin",
                "" + t.margin(),
                "--module-width",
                "" + t.moduleWidth(),
                "--loss",
                t.lossKind().name().toLowerCase(Locale.ROOT),
                "--grad-mode",
                gradMode,
                "--phases",
                phases));
        boolean fold = OptionSpec.value(props, BenchOptions.REFERENCE_FOLD);
        if (fold) {
            args.add("--fold-bn");
        }
        String djlScoring =
                ConvBatchNorm.foldsInference() ? "folded batch norm" : "eager blocks (-Dll4al.foldBatchNorm=false)";
        String refScoring = (fold ? "folded batch norm (--fold-bn)" : "eager modules") + " under torch."
                + ("no_grad".equals(gradMode) ? "no_grad" : "inference_mode");
        out.printf(
                "side by side: DJL and the PyTorch reference%s, width %s, batch %d / %d, %d images, %d threads,"
                        + " %s timing %s; scoring: DJL %s with grad mode off, reference %s%n",
                ref.available() ? " (" + ref.python() + " " + ref.script() + ", torch " + ref.version() + ")" : "",
                s.o.get("width"),
                s.batch(),
                s.inferenceBatch(),
                ids.length,
                threads,
                rounds(rounds),
                "all".equals(phases) ? "training and inference" : phases,
                djlScoring,
                refScoring);
        double[][] djl = new double[2][rounds];
        double[][] py = new double[2][ref.available() ? rounds : 0];
        ReferenceShare share = new ReferenceShare();
        for (int r = 0; r < rounds; r++) {
            for (int side = 0; side < 2; side++) {
                boolean reference = referenceFirst(r) == (side == 0);
                if (!reference) {
                    djl[0][r] = training ? s.trainImagesPerSecond(ids, r + 1) : 0;
                    djl[1][r] = inference ? s.inferImagesPerSecond(ids) : 0;
                } else if (ref.available()) {
                    Map<String, Object> json = share.run(ref, args);
                    if (r == 0 && BenchReference.numbers(json, "threads")[0] != threads) {
                        out.println("warning: the reference ran with "
                                + (int) BenchReference.numbers(json, "threads")[0] + " threads, DJL with " + threads);
                    }
                    py[0][r] = training ? BenchReference.numbers(json, "train_img_s")[0] : 0;
                    py[1][r] = inference ? BenchReference.numbers(json, "infer_img_s")[0] : 0;
                }
            }
            out.println(roundLine(r, rounds, training, inference, djl, ref.available() ? py : null));
        }
        List<Measure> measures = new ArrayList<>();
        if (training) {
            measures.add(new Measure("training img/s", djl[0], py[0], true));
        }
        if (inference) {
            measures.add(new Measure("inference img/s", djl[1], py[1], true));
        }
        print(out, "PyTorch", measures, ref.skipped());
        share.print(out);
        if (inference) {
            double pass = ids.length / Spread.of(djl[1]).median();
            double prep = s.scoringPreparationSeconds(ids);
            out.printf(
                    "DJL scoring pass %.3f s (median), of which batch preparation %.3f s (%.1f%%; the reference's inputs"
                            + " are made before timing); native allocator: %s (%s)%n",
                    pass, prep, 100 * prep / pass, NativeAllocator.current(), INHERITS);
        } else {
            out.printf("native allocator: %s (%s)%n", NativeAllocator.current(), INHERITS);
        }
    }

    /** One round's figures, printed as it ends (progress, and the rounds behind the medians). */
    static String roundLine(int r, int rounds, boolean training, boolean inference, double[][] djl, double[][] py) {
        StringBuilder b = new StringBuilder(String.format(
                Locale.ROOT, "round %d/%d (%s first):", r + 1, rounds, referenceFirst(r) ? "reference" : "DJL"));
        String[] names = {"training", "inference"};
        boolean[] timed = {training, inference};
        for (int k = 0; k < 2; k++) {
            if (timed[k]) {
                b.append(String.format(Locale.ROOT, " %s DJL %.1f", names[k], djl[k][r]));
                if (py != null) {
                    b.append(
                            String.format(Locale.ROOT, " / PyTorch %.1f img/s = %.3f", py[k][r], djl[k][r] / py[k][r]));
                } else {
                    b.append(" img/s");
                }
                b.append(k == 0 && inference ? ";" : "");
            }
        }
        return b.toString();
    }

    /**
     * The CPU this JVM itself used while the reference ran (its idle threads: JIT, GC, periodic
     * tasks, engine threads winding down): the share of the cores the reference's rounds did not
     * get, printed so that a reader can see how fair the comparison was. The DJL rounds run while
     * no reference process exists, so they have no such counterpart.
     */
    static final class ReferenceShare {
        private double cpuSeconds;
        private double wallSeconds;

        /** Runs the reference once, adding this JVM's CPU seconds and the run's wall seconds. */
        Map<String, Object> run(BenchReference ref, List<String> args) throws IOException, InterruptedException {
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            try {
                return ref.run(args);
            } finally {
                wallSeconds += (System.nanoTime() - t0) / 1e9;
                long cpu1 = processCpuNanos();
                cpuSeconds += cpu0 < 0 || cpu1 < 0 ? Double.NaN : (cpu1 - cpu0) / 1e9;
            }
        }

        void print(PrintStream out) {
            if (wallSeconds == 0) {
                return;
            }
            if (Double.isNaN(cpuSeconds)) {
                out.println("this JVM's own CPU while the reference ran: not available on this platform");
                return;
            }
            out.printf(
                    Locale.ROOT,
                    "this JVM's own CPU while the reference ran: %.2f s over %.1f s of reference runs"
                            + " (%.1f%% of one core, taken from the reference's share of the machine)%n",
                    cpuSeconds,
                    wallSeconds,
                    100 * cpuSeconds / wallSeconds);
        }

        private static long processCpuNanos() {
            if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
                return os.getProcessCpuTime();
            }
            return -1;
        }
    }

    /** Core-set: DJL's greedy k-center against coreset.py's (numpy) on embeddings of the same sizes. */
    static void coreset(Properties props, PrintStream out, int n, int dim, int pick, int rounds)
            throws IOException, InterruptedException {
        BenchReference ref = BenchReference.find(props, "numpy", "coreset.py");
        int threads = BenchSetup.engineThreads();
        List<String> args = List.of(
                "--n",
                "" + n,
                "--labeled",
                "" + n,
                "--dim",
                "" + dim,
                "--pick",
                "" + pick,
                "--rounds",
                "1",
                "--threads",
                "" + threads);
        out.printf(
                "side by side: DJL and the numpy reference%s, %d unlabeled x %d labeled x %d-d, pick %d,"
                        + " %d threads, %s%n",
                ref.available() ? " (" + ref.python() + " " + ref.script() + ", numpy " + ref.version() + ")" : "",
                n,
                n,
                dim,
                pick,
                threads,
                rounds(rounds));
        CoreSetRun djlRun = new CoreSetRun(n, dim, pick);
        double[] djl = new double[rounds];
        double[] np = new double[ref.available() ? rounds : 0];
        String blas = null;
        ReferenceShare share = new ReferenceShare();
        for (int r = 0; r < rounds; r++) {
            for (int side = 0; side < 2; side++) {
                boolean reference = referenceFirst(r) == (side == 0);
                if (!reference) {
                    djl[r] = djlRun.seconds();
                } else if (ref.available()) {
                    Map<String, Object> json = share.run(ref, args);
                    np[r] = BenchReference.numbers(json, "seconds")[0];
                    blas = String.valueOf(json.get("blas"));
                }
            }
            out.printf(
                    Locale.ROOT,
                    "round %d/%d (%s first): core-set DJL %.3f s%s%n",
                    r + 1,
                    rounds,
                    referenceFirst(r) ? "reference" : "DJL",
                    djl[r],
                    ref.available() ? String.format(Locale.ROOT, " / numpy %.3f s = %.3f", np[r], np[r] / djl[r]) : "");
        }
        if (blas != null) {
            out.println("numpy BLAS: " + blas);
        }
        print(out, "numpy", List.of(new Measure("core-set seconds", djl, np, false)), ref.skipped());
        share.print(out);
    }
}
