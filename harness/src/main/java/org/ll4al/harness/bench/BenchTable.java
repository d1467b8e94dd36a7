package org.ll4al.harness.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The one printer of the benchmark command's result tables (side-by-side comparisons and the
 * strategy cost table): a header row and rows of cells, printed in aligned columns.
 */
public final class BenchTable {

    private final List<String[]> rows = new ArrayList<>();

    BenchTable(String... header) {
        rows.add(header);
    }

    /** Adds a row; missing trailing cells print empty. */
    BenchTable row(String... cells) {
        rows.add(cells);
        return this;
    }

    /** Number of rows below the header. */
    int size() {
        return rows.size() - 1;
    }

    void print(PrintStream out) {
        int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] width = new int[columns];
        for (String[] r : rows) {
            for (int c = 0; c < r.length; c++) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                String cell = c < r.length ? r[c] : "";
                sb.append(cell);
                if (c < columns - 1) {
                    sb.append(" ".repeat(width[c] - cell.length() + 2));
                }
            }
            out.println(sb.toString().stripTrailing());
        }
    }
}
