package org.ll4al.harness;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The table of every option the harness accepts: name, default and one-line help. Used to pick
 * options out of system properties and config files, and to print usage.
 */
final class OptionSpec {

    /** Option name to {default, help}; a null default means "from the preset or required". */
    static final Map<String, String[]> ALL = new LinkedHashMap<>();

    static {
        add("task", null, "classification | detection | pose");
        add("preset", null, "paper | cpu | smoke, and cpu-long for classification (default: paper with a GPU, else cpu)");
        add("config", "", "properties file with any of these options (explicit -D options win)");
        add("strategies", null, "comma list of selection strategies");
        add("trials", null, "repeated trials, each with its own seeded initial set");
        add("cycles", null, "active-learning cycles (the first trains on the initial set)");
        add("initial", null, "initial labeled set size");
        add("budget", null, "samples labeled per cycle");
        add("subset", null, "random subset of the unlabeled pool scored per cycle");
        add("epochs", null, "training epochs per cycle");
        add("batch", null, "mini-batch size (>= 2: the ranking loss needs pairs)");
        add("lr", null, "initial learning rate");
        add("milestones", null, "comma list of 0-based epochs where lr is multiplied by 0.1");
        add("momentum", null, "momentum");
        add("weightDecay", null, "L2 weight decay");
        add("optimizer", null, "sgd | rmsprop");
        add("margin", null, "margin xi of the ranking loss");
        add("lambda", null, "weight of the loss-prediction loss");
        add("warmupEpochs", "0", "epochs of linear learning-rate warmup at the start of each cycle (0 = none)");
        add("clipGradient", "0", "clip each gradient element to [-c, c] (0 = off)");
        add("normalize", "image", "detection: training loss normalised per image (mean of loss_i / positives_i) | batch"
                + " (sum of losses / positives of the batch, as SSD)");
        add("augment", "ssd", "detection: ssd (photometric, zoom-out, crop, flip) | flip | none");
        add("lossKind", "ranking", "ranking (paper) | mse (ablation)");
        add("detachEpoch", null, "first 0-based epoch whose module input is detached");
        add("width", null, "channel-width multiplier of the target model (1 = paper)");
        add("reinit", "false", "true: re-initialise the model every cycle");
        add("initialEpochs", "0", "epochs of cycle 0 (0 = epochs); milestones and detachEpoch scale with it");
        add("shareCycle0", "true", "train cycle 0 once per trial and start every strategy from it (same results)");
        add("seed", "0", "experiment seed (initial sets, subsets, selections, init)");
        add("data", null, "dataset folder");
        add("out", "", "results folder (default results/<task>-<timestamp>)");
        add("resume", "true", "false: never reuse an existing results folder");
        add("device", "auto", "cpu | gpu | auto");
        add("shard", "0/1", "i/n: run only the i-th of n slices of the (strategy, trial) grid");
        add("supervise", "true", "run the experiment in a child JVM, relaunched to resume after a crash or kill");
        add("retries", "3", "relaunches in a row without a completed cycle before a crashing run stops");
        add("retryFailed", "false", "true: re-run (strategy, trial)s whose cycle failed (non-finite loss) on resume");
        add("devices", "1", "N > 1: run N shards side by side (one per GPU) and merge them");
        add("poolLimit", "0", "use at most this many training samples (0 = all)");
        add("evalLimit", "0", "evaluate on at most this many samples (0 = all)");
        add("dropout", "0", "classification: dropout rate before the classifier, in [0, 1) (bald needs > 0; 0 = paper)");
        add("mcPasses", "20", "bald: stochastic MC-dropout passes per scored sample");
        add("committee", "3", "committee: members trained per cycle (the main model + M-1 more; M x training cost)");
        add("isalDamping", "0.01", "isal: LiSSA damping (reference code: 0.01)");
        add("isalScale", "10000", "isal: LiSSA scale (reference code: 1e4)");
        add("isalDepth", "250", "isal: LiSSA recursion depth, one labeled sample per step (reference code: 250)");
        add("isalChains", "4", "isal: LiSSA chains averaged (reference code: 4)");
        add("isalTopK", "1", "isal: pseudo-labels in the expected gradient (1 = argmax as the CIFAR code; paper: 10)");
        add("isalParams", "all", "isal: all (every conv/linear weight, the reference) | last (last weight tensor, cheap)");
        add("isalReference", "1000", "isal: size of the labeled reference set R");
        add("isalReferenceSet", "pool", "isal: pool (R held out of the pool, seeded; its labels are read) | eval"
                + " (the evaluation set, as the reference code: reads test labels)");
        add("isalStep", "0.001", "isal: finite-difference step relative to the norm of the weights");
        add("imageSize", "0", "input resolution (0 = task default)");
        add("stacks", "2", "hourglass stacks (pose)");
        add("pretrained", "", "local file of pretrained backbone weights (detection)");
        add("classes", "", "comma list of class names (detection; default the 20 VOC classes)");
        add("trainSplit", "", "detection: year:split list of the pool, e.g. 2007:trainval,2012:trainval");
        add("evalSplit", "", "detection: year:split of the evaluation set");
        add("batchNorm", "", "detection: true | false (default: true without pretrained weights)");
        add("apMethod", "11point", "detection: 11point (VOC2007) | area (VOC2010+)");
        add("trainFile", "", "pose: training annotations JSON (relative to data)");
        add("validFile", "", "pose: validation annotations JSON (relative to data)");
        add("synthetic", "false", "pose: generate the synthetic set into data when absent");
    }

    /** Properties that select another command instead of a run: report drawing/merging and benchmarks. */
    static final Map<String, String> COMMANDS = Map.of(
            "report", "DIR[,DIR..]: merge results folders (or a folder of shard-*) and draw curves and summary",
            "bench", "coreset | strategies | classification | detection | pose: print throughput figures"
                    + " (-DbenchCompare=pytorch: side by side with the Python reference; README, Benchmarks)",
            "pretrain", "vgg: pretrain the SSD's VGG base on CIFAR-10 (-Ddata) and write -Dout for -Dpretrained",
            "help", "print this list");

    private OptionSpec() {}

    private static void add(String name, String def, String help) {
        ALL.put(name, new String[] {def, help});
    }

    /**
     * Warns about each given property that is no option but looks like one (Maven passes unknown
     * {@code -D} options on silently): a case slip, an edit distance of at most 2, or a singular
     * or plural of a known name.
     */
    static void warnMisspelt(java.util.Properties given, java.io.PrintStream err) {
        for (String name : given.stringPropertyNames()) {
            if (ALL.containsKey(name) || COMMANDS.containsKey(name) || name.contains(".")) {
                continue;
            }
            String guess = closest(name);
            if (guess != null) {
                err.println("warning: -D" + name + " is not an option and is ignored; did you mean -D" + guess + "?");
            }
        }
    }

    /** The known option a name most likely misspells, or null. */
    static String closest(String name) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        java.util.List<String> known = new java.util.ArrayList<>(ALL.keySet());
        known.addAll(COMMANDS.keySet());
        for (String k : known) {
            String a = name.toLowerCase(java.util.Locale.ROOT);
            String b = k.toLowerCase(java.util.Locale.ROOT);
            int d = a.equals(b) ? 0 : editDistance(a, b);
            boolean stem = a.length() >= 5 && b.length() >= 5 && (a.startsWith(b.substring(0, b.length() - 2))
                    || b.startsWith(a.substring(0, a.length() - 1))) && Math.abs(a.length() - b.length()) <= 3;
            if ((d <= 2 && Math.min(a.length(), b.length()) >= 4 || stem) && d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** Usage text listing every option. */
    static String usage() {
        StringBuilder sb = new StringBuilder("options (-Dname=value or in -Dconfig=FILE):\n");
        ALL.forEach((k, v) -> sb.append(String.format("  %-12s %s%n", k, v[1])));
        sb.append("strategies (-Dstrategies=a,b,...):\n");
        for (String name : org.ll4al.selection.Strategies.names()) {
            sb.append(String.format("  %-16s %s%n", name, org.ll4al.selection.Strategies.byName(name).description()));
        }
        sb.append("commands:\n");
        COMMANDS.forEach((k, v) -> sb.append(String.format("  %-12s %s%n", k, v)));
        return sb.toString();
    }
}
