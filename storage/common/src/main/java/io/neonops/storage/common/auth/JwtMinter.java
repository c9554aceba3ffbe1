package io.neonops.storage.common.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Objects;

/**
 * Signs JWTs as Neon's daemons accept them: EdDSA (Ed25519) with the header {@code {"alg":"EdDSA","typ":"JWT"}}, no
 * expiry. Ed25519 signatures are deterministic: the same key and claims always give the same token.
 */
public final class JwtMinter {
    static final String HEADER = "{\"alg\":\"EdDSA\",\"typ\":\"JWT\"}";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final PrivateKey key;

    public JwtMinter(PrivateKey key) {
        this.key = Objects.requireNonNull(key, "key");
        if (!Ed25519Keys.ALGORITHM.equalsIgnoreCase(key.getAlgorithm()) && !"EdDSA".equalsIgnoreCase(key.getAlgorithm())) {
            throw new IllegalArgumentException("Neon's tokens are signed with Ed25519 keys, not " + key.getAlgorithm());
        }
    }

    public String mint(JwtClaims claims) {
        String signingInput = encode(HEADER) + "." + encode(claims.toJson());
        try {
            Signature signature = Signature.getInstance(Ed25519Keys.ALGORITHM);
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with an Ed25519 key", e);
        }
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
