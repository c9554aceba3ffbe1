package io.neonops.controlplane.testsupport;

import java.io.IOException;
import java.nio.file.Path;

import io.neonops.controlplane.pidfile.PidFile;
import io.neonops.controlplane.pidfile.PidFileGuard;
import io.neonops.controlplane.pidfile.PidFileLockedException;

/**
 * Another process for pid-file tests: claims the pid file given as argument, prints {@code claimed <pid>} or
 * {@code locked <message>}, and holds a claim until its stdin closes or it is killed.
 */
public final class PidFileHolder {

    private PidFileHolder() {
    }

    @SuppressWarnings("try") // the claim is held until stdin closes
    public static void main(String[] args) throws IOException {
        try (PidFileGuard claim = PidFile.claim(Path.of(args[0]))) {
            System.out.println("claimed " + ProcessHandle.current().pid());
            System.out.flush();
            while (System.in.read() >= 0) {
                // holds the claim until the test closes our stdin
            }
        } catch (PidFileLockedException e) {
            System.out.println("locked " + e.getMessage());
        }
    }
}
