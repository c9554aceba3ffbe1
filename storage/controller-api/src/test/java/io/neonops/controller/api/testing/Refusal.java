package io.neonops.controller.api.testing;

import io.neonops.storage.common.testing.FakeHttpServer.Answer;

/** Thrown by a fake's handler to answer with an error status; the server sends {@link #answer()}. */
public final class Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Answer answer;

    public Refusal(int status, String message) {
        super(message);
        this.answer = FakeAnswers.error(status, message);
    }

    /** An error status with Rust's {@code ()} as the body, as some storage-controller answers have. */
    public static Refusal withNullBody(int status, String why) {
        return new Refusal(FakeAnswers.json(status, null), why);
    }

    private Refusal(Answer answer, String why) {
        super(why);
        this.answer = answer;
    }

    public Answer answer() {
        return answer;
    }
}
