package org.ll4al.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsMergerTest {

    @TempDir
    Path tmp;

    private static final String OLD_HEADER = "task,strategy,trial,seed,cycle,labeled,metric_name,metric_value,"
            + "loss_rank_accuracy,train_seconds,select_seconds,status\n";

    @Test
    void mergesAnOldLayoutFolderWithANewOneKeepingTheDiagnostics() throws Exception {
        Path old = Files.createDirectories(tmp.resolve("old"));
        Files.writeString(old.resolve("cycles.csv"), OLD_HEADER
                + "classification,lloss,0,42,0,1000,top1_accuracy,0.5,0.6,1.0,2.0,ok\n"
                + "classification,random,0,42,0,1000,top1_accuracy,0.5,0.6,1.0,2.0,ok\n");
        Path fresh = tmp.resolve("new");
        ResultsStore.open(fresh).appendCycle(new CycleResult("classification", "lloss", 0, 42L, 0, 1000,
                "top1_accuracy", 0.5, 0.6, 3, 4, CycleResult.OK, new SelectionDiagnostics(1.5, 0.6, 0.9)), List.of());
        Path out = tmp.resolve("merged");
        ResultsMerger.merge(List.of(old, fresh), out, Set.of());
        List<CycleResult> rows = ResultsReader.cycles(out);
        assertEquals(2, rows.size());
        CycleResult lloss = rows.stream().filter(r -> r.strategy().equals("lloss")).findFirst().orElseThrow();
        assertEquals(1.5, lloss.diagnostics().pickedLossRatio());
        CycleResult random = rows.stream().filter(r -> r.strategy().equals("random")).findFirst().orElseThrow();
        assertEquals(SelectionDiagnostics.NONE, random.diagnostics());
    }

    @Test
    void differingDiagnosticsAreAConflict() {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        ResultsStore.open(a).appendCycle(new CycleResult("classification", "lloss", 0, 42L, 0, 1000, "top1_accuracy",
                0.5, 0.6, 3, 4, CycleResult.OK, new SelectionDiagnostics(1.5, 0.6, 0.9)), List.of());
        ResultsStore.open(b).appendCycle(new CycleResult("classification", "lloss", 0, 42L, 0, 1000, "top1_accuracy",
                0.5, 0.6, 3, 4, CycleResult.OK, new SelectionDiagnostics(1.4, 0.6, 0.9)), List.of());
        assertThrows(ResultsException.class, () -> ResultsMerger.merge(List.of(a, b), tmp.resolve("m"), Set.of()));
    }
}
