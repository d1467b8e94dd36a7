package org.ll4al.tasks.classification;

import java.util.List;
import org.ll4al.options.Option;
import org.ll4al.options.Presets;
import org.ll4al.selection.SubsetSampler;
import org.ll4al.tasks.ActiveLearningTask;
import org.ll4al.tasks.TaskConfig;
import org.ll4al.tasks.TaskProvider;
import org.ll4al.tasks.data.OfficialDataset;

/** Provides the {@code classification} task (CIFAR-10, ResNet-18) and its presets. */
public final class ClassificationTaskProvider implements TaskProvider {

    @Override
    public String name() {
        return "classification";
    }

    @Override
    public String dataHelp() {
        return Cifar10.HELP;
    }

    @Override
    public List<OfficialDataset> officialData() {
        return List.of(CifarData.CIFAR10);
    }

    /** {@code -Ddropout}: dropout before the classifier (BALD's MC dropout needs it; 0 = the paper's ResNet). */
    public static final Option<Float> DROPOUT = Option.real(
            "dropout",
            0,
            1,
            false,
            "0",
            "classification: dropout rate before the classifier, in [0, 1) (bald needs > 0; 0 = paper)");

    private static final Presets PRESETS = Presets.parse("classification", """
            [base]
            strategies = random,entropy,coreset,lloss
            optimizer = sgd
            momentum = 0.9
            weightDecay = 5e-4
            margin = 1
            lambda = 1
            poolLimit = 0

            [paper]
            # Yoo and Kweon (2019), section 4.1: 1k initial, +1k x 10 cycles, subset 10k,
            # 200 epochs, lr 0.1 x0.1 at 160, batch 128, stop-gradient after epoch 120.
            trials = 5
            initial = 1000
            budget = 1000
            cycles = 10
            subset = 10000
            epochs = 200
            lr = 0.1
            milestones = 160
            batch = 128
            detachEpoch = 120
            width = 1
            evalLimit = 0

            [cpu]
            # Out of the cold start at CPU cost: first selection at 2,000 labels, rounds of
            # 1,000 from a subset of 10,000 (the paper's 10% ratio) on the 20,000-image pool.
            # Cycle 0 (shared by the strategies of a trial) trains 20 epochs, later cycles 6
            # on the kept model. Sized from measured throughput (width 0.25: ~470 img/s
            # training, ~1,500 img/s inference on 2 cores): 5 strategies x 3 trials ~35 min.
            strategies = random,entropy,coreset,lloss,true-loss
            trials = 3
            initial = 2000
            budget = 1000
            cycles = 3
            subset = 10000
            initialEpochs = 20
            epochs = 6
            lr = 0.1
            milestones = 5
            batch = 64
            detachEpoch = 4
            width = 0.25
            evalLimit = 2000

            [cpu-long]
            # The paper's proportions on the whole CIFAR-10 training set (pool 50,000,
            # subset = 10 x budget, up to 10,000 labels) at width 0.25: 2,000 initial,
            # +2,000 x 4 cycles, cycle 0 trained 40 epochs, later cycles 10 on the kept model
            # (lr x0.1 and detach at the paper's 80% and 60% of a cycle). Full test set.
            # Sized for ~3-4.5 h of 2-core CPU: 4.4 M training images at 330-470 img/s (AMD
            # EPYC / Intel Xeon cores here), plus scoring 20,000 and evaluating 10,000 a cycle.
            strategies = random,entropy,coreset,lloss,true-loss
            trials = 3
            initial = 2000
            budget = 2000
            cycles = 5
            subset = 20000
            initialEpochs = 40
            epochs = 10
            lr = 0.1
            milestones = 8
            batch = 64
            detachEpoch = 6
            width = 0.25
            evalLimit = 0

            [smoke]
            trials = 1
            initial = 40
            budget = 20
            cycles = 2
            subset = 100
            epochs = 1
            lr = 0.05
            milestones =
            batch = 20
            detachEpoch = 1
            width = 0.125
            poolLimit = 300
            evalLimit = 100
            """);

    @Override
    public Presets presets() {
        return PRESETS;
    }

    @Override
    public List<Option<?>> options() {
        return List.of(DROPOUT);
    }

    @Override
    public ActiveLearningTask create(TaskConfig config) {
        Cifar10 train = Cifar10.loadTrain(config.data());
        Cifar10 test = Cifar10.loadTest(config.data());
        int[] pool = SubsetSampler.limit(train.size(), config.poolLimit(), config.seed());
        int[] eval = SubsetSampler.limit(test.size(), config.evalLimit(), config.seed() + 1);
        return new ClassificationTask(train, pool, test, eval, config.width(), config.get(DROPOUT));
    }
}
