package io.neonops.controlplane.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.neonops.controlplane.cluster.LocalPorts;
import io.neonops.controlplane.component.LocalEnvironment;
import io.neonops.storage.common.auth.Ed25519Keys;
import io.neonops.storage.common.auth.JwtClaims;
import io.neonops.storage.common.auth.JwtScope;
import io.neonops.storage.common.auth.JwtVerifier;

class LocalAuthKeysTest {

    @TempDir
    Path dir;

    private LocalEnvironment environment() {
        return new LocalEnvironment(dir, Optional.empty(), dir.resolve("pg"), LocalPorts.DEFAULTS, 1);
    }

    private Path privateFile() {
        return dir.resolve("auth_private_key.pem");
    }

    private Path publicFile() {
        return dir.resolve("auth_public_key.pem");
    }

    @Test
    void generatesAPairWhenNeitherFileExistsThePrivateKeyReadableByTheOwnerOnly() throws Exception {
        LocalAuthKeys keys = LocalAuthKeys.loadOrGenerate(environment(), true);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateFile()))).isEqualTo("rw-------");
        assertThat(Files.readString(privateFile())).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(Files.readString(publicFile())).isEqualTo(keys.publicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----\n");
        assertThat(new JwtVerifier(Ed25519Keys.readPublicKey(Files.readString(publicFile())))
                .verify(keys.mint(JwtScope.GENERATIONS_API))).isEqualTo(JwtClaims.of(JwtScope.GENERATIONS_API));
        assertThat(dir).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void aSecondLoadUsesTheSameFilesAndRewritesNothing() throws Exception {
        LocalAuthKeys first = LocalAuthKeys.loadOrGenerate(environment(), true);
        long privateModified = Files.getLastModifiedTime(privateFile()).toMillis();
        String privatePem = Files.readString(privateFile());

        LocalAuthKeys second = LocalAuthKeys.loadOrGenerate(environment(), true);

        assertThat(second.mint(JwtScope.ADMIN)).isEqualTo(first.mint(JwtScope.ADMIN));
        assertThat(Files.readString(privateFile())).isEqualTo(privatePem);
        assertThat(Files.getLastModifiedTime(privateFile()).toMillis()).isEqualTo(privateModified);
    }

    @Test
    void usesTheUsersOwnPair() throws Exception {
        KeyPair pair = Ed25519Keys.generate();
        Files.writeString(privateFile(), Ed25519Keys.privateKeyPem(pair.getPrivate()));
        Files.writeString(publicFile(), Ed25519Keys.publicKeyPem(pair.getPublic()));

        String token = LocalAuthKeys.loadOrGenerate(environment(), true).mint(JwtScope.SAFEKEEPER_DATA);

        assertThat(new JwtVerifier(pair.getPublic()).verify(token)).isEqualTo(JwtClaims.of(JwtScope.SAFEKEEPER_DATA));
    }

    @Test
    void twoKeysOfDifferentPairsAreRefusedNamingBothFiles() throws IOException {
        Files.writeString(privateFile(), Ed25519Keys.privateKeyPem(Ed25519Keys.generate().getPrivate()));
        Files.writeString(publicFile(), Ed25519Keys.publicKeyPem(Ed25519Keys.generate().getPublic()));

        assertThatThrownBy(() -> LocalAuthKeys.loadOrGenerate(environment(), true)).isInstanceOf(IOException.class)
                .hasMessageStartingWith(privateFile() + " and " + publicFile() + " are not one key pair");
    }

    @Test
    void aPublicKeyAloneServesWhereNothingIsMintedAndIsRefusedWhereTokensAreNeeded() throws Exception {
        KeyPair pair = Ed25519Keys.generate();
        Files.writeString(publicFile(), Ed25519Keys.publicKeyPem(pair.getPublic()));

        assertThat(LocalAuthKeys.loadOrGenerate(environment(), false).publicKey()).isEqualTo(pair.getPublic());
        assertThatThrownBy(() -> LocalAuthKeys.loadOrGenerate(environment(), true)).hasMessage("spec.auth.enabled is true:"
                + " local mode mints the daemons' tokens with " + privateFile() + ", which does not exist; put the private key"
                + " of " + publicFile() + " there, or move " + publicFile() + " away to have a key pair generated");
        assertThat(privateFile()).doesNotExist();
    }

    @Test
    void aPrivateKeyAloneIsRefusedWithHowToMakeItsPublicKey() throws IOException {
        Files.writeString(privateFile(), Ed25519Keys.privateKeyPem(Ed25519Keys.generate().getPrivate()));

        assertThatThrownBy(() -> LocalAuthKeys.loadOrGenerate(environment(), true)).hasMessage("spec.auth.enabled is true and "
                + privateFile() + " exists, but " + publicFile() + " does not: put its public key there (openssl pkey -in "
                + privateFile() + " -pubout -out " + publicFile() + ")");
        assertThat(publicFile()).doesNotExist();
    }

    @Test
    void aFileThatIsNoEd25519KeyIsNamed() throws IOException {
        Files.writeString(privateFile(), Ed25519Keys.privateKeyPem(Ed25519Keys.generate().getPrivate()));
        Files.writeString(publicFile(), "ssh-ed25519 AAAA user@host\n");

        assertThatThrownBy(() -> LocalAuthKeys.loadOrGenerate(environment(), true))
                .hasMessage(publicFile() + " is not an Ed25519 public key: no PEM block (-----BEGIN PUBLIC KEY-----)");
    }
}
