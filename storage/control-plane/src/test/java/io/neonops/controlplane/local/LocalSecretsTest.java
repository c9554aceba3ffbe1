package io.neonops.controlplane.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.neonops.controlplane.cluster.AuthSpec;
import io.neonops.controlplane.cluster.LocalPorts;
import io.neonops.controlplane.component.EnvValue;
import io.neonops.controlplane.component.LocalEnvironment;
import io.neonops.storage.common.auth.JwtClaims;
import io.neonops.storage.common.auth.JwtScope;
import io.neonops.storage.common.auth.JwtVerifier;

class LocalSecretsTest {

    @TempDir
    Path dir;

    private LocalSecrets withAuth() throws Exception {
        LocalEnvironment environment = new LocalEnvironment(dir, Optional.empty(), dir.resolve("pg"), LocalPorts.DEFAULTS, 1);
        return new LocalSecrets(Optional.of(LocalAuthKeys.loadOrGenerate(environment, true)));
    }

    @Test
    void eachTokenKeyGetsATokenOfItsScopeSignedWithTheWorkDirectorysKey() throws Exception {
        LocalSecrets secrets = withAuth();
        JwtVerifier verifier = new JwtVerifier(secrets.keys().orElseThrow().publicKey());

        for (var key : AuthSpec.TOKEN_SCOPES.entrySet()) {
            String token = secrets.value("storage-controller", new EnvValue.FromSecret("tokens", key.getKey()));
            assertThat(verifier.verify(token)).as(key.getKey()).isEqualTo(JwtClaims.of(key.getValue()));
        }
        assertThat(verifier.verify(secrets.token(JwtScope.ADMIN).orElseThrow())).isEqualTo(JwtClaims.of(JwtScope.ADMIN));
    }

    @Test
    void thePublicKeyIsTheWorkDirectorysPem() throws Exception {
        LocalSecrets secrets = withAuth();

        assertThat(secrets.value("storage-controller", new EnvValue.FromSecret("keys", AuthSpec.PUBLIC_KEY_FILE)))
                .isEqualTo(secrets.keys().orElseThrow().publicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----\n");
    }

    @Test
    void aKeyLocalModeHasNoValueForIsNamedWithItsReaderAndSecret() throws Exception {
        EnvValue.FromSecret hookToken = new EnvValue.FromSecret("tokens", AuthSpec.COMPUTE_HOOK_TOKEN_KEY);

        assertThatThrownBy(() -> withAuth().value("storage-controller", hookToken)).hasMessage("storage-controller reads"
                + " CONTROL_PLANE_JWT_TOKEN from Secret tokens, and local mode reads no Secrets and mints no token for that key");
        assertThatThrownBy(() -> LocalSecrets.NONE.value("pageserver", new EnvValue.FromSecret("tokens", "SAFEKEEPER_JWT_TOKEN")))
                .hasMessage("pageserver reads SAFEKEEPER_JWT_TOKEN from Secret tokens, and local mode reads no Secrets");
        assertThat(LocalSecrets.NONE.token(JwtScope.ADMIN)).isEmpty();
    }
}
