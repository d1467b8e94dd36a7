package org.ll4al.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Path options are recorded without the absolute paths of the machine, and old absolute records still compare. */
class PortablePathsTest {

    private final PortablePaths paths =
            new PortablePaths(Path.of("/work/main"), Map.of("dataCache", Path.of("/home/alice/.ll4al/data")));

    @Test
    void eachKindOfPathIsWrittenPortably() {
        assertEquals("data/voc", paths.of("data/voc"), "relative: as given");
        assertEquals("../shared/data/voc", paths.of("../shared/data/./voc"), "relative: normalised");
        assertEquals("${path}/x/y", paths.of("../../../x/y"), "relative, far above: as the absolute path is written");
        assertEquals("${dataCache}/cifar10", paths.of("../../home/alice/.ll4al/data/cifar10"));
        assertEquals("target/x", paths.of("/work/main/target/x"), "under the working folder");
        assertEquals(".", paths.of("/work/main"));
        assertEquals("../shared/data/voc", paths.of("/work/shared/data/voc"), "beside it");
        assertEquals("../runs/vgg/out", paths.of("/work/runs/vgg/out"));
        assertEquals(
                "${dataCache}/cifar10/cifar-10-batches-bin",
                paths.of("/home/alice/.ll4al/data/cifar10/cifar-10-batches-bin"),
                "under a named root");
        assertEquals("${dataCache}", paths.of("/home/alice/.ll4al/data"));
        assertEquals("${path}/datasets/voc", paths.of("/mnt/disk7/datasets/voc"), "elsewhere: the last two names");
        assertEquals("${path}/x", paths.of("/x"));
        assertEquals("", paths.of(""));
    }

    @Test
    void writingIsIdempotentSoOldAndNewRecordsMatch() {
        for (String v : List.of(
                "/work/shared/data/voc",
                "/mnt/disk7/datasets/voc",
                "data/voc",
                "/home/alice/.ll4al/data/cifar10",
                "../x")) {
            assertEquals(paths.of(v), paths.of(paths.of(v)), v);
        }
        assertTrue(PortablePaths.isPlaceholder("${path}/datasets/voc"));
        assertFalse(PortablePaths.isPlaceholder("/work/x"));
    }

    @Test
    void aPathKeptByItsLastNamesMatchesAnyFolderWithThoseNames() {
        assertTrue(paths.same("${path}/datasets/voc", "/scratch/me/datasets/voc"));
        assertTrue(paths.same("../shared/datasets/voc", "${path}/datasets/voc"));
        assertFalse(paths.same("${path}/datasets/voc", "/scratch/me/datasets/voc2012"));
        assertFalse(paths.same("${path}/datasets/voc", "/scratch/me/data/voc"));
        assertTrue(paths.same("/work/shared/data/voc", "../shared/data/voc"));
        assertFalse(paths.same("../shared/data/voc", "data/voc"));
    }

    @Test
    void aRunJsonWithAnAbsoluteDataPathMatchesTheSameFolderGivenRelatively() {
        RunManifest old = new RunManifest(
                Map.of("data", "/work/shared/data/voc", "pretrained", "/work/runs/vgg/out", "epochs", "16"),
                Map.of()); // written before path options were recorded: legacy names apply
        RunManifest fresh = new RunManifest(
                Map.of("data", "../shared/data/voc", "pretrained", "../runs/vgg/out", "epochs", "16"), Map.of());
        fresh.setPathOptions(List.of("data", "pretrained"));
        assertEquals(List.of(), old.differences(fresh, Set.of(), paths));
        assertEquals(List.of(), fresh.differences(old, Set.of(), paths));
        RunManifest other = new RunManifest(
                Map.of("data", "../shared/data/voc2007", "pretrained", "../runs/vgg/out", "epochs", "16"), Map.of());
        assertEquals(
                List.of("data: /work/shared/data/voc -> ../shared/data/voc2007"),
                old.differences(other, Set.of(), paths));
    }

    @Test
    void everyPublishedRunJsonIsReadAndNamesItsPathOptions() throws Exception {
        Path published = Path.of("..", "docs", "results");
        try (Stream<Path> dirs = Files.list(published)) {
            List<Path> runs =
                    dirs.filter(d -> Files.exists(d.resolve("run.json"))).toList();
            assertTrue(runs.size() >= 5, "published runs: " + runs);
            for (Path d : runs) {
                RunManifest m = ResultsReader.manifest(d);
                assertTrue(m.pathOptions().contains("data"), d.toString());
                String data = m.config().get("data");
                assertFalse(paths.of(data).startsWith("/"), d + ": " + data + " is written without an absolute path");
            }
        }
    }
}
