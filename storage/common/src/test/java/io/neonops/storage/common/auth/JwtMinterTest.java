package io.neonops.storage.common.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.neonops.storage.common.TenantId;

/**
 * Tokens checked against ones {@code openssl pkeyutl -sign -rawin} made with a key from {@code openssl genpkey
 * -algorithm ed25519}: Ed25519 is deterministic, so equal tokens mean the header, claims and signature are exactly
 * what an independent signer produces.
 */
class JwtMinterTest {
    private static final String OPENSSL_PRIVATE_KEY = """
            -----BEGIN PRIVATE KEY-----
            MC4CAQAwBQYDK2VwBCIEIOsOQo3uhUJEbsy5wxmYwE5pfSBYYdJ9PRAyI2NBO0qU
            -----END PRIVATE KEY-----
            """;
    private static final String OPENSSL_PUBLIC_KEY = """
            -----BEGIN PUBLIC KEY-----
            MCowBQYDK2VwAyEA9aum+QrqLObs9UyrJFRPu72ABrc+KgcS2Z/BroRrAis=
            -----END PUBLIC KEY-----
            """;
    /** {"alg":"EdDSA","typ":"JWT"} . {"tenant_id":null,"scope":"admin"}, signed by openssl. */
    private static final String OPENSSL_ADMIN_TOKEN = "eyJhbGciOiJFZERTQSIsInR5cCI6IkpXVCJ9"
            + ".eyJ0ZW5hbnRfaWQiOm51bGwsInNjb3BlIjoiYWRtaW4ifQ"
            + ".-GhMcQVNc-RGB2hTzlBzsTthuUYfPk5HN2yuXT__DEjtlpIic2AY77_ZRQ5nTNSH6qI-tfSZjZUzoDiYwWC4BQ";
    /** {"alg":"EdDSA","typ":"JWT"} . {"tenant_id":"3d1f7595b468230304e0b73cecbcb081","scope":"tenant"}, signed by openssl. */
    private static final String OPENSSL_TENANT_TOKEN = "eyJhbGciOiJFZERTQSIsInR5cCI6IkpXVCJ9"
            + ".eyJ0ZW5hbnRfaWQiOiIzZDFmNzU5NWI0NjgyMzAzMDRlMGI3M2NlY2JjYjA4MSIsInNjb3BlIjoidGVuYW50In0"
            + ".EvBgXj5fh0VdcC1MZ-qiBR53SkD2orB5IRPCoYbRGD343B54Lh6E5AsFKX0C3B15ndf0MGuCRaBBPCmlQfguBw";
    private static final TenantId TENANT = TenantId.of("3d1f7595b468230304e0b73cecbcb081");

    @Test
    void mintsTheTokenOpensslSignsForTheSameKeyAndClaims() throws Exception {
        JwtMinter minter = new JwtMinter(Ed25519Keys.readPrivateKey(OPENSSL_PRIVATE_KEY));

        assertThat(minter.mint(JwtClaims.of(JwtScope.ADMIN))).isEqualTo(OPENSSL_ADMIN_TOKEN);
        assertThat(minter.mint(new JwtClaims(Optional.of(TENANT), JwtScope.TENANT))).isEqualTo(OPENSSL_TENANT_TOKEN);
    }

    @Test
    void headerAndClaimsAreExactlyNeonsJson() {
        String[] parts = new JwtMinter(Ed25519Keys.generate().getPrivate()).mint(JwtClaims.of(JwtScope.GENERATIONS_API)).split("\\.");

        assertThat(decode(parts[0])).isEqualTo("{\"alg\":\"EdDSA\",\"typ\":\"JWT\"}");
        assertThat(decode(parts[1])).isEqualTo("{\"tenant_id\":null,\"scope\":\"generations_api\"}");
    }

    @Test
    void aFreshKeyPairsTokensVerifyWithItsPublicKeyThroughTheJdkAndTheVerifier() throws Exception {
        KeyPair pair = Ed25519Keys.generate();
        String token = new JwtMinter(pair.getPrivate()).mint(JwtClaims.of(JwtScope.PAGESERVER_API));
        int lastDot = token.lastIndexOf('.');
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initVerify(pair.getPublic());
        jdk.update(token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII));

        assertThat(jdk.verify(Base64.getUrlDecoder().decode(token.substring(lastDot + 1)))).isTrue();
        assertThat(new JwtVerifier(pair.getPublic()).verify(token)).isEqualTo(JwtClaims.of(JwtScope.PAGESERVER_API));
    }

    @Test
    void theVerifierReadsTheClaimsOfOpensslTokens() throws Exception {
        JwtVerifier verifier = new JwtVerifier(Ed25519Keys.readPublicKey(OPENSSL_PUBLIC_KEY));

        assertThat(verifier.verify(OPENSSL_ADMIN_TOKEN)).isEqualTo(JwtClaims.of(JwtScope.ADMIN));
        assertThat(verifier.verify(OPENSSL_TENANT_TOKEN)).isEqualTo(new JwtClaims(Optional.of(TENANT), JwtScope.TENANT));
    }

    @Test
    void theVerifierRefusesAnotherKeysTokenAChangedPayloadAndOtherAlgorithms() throws Exception {
        JwtVerifier verifier = new JwtVerifier(Ed25519Keys.readPublicKey(OPENSSL_PUBLIC_KEY));
        String otherKeys = new JwtMinter(Ed25519Keys.generate().getPrivate()).mint(JwtClaims.of(JwtScope.ADMIN));
        String[] parts = OPENSSL_ADMIN_TOKEN.split("\\.");
        String changedPayload = parts[0] + "." + encode("{\"tenant_id\":null,\"scope\":\"infra\"}") + "." + parts[2];
        String rs256 = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + parts[1] + "." + parts[2];

        assertThatThrownBy(() -> verifier.verify(otherKeys)).isInstanceOf(JwtRejectedException.class)
                .hasMessage("the signature does not match the public key");
        assertThatThrownBy(() -> verifier.verify(changedPayload)).hasMessage("the signature does not match the public key");
        assertThatThrownBy(() -> verifier.verify(rs256)).hasMessage("the algorithm is RS256, not EdDSA");
        assertThatThrownBy(() -> verifier.verify("not-a-token")).hasMessage("a JWT has three dot-separated parts, this has 1");
    }

    @Test
    void keysRoundTripThroughPemAsOpensslWritesThem() throws Exception {
        KeyPair pair = Ed25519Keys.generate();
        String privatePem = Ed25519Keys.privateKeyPem(pair.getPrivate());
        PrivateKey read = Ed25519Keys.readPrivateKey(privatePem);

        assertThat(privatePem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("\n-----END PRIVATE KEY-----\n");
        assertThat(Ed25519Keys.publicKeyPem(Ed25519Keys.readPublicKey(OPENSSL_PUBLIC_KEY))).isEqualTo(OPENSSL_PUBLIC_KEY);
        assertThat(Ed25519Keys.privateKeyPem(Ed25519Keys.readPrivateKey(OPENSSL_PRIVATE_KEY))).isEqualTo(OPENSSL_PRIVATE_KEY);
        assertThat(new JwtMinter(read).mint(JwtClaims.of(JwtScope.ADMIN)))
                .isEqualTo(new JwtMinter(pair.getPrivate()).mint(JwtClaims.of(JwtScope.ADMIN)));
    }

    @Test
    void aPublicKeyWhereThePrivateKeyBelongsIsNamedAsSuch() {
        assertThatThrownBy(() -> Ed25519Keys.readPrivateKey(OPENSSL_PUBLIC_KEY)).isInstanceOf(InvalidKeySpecException.class)
                .hasMessageStartingWith("a PEM PUBLIC KEY, not a PRIVATE KEY");
        assertThatThrownBy(() -> Ed25519Keys.readPublicKey("hello")).hasMessage("no PEM block (-----BEGIN PUBLIC KEY-----)");
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
