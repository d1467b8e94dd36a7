package org.ll4al.harness.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ll4al.harness.RunFixture;
import org.ll4al.harness.options.DataCacheOptions;
import org.ll4al.results.PortablePaths;
import org.ll4al.results.ResultsReader;
import org.ll4al.results.ResultsStore;
import org.ll4al.results.RunManifest;

/**
 * run.json and a published OPTIONS carry no absolute path of the machine that ran them, and a
 * results folder whose run.json recorded absolute paths (every run before this) still resumes.
 */
class PortableTest {

    @TempDir
    Path tmp;

    @Test
    void aRunRecordsItsPathsRelativeOrAsPlaceholders() throws Exception {
        RunFixture f = new RunFixture(tmp);
        Properties p = f.smoke(tmp.resolve("out"));
        p.setProperty("strategies", "random");
        assertEquals(0, f.run(p), f.stderr);
        RunManifest m = ResultsReader.manifest(tmp.resolve("out"));
        PortablePaths here = DataCacheOptions.portablePaths(Path.of("/nonexistent-cache"));
        assertEquals(here.of(f.data.toString()), m.config().get("data"));
        assertEquals(here.of(tmp.resolve("out").toString()), m.config().get("out"));
        for (String name : m.pathOptions()) {
            String v = m.config().get(name);
            assertFalse(v != null && v.startsWith("/"), name + " recorded as " + v);
        }
    }

    @Test
    void aFolderWhoseRunJsonRecordedAbsolutePathsResumes() throws Exception {
        RunFixture f = new RunFixture(tmp);
        Path out = tmp.resolve("out");
        Properties p = f.smoke(out);
        p.setProperty("strategies", "random");
        p.setProperty("cycles", "1");
        assertEquals(0, f.run(p), f.stderr);
        // as the code before portable paths wrote it: absolute paths, no pathOptions
        String json = Files.readString(out.resolve("run.json"));
        RunManifest m = ResultsReader.manifest(out);
        String legacy = json.replace(
                        "\"data\": \"" + m.config().get("data") + "\"", "\"data\": \"" + f.data.toAbsolutePath() + "\"")
                .replaceAll("(?s)\\s*\"pathOptions\": \\[[^]]*\\],", "");
        assertTrue(legacy.contains(f.data.toAbsolutePath().toString()) && !legacy.contains("pathOptions"), legacy);
        Files.writeString(out.resolve("run.json"), legacy);

        p.setProperty("cycles", "2");
        assertEquals(2, f.run(p), "cycles differ: refused");
        p.setProperty("cycles", "1");
        p.setProperty(
                "data",
                Path.of("").toAbsolutePath().relativize(f.data.toAbsolutePath()).toString());
        assertEquals(0, f.run(p), "the same data given relatively resumes: " + f.stderr);
        assertFalse(f.stdout.contains("taking the new configuration"), f.stdout);
    }

    @Test
    void publishingRewritesRunJsonAndOptionsWithoutAbsolutePaths() throws Exception {
        Path dir = tmp.resolve("published");
        Files.createDirectories(dir);
        Path base = Path.of("").toAbsolutePath();
        Path sibling = base.getParent().resolve("shared/data/voc");
        RunManifest m = new RunManifest(
                Map.of(
                        "data",
                        sibling.toString(),
                        "pretrained",
                        "/mnt/x/runs/vgg/out",
                        "epochs",
                        "16",
                        "out",
                        base.resolve("results/x").toString()),
                Map.of());
        ResultsStore.rewriteManifest(dir, m);
        Files.write(
                dir.resolve(Portable.OPTIONS_FILE),
                List.of(
                        "-Dtask=detection",
                        "-Ddata=" + sibling,
                        "-Dpretrained=/mnt/x/runs/vgg/out",
                        "-Dstrategies=random,lloss"));
        Files.writeString(dir.resolve("selections.csv.gz"), ""); // a published folder: ResultsStore.open refuses it

        Properties p = new Properties();
        p.setProperty("portable", dir.toString());
        RunFixture f = new RunFixture(tmp);
        assertEquals(0, f.run(p), f.stderr);
        RunManifest back = ResultsReader.manifest(dir);
        assertEquals("../shared/data/voc", back.config().get("data"));
        assertEquals("${path}/vgg/out", back.config().get("pretrained"));
        assertEquals("results/x", back.config().get("out"));
        assertEquals("16", back.config().get("epochs"));
        assertEquals(
                List.of(
                        "-Dtask=detection",
                        "-Ddata=../shared/data/voc",
                        "-Dpretrained=${path}/vgg/out",
                        "-Dstrategies=random,lloss"),
                Files.readAllLines(dir.resolve(Portable.OPTIONS_FILE)));

        String once = Files.readString(dir.resolve("run.json"));
        assertEquals(0, f.run(p), f.stderr);
        assertEquals(once, Files.readString(dir.resolve("run.json")), "a portable file is left as it is");
    }

    @Test
    void aPlaceholderGivenAsAPathIsRefusedSayingWhatItStandsFor() throws Exception {
        RunFixture f = new RunFixture(tmp);
        Properties p = f.smoke(tmp.resolve("out"));
        p.setProperty("data", "${path}/data/voc");
        assertEquals(2, f.run(p), f.stdout);
        assertTrue(
                f.stderr.contains("option data='${path}/data/voc' is invalid: expected a path on this machine"),
                f.stderr);
    }

    @Test
    void aDataCachePlaceholderNamesTheSameDatasetOnThisMachine() throws Exception {
        RunFixture f = new RunFixture(tmp); // its data is tmp/cifar
        Properties p = f.smoke(tmp.resolve("out"));
        p.setProperty("strategies", "random");
        p.setProperty("dataCache", tmp.toString());
        p.setProperty("data", "${dataCache}/cifar");
        assertEquals(0, f.run(p), f.stderr);
        assertEquals(
                "${dataCache}/cifar",
                ResultsReader.manifest(tmp.resolve("out")).config().get("data"));
    }

    @Test
    void thePublishedOptionsFilesAreRead() throws Exception {
        for (String run : List.of("detection-cpu", "classification-cpu-long")) {
            List<String> lines = Files.readAllLines(Path.of("..", "docs", "results", run, Portable.OPTIONS_FILE));
            List<String> portable =
                    Portable.optionLines(lines, DataCacheOptions.portablePaths(Path.of("/nonexistent-cache")));
            assertEquals(lines.size(), portable.size());
            assertTrue(portable.stream().noneMatch(l -> l.matches("-D(data|pretrained)=/.*")), portable.toString());
        }
    }
}
