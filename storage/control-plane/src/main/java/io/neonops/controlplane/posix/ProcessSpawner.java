package io.neonops.controlplane.posix;

import java.io.IOException;

import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.byref.IntByReference;
import jnr.constants.platform.OpenFlags;

/**
 * Starts a child with glibc's posix_spawn, with the signal mask set explicitly: JVM threads block SIGQUIT, and a
 * child would inherit that mask and ignore {@code stop --immediate}.
 *
 * <p>The child starts in a session of its own (so a terminal's Ctrl-C or hang-up does not reach the daemon),
 * with every signal at its default action and none blocked, stdin from /dev/null, stdout and stderr on the
 * request's output descriptor, the handed-over descriptor as fd 3, and every other descriptor closed
 * (closefrom, glibc 2.34+), which, unlike marking the JVM's descriptors close-on-exec, cannot race with
 * threads that open files meanwhile.
 */
public final class ProcessSpawner {

    private static final short POSIX_SPAWN_SETSIGDEF = 0x04;
    private static final short POSIX_SPAWN_SETSIGMASK = 0x08;
    private static final short POSIX_SPAWN_SETSID = 0x80;
    // opaque glibc structures, allocated larger than they are on any 64-bit Linux (80, 336 and 128 bytes)
    private static final int FILE_ACTIONS_SIZE = 256;
    private static final int ATTRIBUTES_SIZE = 1024;
    private static final int SIGNAL_SET_SIZE = 128;
    private static final int FIRST_CLOSED_FD = SpawnRequest.HANDED_OVER_FD + 1;

    private ProcessSpawner() {
    }

    /** Spawns the child and returns its pid; the caller must reap it (waitpid). */
    public static long spawn(SpawnRequest request) throws IOException {
        Pointer actions = Memory.allocateDirect(LibC.runtime(), FILE_ACTIONS_SIZE, true);
        Pointer attributes = Memory.allocateDirect(LibC.runtime(), ATTRIBUTES_SIZE, true);
        check("posix_spawn_file_actions_init", LibC.c().posix_spawn_file_actions_init(actions));
        try {
            check("posix_spawnattr_init", LibC.c().posix_spawnattr_init(attributes));
            try {
                describeDescriptors(actions, request);
                describeSignals(attributes);
                IntByReference pid = new IntByReference();
                int error = LibC.c().posix_spawn(pid, request.executable().toString(), actions, attributes,
                        request.argv().toArray(String[]::new), environment(request));
                if (error != 0) {
                    throw new IOException("cannot start " + request.executable() + " in " + request.workingDirectory()
                            + ": " + Posix.describeErrno(error));
                }
                return pid.intValue();
            } finally {
                LibC.c().posix_spawnattr_destroy(attributes);
            }
        } finally {
            LibC.c().posix_spawn_file_actions_destroy(actions);
        }
    }

    private static void describeDescriptors(Pointer actions, SpawnRequest request) throws IOException {
        // the handed-over descriptor first, so that the stdio set-up below can never overwrite it
        if (request.handedOverFd().isPresent()) {
            check("adddup2", LibC.c().posix_spawn_file_actions_adddup2(actions, request.handedOverFd().getAsInt(), SpawnRequest.HANDED_OVER_FD));
        }
        check("addopen", LibC.c().posix_spawn_file_actions_addopen(actions, 0, "/dev/null", OpenFlags.O_RDONLY.intValue(), 0));
        check("adddup2", LibC.c().posix_spawn_file_actions_adddup2(actions, request.outputFd(), 1));
        check("adddup2", LibC.c().posix_spawn_file_actions_adddup2(actions, request.outputFd(), 2));
        check("addclosefrom_np", LibC.c().posix_spawn_file_actions_addclosefrom_np(actions, FIRST_CLOSED_FD));
        check("addchdir_np", LibC.c().posix_spawn_file_actions_addchdir_np(actions, request.workingDirectory().toString()));
    }

    private static void describeSignals(Pointer attributes) throws IOException {
        Pointer noSignals = Memory.allocateDirect(LibC.runtime(), SIGNAL_SET_SIZE, true);
        Pointer everySignal = Memory.allocateDirect(LibC.runtime(), SIGNAL_SET_SIZE, true);
        everySignal.putLong(0, -1L);
        check("setsigmask", LibC.c().posix_spawnattr_setsigmask(attributes, noSignals));
        check("setsigdefault", LibC.c().posix_spawnattr_setsigdefault(attributes, everySignal));
        check("setflags", LibC.c().posix_spawnattr_setflags(attributes,
                (short) (POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSID)));
    }

    private static String[] environment(SpawnRequest request) {
        return request.environment().entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .sorted()
                .toArray(String[]::new);
    }

    private static void check(String call, int error) throws IOException {
        if (error != 0) {
            throw new IOException("posix_spawn set-up (" + call + ") failed: " + Posix.describeErrno(error));
        }
    }
}
