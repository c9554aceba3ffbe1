package io.neonops.storage.common.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.neonops.storage.common.api.NeonJson;

/**
 * Checks a JWT as Neon's daemons do: three base64url parts, header algorithm {@code EdDSA}, signature valid for the
 * public key; then reads its claims. Local mode uses it to make sure a key pair the user put in place is one.
 */
public final class JwtVerifier {
    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

    private final PublicKey key;

    public JwtVerifier(PublicKey key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    public JwtClaims verify(String token) throws JwtRejectedException {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new JwtRejectedException("a JWT has three dot-separated parts, this has " + parts.length);
        }
        String algorithm;
        try {
            algorithm = NeonJson.reader().readTree(decode(parts[0], "header")).path("alg").asText();
        } catch (JsonProcessingException e) {
            throw new JwtRejectedException("the header is not JSON: " + e.getOriginalMessage());
        }
        if (!algorithm.equals("EdDSA")) {
            throw new JwtRejectedException("the algorithm is " + algorithm + ", not EdDSA");
        }
        byte[] signed = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        if (!signatureValid(signed, bytes(parts[2], "signature"))) {
            throw new JwtRejectedException("the signature does not match the public key");
        }
        return JwtClaims.parse(decode(parts[1], "payload"));
    }

    private boolean signatureValid(byte[] signed, byte[] signatureBytes) throws JwtRejectedException {
        try {
            Signature signature = Signature.getInstance(Ed25519Keys.ALGORITHM);
            signature.initVerify(key);
            signature.update(signed);
            return signature.verify(signatureBytes);
        } catch (java.security.SignatureException e) {
            throw new JwtRejectedException("the signature is malformed: " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new JwtRejectedException("the public key is no Ed25519 key: " + e.getMessage());
        }
    }

    private static String decode(String part, String name) throws JwtRejectedException {
        return new String(bytes(part, name), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String part, String name) throws JwtRejectedException {
        try {
            return BASE64URL.decode(part);
        } catch (IllegalArgumentException e) {
            throw new JwtRejectedException("the " + name + " is not base64url: " + e.getMessage());
        }
    }
}
