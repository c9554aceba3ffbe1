package io.neonops.controlplane.local;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.util.Optional;

import io.neonops.controlplane.component.LocalEnvironment;
import io.neonops.storage.common.auth.Ed25519Keys;
import io.neonops.storage.common.auth.JwtClaims;
import io.neonops.storage.common.auth.JwtMinter;
import io.neonops.storage.common.auth.JwtRejectedException;
import io.neonops.storage.common.auth.JwtScope;
import io.neonops.storage.common.auth.JwtVerifier;

/**
 * The JWT key pair of a local cluster with {@code spec.auth}, in DIR as neon_local keeps it: {@code auth_public_key.pem},
 * which the daemons validate tokens with, and {@code auth_private_key.pem} (mode 0600), which local mode mints their
 * tokens with. When neither file exists a pair is generated; a file that exists is never overwritten, so the user's
 * own pair (e.g. from {@code openssl genpkey -algorithm ed25519}) is used as it is.
 *
 * @param minter empty when only the public key is there, which is enough where nothing is minted (the 2022 topology)
 */
record LocalAuthKeys(PublicKey publicKey, String publicKeyPem, Optional<JwtMinter> minter) {
    static final String PRIVATE_KEY_FILE = "auth_private_key.pem";

    /**
     * The pair in the work directory, generated there when neither file exists.
     *
     * @param mints whether the cluster needs tokens minted (then the private key must be there too)
     * @throws IOException naming the file and the reason when a key cannot be read, is no Ed25519 key, or the two are no pair
     */
    static LocalAuthKeys loadOrGenerate(LocalEnvironment environment, boolean mints) throws IOException {
        Path workDir = environment.workDir();
        Path privateFile = workDir.resolve(PRIVATE_KEY_FILE);
        Path publicFile = environment.authPublicKeyPath();
        boolean hasPrivate = Files.exists(privateFile, LinkOption.NOFOLLOW_LINKS);
        boolean hasPublic = Files.exists(publicFile, LinkOption.NOFOLLOW_LINKS);
        if (!hasPrivate && !hasPublic) {
            generate(workDir, privateFile, publicFile);
        } else if (!hasPublic) {
            throw new IOException("spec.auth.enabled is true and " + privateFile + " exists, but " + publicFile
                    + " does not: put its public key there (openssl pkey -in " + privateFile + " -pubout -out " + publicFile + ")");
        } else if (!hasPrivate && mints) {
            throw new IOException("spec.auth.enabled is true: local mode mints the daemons' tokens with " + privateFile
                    + ", which does not exist; put the private key of " + publicFile + " there, or move " + publicFile
                    + " away to have a key pair generated");
        }
        String publicPem = read(publicFile);
        PublicKey publicKey;
        try {
            publicKey = Ed25519Keys.readPublicKey(publicPem);
        } catch (InvalidKeySpecException e) {
            throw new IOException(publicFile + " is not an Ed25519 public key: " + e.getMessage(), e);
        }
        if (!Files.exists(privateFile, LinkOption.NOFOLLOW_LINKS)) {
            return new LocalAuthKeys(publicKey, publicPem, Optional.empty());
        }
        JwtMinter minter;
        try {
            minter = new JwtMinter(Ed25519Keys.readPrivateKey(read(privateFile)));
        } catch (InvalidKeySpecException e) {
            throw new IOException(privateFile + " is not an Ed25519 private key: " + e.getMessage(), e);
        }
        try {
            new JwtVerifier(publicKey).verify(minter.mint(JwtClaims.of(JwtScope.ADMIN)));
        } catch (JwtRejectedException e) {
            throw new IOException(privateFile + " and " + publicFile + " are not one key pair: a token signed with the first"
                    + " does not verify with the second (" + e.getMessage() + ")", e);
        }
        return new LocalAuthKeys(publicKey, publicPem, Optional.of(minter));
    }

    /** The token for {@code scope}, signed with the private key. */
    String mint(JwtScope scope) {
        return minter.orElseThrow(() -> new IllegalStateException("loaded without the private key")).mint(JwtClaims.of(scope));
    }

    /**
     * Writes the private key (created 0600, so it is never readable by others) and then the public key, each complete
     * before it gets its name: a concurrent start that generated its own pair first wins, and this one fails rather
     * than overwrite.
     */
    private static void generate(Path workDir, Path privateFile, Path publicFile) throws IOException {
        LocalWorkDir.createPrivateDirectory(workDir);
        KeyPair pair = Ed25519Keys.generate();
        place(workDir, privateFile, Ed25519Keys.privateKeyPem(pair.getPrivate()), "rw-------");
        place(workDir, publicFile, Ed25519Keys.publicKeyPem(pair.getPublic()), "rw-r--r--");
    }

    /** A hard link, unlike a rename, fails when the name exists: whoever was first keeps the file. */
    private static void place(Path workDir, Path file, String content, String mode) throws IOException {
        Path temporary = Files.createTempFile(workDir, file.getFileName().toString(), ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode)));
        try {
            Files.writeString(temporary, content);
            Files.createLink(file, temporary);
        } catch (FileAlreadyExistsException e) {
            throw new IOException(file + " appeared while local mode generated a key pair; start again to use it", e);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static String read(Path file) throws IOException {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IOException("spec.auth.enabled is true and " + file + " cannot be read: " + e, e);
        }
    }

    /** Keeps the key material out of logs and error messages. */
    @Override
    public String toString() {
        return "LocalAuthKeys[" + (minter.isPresent() ? "key pair" : "public key only") + "]";
    }
}
