package io.neonops.controlplane.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.ArrayList;
import java.util.List;

/**
 * Whose uid Postgres's programs run with. {@code initdb} and {@code postgres} refuse to run as root, and CI runs
 * as root: then they run as the {@code postgres} system user through {@code setpriv}, which changes uid and gid and
 * execs the program in place, so the pid stays the spawned one and the locked pid-file descriptor the launcher hands
 * over stays open (both proven by the tests). {@code su}/{@code runuser} would fork a child and open a PAM session.
 */
public sealed interface PostgresRunAs {

    /** The command line that runs {@code command} as this user. */
    List<String> command(List<String> command);

    /** Makes {@code directory} (Postgres's data directory, not yet holding anything) this user's. */
    void own(Path directory) throws IOException;

    /**
     * That this user can reach {@code directory}: as root the work directory's parents belong to root, and a mode
     * such as 0700 would let {@code initdb} fail with a bare "permission denied".
     */
    void requireReachable(Path directory) throws IOException;

    /** The user this process runs as, unless that is root: then the {@code postgres} system user. */
    static PostgresRunAs forThisProcess() throws IOException {
        int uid = ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue();
        return uid == 0 ? new SystemUser(SystemUser.POSTGRES) : new CurrentUser();
    }

    /** Not root: Postgres runs as we do. */
    record CurrentUser() implements PostgresRunAs {
        @Override
        public List<String> command(List<String> command) {
            return List.copyOf(command);
        }

        @Override
        public void own(Path directory) {
            // ours already
        }

        @Override
        public void requireReachable(Path directory) {
            // what we created, we can reach
        }
    }

    /** Root: Postgres runs as {@code user} (and its group of the same name, as Debian creates it). */
    record SystemUser(String user) implements PostgresRunAs {
        public static final String POSTGRES = "postgres";

        @Override
        public List<String> command(List<String> command) {
            List<String> wrapped = new ArrayList<>(List.of("setpriv", "--reuid=" + user, "--regid=" + user, "--init-groups", "--"));
            wrapped.addAll(command);
            return List.copyOf(wrapped);
        }

        @Override
        public void own(Path directory) throws IOException {
            UserPrincipalLookupService users = directory.getFileSystem().getUserPrincipalLookupService();
            PosixFileAttributeView view = Files.getFileAttributeView(directory, PosixFileAttributeView.class);
            view.setOwner(principal(users));
            view.setGroup(users.lookupPrincipalByGroupName(user));
        }

        /**
         * Every parent must let the user search it: by ownership, by its group (supplementary groups are not
         * considered), or by the mode for others.
         */
        @Override
        public void requireReachable(Path directory) throws IOException {
            UserPrincipalLookupService users = directory.getFileSystem().getUserPrincipalLookupService();
            UserPrincipal owner = principal(users);
            GroupPrincipal group = users.lookupPrincipalByGroupName(user);
            for (Path parent = directory.toAbsolutePath().getParent(); parent != null; parent = parent.getParent()) {
                PosixFileAttributes attributes = Files.readAttributes(parent, PosixFileAttributes.class);
                if (!attributes.permissions().contains(searchBit(attributes, owner, group))) {
                    throw new IOException("Postgres runs as the system user '" + user + "' (initdb and postgres refuse root),"
                            + " which cannot reach " + directory + ": " + parent + " is not searchable by it; use a work"
                            + " directory it can reach, or allow it with: chmod o+x " + parent);
                }
            }
        }

        private static PosixFilePermission searchBit(PosixFileAttributes attributes, UserPrincipal owner, GroupPrincipal group) {
            if (attributes.owner().equals(owner)) {
                return PosixFilePermission.OWNER_EXECUTE;
            }
            return attributes.group().equals(group) ? PosixFilePermission.GROUP_EXECUTE : PosixFilePermission.OTHERS_EXECUTE;
        }

        private UserPrincipal principal(UserPrincipalLookupService users) throws IOException {
            try {
                return users.lookupPrincipalByName(user);
            } catch (UserPrincipalNotFoundException e) {
                throw new IOException("running as root, Postgres needs the system user '" + user + "', which does not exist"
                        + " (Debian's postgresql package creates it)", e);
            }
        }
    }
}
