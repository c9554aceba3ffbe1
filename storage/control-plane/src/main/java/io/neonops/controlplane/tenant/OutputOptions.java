package io.neonops.controlplane.tenant;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.neonops.storage.common.api.NeonJson;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine.Option;

/** Table for people by default, JSON (the API's own shape) for scripts. */
final class OutputOptions {

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    /** Prints {@code value} as JSON when asked, else {@code table}. */
    void print(PrintWriter out, Object value, TextTable table) {
        if (json) {
            try {
                out.println(NeonJson.writer().withDefaultPrettyPrinter().writeValueAsString(value));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException("cannot print " + value.getClass().getSimpleName() + " as JSON", e);
            }
        } else {
            out.print(table.render());
        }
        out.flush();
    }
}
