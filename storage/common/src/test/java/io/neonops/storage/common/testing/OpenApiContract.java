package io.neonops.storage.common.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Checks JSON documents against one of Neon's OpenAPI files with swagger-request-validator, the way
 * the server would see them: a request body against the operation's request schema, a response body
 * against the schema of that operation and status.
 */
public final class OpenApiContract {

    private final OpenApiInteractionValidator validator;

    private OpenApiContract(String spec) {
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(spec)
                // "format: hex" is Neon's own annotation, not a JSON-schema format: the id and LSN
                // values check their own text
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.schema.unknownFormat", ValidationReport.Level.IGNORE)
                        // the validator closes objects inside oneOf unless this is ignored; JSON Schema,
                        // and Neon's files, leave them open (TenantInfo.state {"Active":{...}})
                        .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    /** Loads an OpenAPI file from the test classpath, e.g. {@code /neon/pageserver-openapi.yml}. */
    public static OpenApiContract fromClasspath(String resource) {
        try (InputStream in = OpenApiContract.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("OpenAPI file not on the test classpath: " + resource);
            }
            return new OpenApiContract(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Problems of sending {@code jsonBody} (null for none) as {@code method path}; empty when valid. */
    public List<String> requestProblems(String method, String path, String jsonBody) {
        var builder = new SimpleRequest.Builder(method, path)
                .withAuthorization("Bearer test-token");
        if (jsonBody != null) {
            builder.withContentType("application/json").withBody(jsonBody);
        }
        return problems(validator.validateRequest(builder.build()));
    }

    /** Problems of answering {@code method path} with {@code status} and {@code jsonBody}; empty when valid. */
    public List<String> responseProblems(String method, String path, int status, String jsonBody) {
        var response = SimpleResponse.Builder.status(status)
                .withContentType("application/json")
                .withBody(jsonBody)
                .build();
        return problems(validator.validateResponse(path, Request.Method.valueOf(method), response));
    }

    private static List<String> problems(ValidationReport report) {
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(OpenApiContract::describe)
                .toList();
    }

    // a oneOf failure only says "matched 0 out of 2"; the nested messages say why
    private static String describe(ValidationReport.Message m) {
        String nested = m.getNestedMessages().stream().map(OpenApiContract::describe).collect(Collectors.joining("; "));
        return m.getKey() + ": " + m.getMessage() + (nested.isEmpty() ? "" : " [" + nested + "]");
    }
}
