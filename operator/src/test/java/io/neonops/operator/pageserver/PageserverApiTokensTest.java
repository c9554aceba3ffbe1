package io.neonops.operator.pageserver;

import static io.neonops.operator.testing.SecretFixtures.base64;
import static io.neonops.operator.testing.SpecFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.operator.testing.SecretFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The token for an auth-enabled cluster's pageservers, read from its Secret on the (mock) API server. */
@EnableKubernetesMockClient(crud = true)
class PageserverApiTokensTest {

    static KubernetesMockServer server;
    static KubernetesClient client;

    private static final ClusterSpec WITH_TOKEN_SECRET =
            spec("auth: {enabled: true, publicKeySecret: neon-keys, apiTokenSecret: pageserver-token}");

    @AfterEach
    void deleteSecrets() {
        client.secrets().inNamespace("ns").delete();
    }

    private PageserverApiToken token(ClusterSpec cluster) {
        return new PageserverApiTokens(client).forCluster(cluster);
    }

    private static void secret(String key, String data) {
        client.secrets().inNamespace("ns").resource(SecretFixtures.secret("pageserver-token", key, data)).create();
    }

    private static PageserverApiToken unavailable(String what) {
        return new PageserverApiToken.Unavailable("spec.auth.apiTokenSecret: Secret ns/pageserver-token " + what);
    }

    @Test
    void aClusterWithoutAuthNeedsNoTokenAndNoSecretIsRead() {
        secret("token", base64("header.payload.signature"));
        int requestsBefore = server.getRequestCount();

        assertThat(token(spec("auth: {apiTokenSecret: pageserver-token}"))).isEqualTo(new PageserverApiToken.NotNeeded());
        assertThat(server.getRequestCount()).isEqualTo(requestsBefore);
    }

    @Test
    void withAuthButNoTokenSecretTheReasonNamesTheField() {
        assertThat(token(spec("auth: {enabled: true, publicKeySecret: neon-keys}"))).isEqualTo(new PageserverApiToken.Unavailable(
                "spec.auth is enabled and spec.auth.apiTokenSecret is not set, so the operator holds no token for the pageservers' API"));
    }

    @Test
    void theTokenIsTheSecretsKeyTokenWithoutTheTrailingNewline() {
        secret("token", base64("header.payload.signature\n"));

        assertThat(token(WITH_TOKEN_SECRET)).isEqualTo(new PageserverApiToken.Bearer("header.payload.signature"));
    }

    @Test
    void aMissingSecretOrKeyIsNamed() {
        assertThat(token(WITH_TOKEN_SECRET)).isEqualTo(unavailable("does not exist"));

        secret("jwt", base64("header.payload.signature"));

        assertThat(token(WITH_TOKEN_SECRET)).isEqualTo(unavailable("has no key token"));
    }

    @Test
    void aTokenThatCannotGoIntoAnHttpHeaderIsRefused() {
        secret("token", base64("two\nlines"));

        assertThat(token(WITH_TOKEN_SECRET)).isEqualTo(unavailable("key token is not a single-line token"));
    }

    @Test
    void anEmptyTokenIsRefused() {
        secret("token", base64(" \n"));

        assertThat(token(WITH_TOKEN_SECRET)).isEqualTo(unavailable("key token is empty"));
    }

    @Test
    void dataThatIsNotBase64IsRefused() {
        secret("token", "not base64!");

        assertThat(token(WITH_TOKEN_SECRET)).isEqualTo(unavailable("key token is not base64"));
    }

    @Test
    void theTokenNeverShowsInText() {
        assertThat(new PageserverApiToken.Bearer("header.payload.signature").toString()).doesNotContain("payload");
    }
}
