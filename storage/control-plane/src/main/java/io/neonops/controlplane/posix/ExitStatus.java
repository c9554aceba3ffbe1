package io.neonops.controlplane.posix;

/** How a child process ended, decoded from the status word waitpid(2) fills in. */
public record ExitStatus(int raw) {

    public boolean exitedNormally() {
        return (raw & 0x7f) == 0;
    }

    public int exitCode() {
        return (raw >> 8) & 0xff;
    }

    public int signal() {
        return raw & 0x7f;
    }

    public String describe() {
        return exitedNormally() ? "exit code " + exitCode() : "killed by signal " + signal();
    }
}
