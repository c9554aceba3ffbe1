package io.neonops.controlplane.local;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.neonops.controlplane.component.Component;

/**
 * The daemons of a work directory found from their pid files alone, without the manifest: the pid files are the
 * truth of what runs, so status and stop still find every daemon when {@code cluster.yaml} is broken or gone. The
 * patterns are the layout {@link io.neonops.controlplane.component.LocalEnvironment} gives (as neon_local's):
 * {@code etcd.pid} or {@code etcd-<id>.pid}, {@code pageserver_<id>/pageserver.pid},
 * {@code safekeepers/sk<id>/safekeeper.pid}, {@code storage_broker/storage_broker.pid},
 * {@code storage_controller/storage_controller.pid} and {@code storage_controller_db.pid} (the local Postgres's);
 * names are the ones {@link LocalNodes#name} gives.
 */
final class PidFileScan {
    private static final Map<Component, Pattern> LAYOUT = Map.of(
            Component.ETCD, Pattern.compile("etcd(?:-(\\d{1,9}))?\\.pid"),
            Component.PAGESERVER, Pattern.compile("pageserver_(\\d{1,9})/pageserver\\.pid"),
            Component.SAFEKEEPER, Pattern.compile("safekeepers/sk(\\d{1,9})/safekeeper\\.pid"),
            Component.STORAGE_BROKER, Pattern.compile("storage_broker/storage_broker\\.pid"),
            Component.STORAGE_CONTROLLER, Pattern.compile("storage_controller/storage_controller\\.pid"),
            Component.STORAGE_CONTROLLER_DB, Pattern.compile("storage_controller_db\\.pid"));
    /** The pid files that sit one directory down, in a daemon's own directory. */
    private static final List<String> NODE_DIRECTORY_PID_FILES = List.of("pageserver.pid", "storage_broker.pid",
            "storage_controller.pid");
    private static final String SAFEKEEPERS_DIRECTORY = "safekeepers";
    private static final String SAFEKEEPER_PID_FILE = "safekeeper.pid";

    private PidFileScan() {
    }

    /** Every daemon whose pid file is in {@code workDir}, in start order. */
    static List<LocalDaemon> daemons(Path workDir) throws IOException {
        if (!Files.isDirectory(workDir)) {
            return List.of();
        }
        Map<Component, TreeMap<Integer, Path>> found = new EnumMap<>(Component.class);
        for (Path file : candidates(workDir)) {
            String relative = workDir.relativize(file).toString();
            for (Component component : Arrays.stream(Component.values()).filter(LAYOUT::containsKey).toList()) {
                Matcher matcher = LAYOUT.get(component).matcher(relative);
                if (matcher.matches() && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    // a single daemon's pattern has no id group
                    int id = matcher.groupCount() == 0 || matcher.group(1) == null ? 1 : Integer.parseInt(matcher.group(1));
                    found.computeIfAbsent(component, c -> new TreeMap<>()).put(id, file);
                }
            }
        }
        // by component in start order, of the generation whose daemons these are (only the broker tells them apart), then by id
        boolean storageBroker = found.containsKey(Component.STORAGE_BROKER);
        List<LocalDaemon> daemons = new ArrayList<>();
        found.keySet().stream().sorted(Component.startOrder(storageBroker)).forEach(component -> {
            TreeMap<Integer, Path> byId = found.get(component);
            byId.forEach((id, file) -> daemons.add(new LocalDaemon(name(component, id, byId.size(), file), component, file, List.of())));
        });
        return daemons;
    }

    /** The paths where the layout can put a pid file: only the two levels of directories it uses are listed. */
    private static List<Path> candidates(Path workDir) throws IOException {
        List<Path> candidates = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(workDir)) {
            for (Path entry : entries) {
                candidates.add(entry);
                NODE_DIRECTORY_PID_FILES.forEach(pidFile -> candidates.add(entry.resolve(pidFile)));
            }
        }
        Path safekeepers = workDir.resolve(SAFEKEEPERS_DIRECTORY);
        if (Files.isDirectory(safekeepers, LinkOption.NOFOLLOW_LINKS)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(safekeepers)) {
                entries.forEach(entry -> candidates.add(entry.resolve(SAFEKEEPER_PID_FILE)));
            }
        }
        return candidates;
    }

    /** As {@link LocalNodes#name}: safekeepers always numbered, the others when there are several (or numbered files). */
    private static String name(Component component, int id, int found, Path file) {
        boolean numbered = component == Component.SAFEKEEPER || found > 1
                || (component == Component.ETCD && file.getFileName().toString().contains("-"));
        return numbered ? component.id() + "-" + id : component.id();
    }
}
