package io.neonops.controlplane.tenant;

import java.util.ArrayList;
import java.util.List;

/** Left-aligned columns separated by two spaces, headed by upper-case titles, as kubectl prints them. */
public record TextTable(List<String> headers, List<List<String>> rows) {

    public TextTable {
        headers = List.copyOf(headers);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException("row " + row + " has " + row.size() + " cells, the table has "
                        + headers.size() + " columns");
            }
        }
    }

    public static TextTable of(List<String> headers) {
        return new TextTable(headers, List.of());
    }

    public TextTable withRow(String... cells) {
        List<List<String>> more = new ArrayList<>(rows);
        more.add(List.of(cells));
        return new TextTable(headers, more);
    }

    /** Every line ends with a newline; the last column carries no trailing spaces. */
    public String render() {
        int[] widths = new int[headers.size()];
        for (List<String> line : lines()) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> line : lines()) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                text.append(i < widths.length - 1 ? pad(line.get(i), widths[i]) + "  " : line.get(i));
            }
            out.append(text.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private List<List<String>> lines() {
        List<List<String>> lines = new ArrayList<>();
        lines.add(headers);
        lines.addAll(rows);
        return lines;
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
