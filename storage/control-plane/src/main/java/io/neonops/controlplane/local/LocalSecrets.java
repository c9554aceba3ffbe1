package io.neonops.controlplane.local;

import java.io.IOException;
import java.util.Optional;

import io.neonops.controlplane.cluster.AuthSpec;
import io.neonops.controlplane.component.EnvValue;
import io.neonops.storage.common.auth.JwtScope;

/**
 * What local mode gives a daemon where a pod reads a Secret of {@code spec.auth}: local mode reads no Secrets, it has
 * the values itself. The public key is the work directory's; each token is minted with the private key for the scope
 * its key stands for ({@link AuthSpec#TOKEN_SCOPES}).
 *
 * @param keys empty without {@code spec.auth}
 */
record LocalSecrets(Optional<LocalAuthKeys> keys) {

    static final LocalSecrets NONE = new LocalSecrets(Optional.empty());

    /** The value of {@code secret} for {@code reader} (a node's name), or why local mode has none. */
    String value(String reader, EnvValue.FromSecret secret) throws IOException {
        if (keys.isPresent() && secret.key().equals(AuthSpec.PUBLIC_KEY_FILE)) {
            return keys.get().publicKeyPem();
        }
        JwtScope scope = AuthSpec.TOKEN_SCOPES.get(secret.key());
        if (keys.isPresent() && scope != null) {
            return keys.get().mint(scope);
        }
        throw new IOException(reader + " reads " + secret.key() + " from Secret " + secret.secretName()
                + ", and local mode reads no Secrets" + (keys.isPresent() ? " and mints no token for that key" : ""));
    }

    /** A token of {@code scope} for local mode's own calls, when the cluster runs with auth. */
    Optional<String> token(JwtScope scope) {
        return keys.map(pair -> pair.mint(scope));
    }
}
