package io.stella.registry.auth.sources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * Real {@code docker-credential-*} executables (shell scripts) written into a directory that tests put
 * on the helper search path.
 */
final class HelperScripts {

    static final String HUB_TOKEN = "hub-refresh-token-6f1e";
    static final String HELPER_SECRET = "helper-secret-93ab";

    private final Path bin;

    HelperScripts(Path bin) throws IOException {
        this.bin = Files.createDirectories(bin);
    }

    Path bin() {
        return bin;
    }

    /** The environment helpers run with: the script directory first, then the system tools they use. */
    Map<String, String> env() {
        return Map.of("PATH", bin + ":/usr/bin:/bin", "HELPER_USER", "helper-user");
    }

    CredentialHelperClient client() {
        return CredentialHelperClient.fromEnvironment(env());
    }

    /** The server URL a helper last received on stdin. */
    String lastRequest(String helper) throws IOException {
        return Files.readString(bin.resolve(helper + ".request"));
    }

    /**
     * {@code docker-credential-good}: Docker Hub gets an identity token, registries whose URL contains
     * "unknown" are not found, every other registry gets $HELPER_USER with a password.
     */
    HelperScripts good() throws IOException {
        return script("good", """
                [ "$1" = get ] || { echo "unsupported action $1" >&2; exit 3; }
                url=$(cat)
                printf '%s' "$url" > "$(dirname "$0")/good.request"
                case "$url" in
                  https://index.docker.io/v1/) printf '{"ServerURL":"%s","Username":"<token>","Secret":"HUB_TOKEN"}\\n' "$url" ;;
                  *unknown*) echo "credentials not found in native keychain"; exit 1 ;;
                  *) printf '{"ServerURL":"%s","Username":"%s","Secret":"HELPER_SECRET"}\\n' "$url" "$HELPER_USER" ;;
                esac
                """.replace("HUB_TOKEN", HUB_TOKEN).replace("HELPER_SECRET", HELPER_SECRET));
    }

    /** {@code docker-credential-none}: never has credentials, the way docker-credential-helpers say so. */
    HelperScripts none() throws IOException {
        return script("none", """
                cat > /dev/null
                echo "credentials not found in native keychain"
                exit 1
                """);
    }

    /** {@code docker-credential-broken}: fails with exit code 2 and an error on stderr. */
    HelperScripts broken() throws IOException {
        return script("broken", """
                cat > /dev/null
                echo "error: the keyring is locked" >&2
                echo "run 'keyring unlock' first" >&2
                exit 2
                """);
    }

    /** {@code docker-credential-slow}: starts a long sleep, records its pid and waits for it. */
    HelperScripts slow() throws IOException {
        return script("slow", """
                sleep 60 &
                echo $! > "$(dirname "$0")/slow.pid"
                wait
                """);
    }

    /** {@code docker-credential-garbage}: exits 0 with output that is not JSON but contains a secret. */
    HelperScripts garbage(String secretInOutput) throws IOException {
        return script("garbage", """
                cat > /dev/null
                echo "Username=someone Secret=SECRET"
                """.replace("SECRET", secretInOutput));
    }

    HelperScripts script(String name, String body) throws IOException {
        Path file = bin.resolve(CredentialHelperClient.binaryName(name));
        Files.writeString(file, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return this;
    }
}
