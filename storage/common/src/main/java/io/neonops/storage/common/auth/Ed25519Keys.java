package io.neonops.storage.common.auth;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ed25519 keys in the PEM files Neon reads and {@code openssl genpkey -algorithm ed25519} writes: the private key
 * as PKCS#8 ({@code BEGIN PRIVATE KEY}), the public key as X.509 SubjectPublicKeyInfo ({@code BEGIN PUBLIC KEY}).
 */
public final class Ed25519Keys {
    static final String ALGORITHM = "Ed25519";
    private static final String PRIVATE_LABEL = "PRIVATE KEY";
    private static final String PUBLIC_LABEL = "PUBLIC KEY";
    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");

    private Ed25519Keys() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no Ed25519 (Java 15 and later have it)", e);
        }
    }

    public static String privateKeyPem(PrivateKey key) {
        return pem(PRIVATE_LABEL, key.getEncoded());
    }

    public static String publicKeyPem(PublicKey key) {
        return pem(PUBLIC_LABEL, key.getEncoded());
    }

    /** @throws InvalidKeySpecException naming what is wrong, when {@code pem} is no Ed25519 private key */
    public static PrivateKey readPrivateKey(String pem) throws InvalidKeySpecException {
        return read(factory -> factory.generatePrivate(new PKCS8EncodedKeySpec(der(pem, PRIVATE_LABEL))));
    }

    /** @throws InvalidKeySpecException naming what is wrong, when {@code pem} is no Ed25519 public key */
    public static PublicKey readPublicKey(String pem) throws InvalidKeySpecException {
        return read(factory -> factory.generatePublic(new X509EncodedKeySpec(der(pem, PUBLIC_LABEL))));
    }

    private interface KeyReader<K> {
        K read(KeyFactory factory) throws GeneralSecurityException;
    }

    private static <K> K read(KeyReader<K> reader) throws InvalidKeySpecException {
        try {
            return reader.read(KeyFactory.getInstance(ALGORITHM));
        } catch (InvalidKeySpecException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new InvalidKeySpecException("not an Ed25519 key: " + e.getMessage(), e);
        }
    }

    private static byte[] der(String pem, String label) throws InvalidKeySpecException {
        Matcher block = PEM.matcher(pem);
        if (!block.find()) {
            throw new InvalidKeySpecException("no PEM block (-----BEGIN " + label + "-----)");
        }
        if (!block.group(1).equals(label)) {
            throw new InvalidKeySpecException("a PEM " + block.group(1) + ", not a " + label
                    + " (Ed25519 keys as openssl genpkey -algorithm ed25519 and openssl pkey -pubout write them)");
        }
        try {
            return Base64.getMimeDecoder().decode(block.group(2).replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new InvalidKeySpecException("the PEM block is not base64: " + e.getMessage(), e);
        }
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }
}
