package io.neonops.storage.common.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One HTTP exchange with {@code java.net.http} under the two bounds that client lacks: an overall deadline (its
 * request timeout ends once the headers arrive, so a server that trickles its body, or never ends it, would hold
 * the caller forever) and a cap on the body (read into memory, an endless body would exhaust the heap).
 */
public final class BoundedExchange {

    /** A complete response: its status and its whole body. */
    public record Response(int status, byte[] body) {
    }

    /** The body was longer than the limit; reading stopped there and the connection was dropped. */
    public static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(int limit) {
            super("the response body is larger than the limit of " + limit + " bytes");
        }
    }

    private BoundedExchange() {
    }

    /**
     * Sends the request and reads the whole response within {@code deadline} (connection, headers and body).
     *
     * @throws HttpTimeoutException   when the response is not complete by the deadline
     * @throws BodyTooLargeException  when the body has more than {@code maxBodyBytes} bytes
     * @throws IOException            when the request fails otherwise, e.g. the connection is refused
     * @throws InterruptedException   when the calling thread is interrupted; the exchange is abandoned
     */
    public static Response send(HttpClient client, HttpRequest request, Duration deadline, int maxBodyBytes)
            throws IOException, InterruptedException {
        AtomicReference<LimitedBody> body = new AtomicReference<>();
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request, info -> {
            body.set(new LimitedBody(maxBodyBytes));
            return body.get();
        });
        try {
            HttpResponse<byte[]> response = exchange.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
            return new Response(response.statusCode(), response.body());
        } catch (TimeoutException e) {
            throw new HttpTimeoutException("no complete response within " + deadline.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        } finally {
            // a no-op once complete; otherwise it drops the connection, so that no thread keeps reading the body
            exchange.cancel(true);
            LimitedBody started = body.get();
            if (started != null) {
                started.abandon();
            }
        }
    }

    private static IOException unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IOException(cause);
    }

    /** Collects the body into memory until it ends or passes the limit. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final int limit;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private volatile Flow.Subscription subscription;

        LimitedBody(int limit) {
            this.limit = limit;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (buffer.remaining() > limit - bytes.size()) {
                    subscription.cancel();
                    result.completeExceptionally(new BodyTooLargeException(limit));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable failure) {
            result.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        void abandon() {
            Flow.Subscription current = subscription;
            if (current != null && !result.isDone()) {
                current.cancel();
                result.cancel(false);
            }
        }
    }
}
