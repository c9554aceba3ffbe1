package io.neonops.controlplane.posix;

import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.byref.IntByReference;

/**
 * The glibc functions the control plane calls, and nothing else: jnr-ffi generates a stub per method when the
 * library loads, and jnr-posix's interface of several hundred functions made every local command pay for all of
 * them (a quarter of a second on a busy machine). Calls that fail set errno, read with {@link #errno()}. Public only
 * because jnr-ffi implements it in a class loader of its own; {@link Posix} and {@link ProcessSpawner} are the API.
 */
public interface LibC {

    int open(String path, int flags, int mode);

    int close(int fd);

    int flock(int fd, int operation);

    int ftruncate(int fd, long length);

    long pwrite(int fd, byte[] buffer, long count, long offset);

    long pread(int fd, byte[] buffer, long count, long offset);

    int fsync(int fd);

    int kill(int pid, int signal);

    int waitpid(int pid, int[] status, int options);

    String strerror(int errno);

    // posix_spawn and its set-up; all return 0 or an errno value

    int posix_spawn_file_actions_init(Pointer actions);

    int posix_spawn_file_actions_destroy(Pointer actions);

    int posix_spawn_file_actions_adddup2(Pointer actions, int fd, int newFd);

    int posix_spawn_file_actions_addopen(Pointer actions, int fd, String path, int flags, int mode);

    int posix_spawn_file_actions_addclosefrom_np(Pointer actions, int from);

    int posix_spawn_file_actions_addchdir_np(Pointer actions, String directory);

    int posix_spawnattr_init(Pointer attributes);

    int posix_spawnattr_destroy(Pointer attributes);

    int posix_spawnattr_setflags(Pointer attributes, short flags);

    int posix_spawnattr_setsigmask(Pointer attributes, Pointer signalSet);

    int posix_spawnattr_setsigdefault(Pointer attributes, Pointer signalSet);

    int posix_spawn(IntByReference pid, String path, Pointer actions, Pointer attributes, String[] argv, String[] envp);

    /** The one binding, loaded on first use. */
    static LibC c() {
        return Loaded.LIBC;
    }

    /** The runtime that native memory for the calls is allocated in. */
    static Runtime runtime() {
        return Loaded.RUNTIME;
    }

    /** errno as the last call on this thread left it. */
    static int errno() {
        return LastError.getLastError(Loaded.RUNTIME);
    }

    /** Holds the binding, so that it is loaded when first needed, not when the interface is. */
    final class Loaded {
        static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");
        static final Runtime RUNTIME = Runtime.getRuntime(LIBC);

        private Loaded() {
        }
    }
}
