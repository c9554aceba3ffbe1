package io.neonops.controller.api.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.neonops.storage.common.api.NeonJson;
import io.neonops.storage.common.testing.FakeHttpServer.Answer;
import io.neonops.storage.common.testing.FakeHttpServer.RecordedRequest;
import io.neonops.storage.common.testing.JsonText;
import java.util.Map;

/** Answers as Neon's daemons write them: JSON through the shared mapper, errors as {@code {"msg": ...}}. */
public final class FakeAnswers {

    private FakeAnswers() {
    }

    /** {@code status} with {@code value} as JSON ({@code null} for Rust's {@code ()}). */
    public static Answer json(int status, Object value) {
        return new Answer(status, value == null ? "null" : JsonText.write(value));
    }

    /** {@code status} without a body, e.g. 204, or the broker's bare 200. */
    public static Answer empty(int status) {
        return new Answer(status, "");
    }

    /** Neon's error body. */
    public static Answer error(int status, String message) {
        return json(status, Map.of("msg", message));
    }

    /**
     * The request body as {@code type}, read as the daemon would; a body that does not parse, or whose
     * values the model refuses, is refused with 400 and the reason.
     */
    public static <T> T body(RecordedRequest request, Class<T> type) {
        try {
            T value = NeonJson.reader().forType(type).readValue(request.body());
            if (value == null) {
                throw new Refusal(400, "Bad request: expected a " + type.getSimpleName() + " body, got null");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new Refusal(400, "Bad request: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw new Refusal(400, "Bad request: " + e.getMessage());
        }
    }
}
