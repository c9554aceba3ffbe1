package io.neonops.controlplane.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.neonops.controlplane.postgres.PostgresPing;
import io.neonops.controlplane.timing.Deadline;

/**
 * One HTTP GET of a daemon's readiness endpoint (plain http on a local port), of which only the status line counts:
 * it must arrive within {@link #ANSWER_TIMEOUT} of the first connection attempt and within {@link #MAX_STATUS_LINE}
 * bytes, and the body is never read, so a daemon that trickles or never ends its answer cannot hold up or exhaust
 * the launcher. A socket rather than {@code java.net.http}: building that client costs the command more time (its
 * executor, selector and TLS context) than etcd takes to become ready.
 */
final class ReadinessProbe {
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(2);
    // "HTTP/1.1 200 OK" and a reason phrase; anything longer is not an HTTP answer
    private static final int MAX_STATUS_LINE = 1024;
    private static final String POSTGRES_SCHEME = "postgresql";

    /** Whether the endpoint answered 2xx, and what was seen, for messages. */
    record Answer(boolean ready, String observation) {
    }

    /**
     * An {@code http} URL must answer 2xx; a {@code postgresql://user@host:port/database} URL must belong to a
     * server that accepts connections (Postgres speaks no HTTP).
     */
    Answer probe(URI url) throws InterruptedIOException {
        if (POSTGRES_SCHEME.equals(url.getScheme())) {
            PostgresPing.Result result = PostgresPing.ping(url, ANSWER_TIMEOUT);
            return new Answer(result.serverAccepts(), "Postgres at " + url.getHost() + ":" + url.getPort() + ": "
                    + result.describe());
        }
        return probeHttp(url);
    }

    private Answer probeHttp(URI url) throws InterruptedIOException {
        Deadline deadline = Deadline.after(ANSWER_TIMEOUT);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), remainingMillis(deadline));
            String path = url.getRawPath().isEmpty() ? "/" : url.getRawPath();
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String statusLine = readStatusLine(socket, deadline);
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/") || !parts[1].matches("\\d{3}")) {
                return new Answer(false, url + " answered something other than HTTP: " + statusLine);
            }
            int status = Integer.parseInt(parts[1]);
            return new Answer(status / 100 == 2, url + " answered HTTP " + status);
        } catch (ConnectException e) {
            return new Answer(false, "nothing accepts connections at " + url);
        } catch (SocketTimeoutException e) {
            return new Answer(false, url + " did not answer within " + ANSWER_TIMEOUT.toSeconds() + "s");
        } catch (IOException e) {
            return new Answer(false, "GET " + url + " failed: " + e.getMessage());
        } finally {
            // a socket does not notice an interrupt; the caller, waiting on a daemon, must
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("interrupted while probing " + url);
            }
        }
    }

    /** Up to the first CRLF, with each read bounded by what is left of the deadline. */
    private static String readStatusLine(Socket socket, Deadline deadline) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder line = new StringBuilder();
        while (line.length() < MAX_STATUS_LINE) {
            socket.setSoTimeout(remainingMillis(deadline));
            int next = in.read();
            if (next < 0 || next == '\n') {
                return line.toString().strip();
            }
            line.append((char) next);
        }
        throw new IOException("no status line in the first " + MAX_STATUS_LINE + " bytes of the answer");
    }

    /** At least 1: a timeout of 0 would mean forever. */
    private static int remainingMillis(Deadline deadline) throws SocketTimeoutException {
        long millis = deadline.remaining().toMillis();
        if (millis < 1) {
            throw new SocketTimeoutException("deadline passed");
        }
        return (int) millis;
    }
}
