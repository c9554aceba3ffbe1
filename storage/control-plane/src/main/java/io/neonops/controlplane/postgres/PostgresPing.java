package io.neonops.controlplane.postgres;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * What libpq's {@code PQping} (and so {@code pg_isready}) tells, spoken directly: a protocol 3.0 startup message,
 * and only the first answer read. No JDBC driver is needed, and no client binary has to be spawned per poll.
 * A server that asks for authentication (or says it is done with it) accepts connections; one that answers
 * SQLSTATE 57P03 is starting up or shutting down; any other error means it runs but refused this very connection
 * (no such role or database).
 */
public final class PostgresPing {
    /** SQLSTATE {@code cannot_connect_now}: "the database system is starting up" and its siblings. */
    public static final String CANNOT_CONNECT_NOW = "57P03";
    private static final int PROTOCOL_3_0 = 196608;
    private static final int MAX_MESSAGE = 8192;

    /** What the server said to a startup message. */
    public sealed interface Result {
        /** Whether the server accepts connections at all, as pg_isready would report it. */
        boolean serverAccepts();

        /** One clause, for messages. */
        String describe();

        /** The server went on to authentication: this user may connect to this database. */
        record Accepting() implements Result {
            @Override
            public boolean serverAccepts() {
                return true;
            }

            @Override
            public String describe() {
                return "accepts connections";
            }
        }

        /** The server answered with an error. */
        record Refused(String sqlState, String message) implements Result {
            @Override
            public boolean serverAccepts() {
                return !sqlState.equals(CANNOT_CONNECT_NOW);
            }

            @Override
            public String describe() {
                return "refused the connection: " + message + " (SQLSTATE " + sqlState + ")";
            }
        }

        /** Nothing that speaks the protocol answered. */
        record NoAnswer(String reason) implements Result {
            @Override
            public boolean serverAccepts() {
                return false;
            }

            @Override
            public String describe() {
                return reason;
            }
        }
    }

    private PostgresPing() {
    }

    /** Pings the server of a {@code postgresql://user@host:port/database} URL. */
    public static Result ping(URI url, Duration timeout) throws InterruptedIOException {
        String user = url.getUserInfo() == null ? "" : url.getUserInfo().split(":", 2)[0];
        String database = url.getPath() == null || url.getPath().length() <= 1 ? user : url.getPath().substring(1);
        return ping(url.getHost(), url.getPort(), user, database, timeout);
    }

    public static Result ping(String host, int port, String user, String database, Duration timeout)
            throws InterruptedIOException {
        String where = host + ":" + port;
        try (Socket socket = new Socket()) {
            int millis = (int) Math.max(1, timeout.toMillis());
            socket.connect(new InetSocketAddress(host, port), millis);
            socket.setSoTimeout(millis);
            socket.getOutputStream().write(startupMessage(user, database));
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte type = in.readByte();
            int length = in.readInt() - 4;
            if (length < 0 || length > MAX_MESSAGE) {
                return new Result.NoAnswer(where + " answered something other than the Postgres protocol");
            }
            byte[] body = in.readNBytes(length);
            if (type == 'R') {
                // a clean goodbye, so that the server logs no broken connection
                socket.getOutputStream().write(new byte[] {'X', 0, 0, 0, 4});
                return new Result.Accepting();
            }
            if (type == 'E') {
                Map<Character, String> fields = errorFields(body);
                return new Result.Refused(fields.getOrDefault('C', "?????"), fields.getOrDefault('M', "(no message)"));
            }
            return new Result.NoAnswer(where + " answered with an unexpected message '" + (char) type + "'");
        } catch (ConnectException e) {
            return new Result.NoAnswer("nothing accepts connections at " + where);
        } catch (SocketTimeoutException e) {
            return new Result.NoAnswer(where + " did not answer within " + timeout.toMillis() + " ms");
        } catch (EOFException e) {
            return new Result.NoAnswer(where + " closed the connection without answering");
        } catch (IOException e) {
            return new Result.NoAnswer("connecting to " + where + " failed: " + e.getMessage());
        } finally {
            // a socket does not notice an interrupt; the caller, waiting on a server, must
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("interrupted while pinging " + where);
            }
        }
    }

    private static byte[] startupMessage(String user, String database) {
        ByteArrayOutputStream parameters = new ByteArrayOutputStream();
        for (String text : new String[] {"user", user, "database", database}) {
            parameters.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            parameters.write(0);
        }
        parameters.write(0);
        byte[] body = parameters.toByteArray();
        return ByteBuffer.allocate(8 + body.length).putInt(8 + body.length).putInt(PROTOCOL_3_0).put(body).array();
    }

    /** An ErrorResponse body: (field type byte, NUL-terminated text)* then NUL. */
    private static Map<Character, String> errorFields(byte[] body) {
        Map<Character, String> fields = new HashMap<>();
        int at = 0;
        while (at < body.length && body[at] != 0) {
            char code = (char) body[at];
            int end = at + 1;
            while (end < body.length && body[end] != 0) {
                end++;
            }
            fields.put(code, new String(body, at + 1, end - at - 1, StandardCharsets.UTF_8));
            at = end + 1;
        }
        return fields;
    }
}
