package org.ll4al.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Hand-written cycles.csv rows and run.json files for the report tests. */
final class Fixture {

    static final String HEADER = "task,strategy,trial,seed,cycle,labeled,metric_name,metric_value,loss_rank_accuracy,"
            + "train_seconds,select_seconds,status";

    /** Task cls: random and lloss with 2 complete trials, entropy with 1 trial. */
    static final List<String> RANDOM = List.of(
            "cls,random,0,10,0,100,top1_accuracy,0.50,,1.0,0.1,ok",
            "cls,random,0,10,1,200,top1_accuracy,0.60,,1.0,0.1,ok",
            "cls,random,0,10,2,300,top1_accuracy,0.70,,1.0,0.1,ok",
            "cls,random,1,11,0,100,top1_accuracy,0.52,,1.0,0.1,ok",
            "cls,random,1,11,1,200,top1_accuracy,0.64,,1.0,0.1,ok",
            "cls,random,1,11,2,300,top1_accuracy,0.72,,1.0,0.1,ok");

    /** lloss trials 0 and 1 complete; trial 2 fails at cycle 1 (incomplete). */
    static final List<String> LLOSS = List.of(
            "cls,lloss,0,10,0,100,top1_accuracy,0.50,0.60,1.0,0.1,ok",
            "cls,lloss,0,10,1,200,top1_accuracy,0.66,0.65,1.0,0.1,ok",
            "cls,lloss,0,10,2,300,top1_accuracy,0.76,0.70,1.0,0.1,ok",
            "cls,lloss,1,11,0,100,top1_accuracy,0.52,0.62,1.0,0.1,ok",
            "cls,lloss,1,11,1,200,top1_accuracy,0.68,0.70,1.0,0.1,ok",
            "cls,lloss,1,11,2,300,top1_accuracy,0.80,0.80,1.0,0.1,ok",
            "cls,lloss,2,12,0,100,top1_accuracy,0.51,0.60,1.0,0.1,ok",
            "cls,lloss,2,12,1,200,top1_accuracy,,,2.0,0.0," + "\"failed: out of memory, retry with smaller batch\"");

    static final List<String> ENTROPY = List.of(
            "cls,entropy,0,10,0,100,top1_accuracy,0.50,,1.0,0.1,ok",
            "cls,entropy,0,10,1,200,top1_accuracy,0.62,,1.0,0.1,ok",
            "cls,entropy,0,10,2,300,top1_accuracy,0.74,,1.0,0.1,ok");

    /** A second task with only random: no paired comparison possible. */
    static final List<String> DET =
            List.of("det,random,0,10,0,500,mAP,0.30,,1.0,0.1,ok", "det,random,0,10,1,1000,mAP,0.40,,1.0,0.1,ok");

    private Fixture() {}

    /** Every fixture row. */
    static List<String> all() {
        return concat(RANDOM, LLOSS, ENTROPY, DET);
    }

    @SafeVarargs
    static List<String> concat(List<String>... parts) {
        return Arrays.stream(parts).flatMap(List::stream).toList();
    }

    /** Creates {@code dir} with a cycles.csv holding the header and the given rows. */
    static Path folder(Path dir, List<String> rows) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("cycles.csv"), HEADER + "\n" + String.join("\n", rows) + "\n");
        return dir;
    }

    /** Writes {@code dir/run.json} with the given config JSON object text. */
    static void runJson(Path dir, String configObject) throws IOException {
        Files.writeString(dir.resolve("run.json"), "{\"config\": " + configObject + ", \"environment\": {}}\n");
    }
}
