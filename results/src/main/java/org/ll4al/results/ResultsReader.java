package org.ll4al.results;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Loads a results folder ({@code cycles.csv}, {@code selections.csv}, {@code run.json}) back. */
public final class ResultsReader {

    static final Gson GSON =
            new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private ResultsReader() {}

    /** Reads every row of {@code dir/cycles.csv}; an absent file gives an empty list. */
    public static List<CycleResult> cycles(Path dir) {
        Path file = dir.resolve(CsvLayout.CYCLES_FILE);
        List<CycleResult> out = new ArrayList<>();
        for (CSVRecord r : records(file, CsvLayout.CYCLE_COLUMNS_REQUIRED)) {
            try {
                CycleResult.Builder b = CycleResult.builder();
                for (CsvLayout.CycleColumn c : CsvLayout.CYCLE_TABLE) {
                    boolean required = CsvLayout.CYCLE_COLUMNS_REQUIRED.contains(c.name());
                    if (required || r.isMapped(c.name()) && r.isSet(c.name())) { // older files lack the later ones
                        c.parse().accept(b, r.get(c.name()));
                    }
                }
                out.add(b.build());
            } catch (IllegalArgumentException e) {
                throw bad(file, r, e);
            }
        }
        return out;
    }

    /** Whether {@code dir/cycles.csv} exists and has every column this version writes. */
    static boolean cyclesHeaderCurrent(Path dir) {
        Path file = dir.resolve(CsvLayout.CYCLES_FILE);
        if (!Files.exists(file)) {
            return true;
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser p = CsvLayout.parseWithHeader(in)) {
            return p.getHeaderNames().equals(CsvLayout.CYCLE_COLUMNS);
        } catch (IOException | UncheckedIOException e) {
            throw new ResultsException(file + ": cannot read CSV: " + e.getMessage(), e);
        }
    }

    /**
     * Reads every row of {@code dir/selections.csv}, or of its gzip-compressed form
     * {@code selections.csv.gz} (how scripts/publish-run.sh stores a published run's picks); an
     * absent file gives an empty list, and a folder holding both forms is refused.
     */
    public static List<SelectionRecord> selections(Path dir) {
        Path file = dir.resolve(CsvLayout.SELECTIONS_FILE);
        Path gz = dir.resolve(CsvLayout.SELECTIONS_FILE + ".gz");
        if (Files.exists(gz)) {
            if (Files.exists(file)) {
                throw new ResultsException(dir + ": holds both " + file.getFileName() + " and " + gz.getFileName()
                        + "; expected one of them (remove the stale one)");
            }
            file = gz;
        }
        List<SelectionRecord> out = new ArrayList<>();
        for (CSVRecord r : records(file, CsvLayout.SELECTION_COLUMNS)) {
            try {
                out.add(new SelectionRecord(
                        r.get("task"),
                        r.get("strategy"),
                        Integer.parseInt(r.get("trial")),
                        Integer.parseInt(r.get("cycle")),
                        Integer.parseInt(r.get("sample_id")),
                        CsvLayout.parseNum(r.get("score"))));
            } catch (IllegalArgumentException e) {
                throw bad(file, r, e);
            }
        }
        return out;
    }

    /** Reads {@code dir/run.json}, or returns null when the folder has none. */
    public static RunManifest manifest(Path dir) {
        Path file = dir.resolve(CsvLayout.MANIFEST_FILE);
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            RunManifest m = GSON.fromJson(in, RunManifest.class);
            if (m == null || m.config() == null) {
                throw new ResultsException(file + ": expected a JSON object with a \"config\" map");
            }
            return m;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | JsonParseException e) {
            throw new ResultsException(file + ": cannot read run manifest: " + e.getMessage(), e);
        }
    }

    private static List<CSVRecord> records(Path file, List<String> columns) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try (Reader in = open(file);
                CSVParser p = CsvLayout.parseWithHeader(in)) {
            List<String> header = p.getHeaderNames();
            if (!header.containsAll(columns)) {
                throw new ResultsException(file + ": header " + header + " lacks columns; expected " + columns);
            }
            return p.getRecords();
        } catch (IOException | UncheckedIOException e) {
            throw new ResultsException(file + ": cannot read CSV: " + e.getMessage(), e);
        }
    }

    /** A UTF-8 reader of the file, gunzipped when its name ends in .gz. */
    private static Reader open(Path file) throws IOException {
        if (!file.getFileName().toString().endsWith(".gz")) {
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        }
        InputStream raw = Files.newInputStream(file);
        try {
            return new BufferedReader(new InputStreamReader(new GZIPInputStream(raw, 1 << 16), StandardCharsets.UTF_8));
        } catch (IOException e) {
            raw.close();
            throw e;
        }
    }

    private static ResultsException bad(Path file, CSVRecord r, Exception e) {
        return new ResultsException(
                file + " line " + (r.getRecordNumber() + 1) + ": malformed row: " + e.getMessage(), e);
    }
}
