package io.neonops.controlplane.process;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A daemon did not come up; nothing it started is left running. The message is one line; the log's tail is kept. */
public final class DaemonStartException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path logFile;
    private final List<String> logTail;

    DaemonStartException(String name, String reason, Path logFile, List<String> logTail) {
        super(name + " " + reason + lastLine(logTail) + " (log: " + logFile + ")");
        this.logFile = logFile;
        this.logTail = List.copyOf(logTail);
    }

    private static String lastLine(List<String> logTail) {
        return logTail.isEmpty() ? "; the log is empty" : "; last log line: " + logTail.get(logTail.size() - 1).strip();
    }

    public Path logFile() {
        return logFile;
    }

    /** The last lines of the daemon's log, oldest first. */
    public List<String> logTail() {
        return logTail;
    }
}
