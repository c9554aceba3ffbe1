package io.neonops.controlplane.tenant;

import io.neonops.pageserver.api.PageserverClient;
import io.neonops.storage.common.api.ApiClientSettings;
import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** Which pageserver a command talks to, and with which token. */
final class PageserverOptions {

    static final class Target {
        @Option(names = "--dir", paramLabel = "DIR",
                description = "Work directory of the local cluster whose pageserver to use (default: .neon).")
        Path dir;

        @Option(names = "--pageserver", paramLabel = "URL",
                description = "Management URL of any pageserver, e.g. http://127.0.0.1:9898.")
        String url;
    }

    static final Path DEFAULT_DIR = Path.of(".neon");

    @ArgGroup(exclusive = true)
    Target target;

    @Option(names = "--auth-token", paramLabel = "JWT",
            description = "Bearer token for a pageserver that runs with auth (default: $" + CliEnvironment.AUTH_TOKEN_VARIABLE + ").")
    String authToken;

    /** A client of the chosen pageserver: --pageserver, else the local cluster in --dir. */
    PageserverClient connect(CliEnvironment environment) {
        ApiClientSettings settings = ApiClientSettings.of(baseUri(environment));
        String token = authToken != null ? authToken : environment.authToken().orElse(null);
        return new PageserverClient(token == null ? settings : settings.withBearerToken(token));
    }

    private URI baseUri(CliEnvironment environment) {
        if (target != null && target.url != null) {
            return ApiClientSettings.of(target.url).baseUri();
        }
        return environment.pageserverLocator().locate(target != null && target.dir != null ? target.dir : DEFAULT_DIR);
    }
}
