package io.stella.registry.client;

import io.stella.registry.auth.Scope;
import io.stella.registry.blob.DigestVerifyingInputStream;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import io.stella.registry.http.ConnectionFailures;
import io.stella.registry.http.IdleWatchdogInputStream;
import io.stella.registry.manifest.Descriptor;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.OptionalLong;

/**
 * {@code GET /v2/<name>/blobs/<digest>} as a stream: followed through redirects to object storage
 * without credentials, watched for stalls, and verified against digest and size as it is read.
 * Read failures surface as {@link IOException}s whose cause is a {@link RegistryException}.
 */
final class BlobPuller {
    private BlobPuller() {
    }

    static InputStream open(RegistrySession session, String repository, Descriptor blob) {
        String where = "blob " + blob.digest() + " of " + repository;
        HttpResponse<InputStream> response = session.execute(RegistryRequest.get(
                "/v2/" + repository + "/blobs/" + blob.digest(), Scope.pull(repository), RegistryRequest.Subject.IMAGE, where));
        InputStream watched = new IdleWatchdogInputStream(response.body(), session.transportSettings().idleTimeout(), where);
        InputStream verified = new DigestVerifyingInputStream(watched, blob.digest(), blob.size(), where);
        return new FailureMappingStream(verified, where, session.endpoint().registry(), repository);
    }

    static OptionalLong head(RegistrySession session, String repository, String digest) {
        String where = "blob " + digest + " of " + repository;
        HttpResponse<InputStream> response = session.execute(RegistryRequest.head(
                "/v2/" + repository + "/blobs/" + digest, Scope.pull(repository), RegistryRequest.Subject.IMAGE, where));
        try (InputStream ignored = response.body()) {
            return response.headers().firstValueAsLong("content-length");
        } catch (IOException e) {
            return response.headers().firstValueAsLong("content-length");
        }
    }

    /** Turns network errors mid-body into IOExceptions carrying a named failure. */
    private static final class FailureMappingStream extends FilterInputStream {
        private final String where;
        private final String registry;
        private final String repository;

        FailureMappingStream(InputStream in, String where, String registry, String repository) {
            super(in);
            this.where = where;
            this.registry = registry;
            this.repository = repository;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw map(e);
            } catch (RegistryException e) {
                throw new BlobReadException(e.withContext(registry, repository, java.util.Map.of()));
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                throw map(e);
            } catch (RegistryException e) {
                throw new BlobReadException(e.withContext(registry, repository, java.util.Map.of()));
            }
        }

        private IOException map(IOException e) {
            if (e instanceof BlobReadException) {
                return e;
            }
            RegistryException failure = ConnectionFailures.classify(e, where, registry);
            if (failure.code() == FailureCode.NETWORK_ERROR) {
                failure = RegistryException.builder(FailureCode.NETWORK_ERROR, where + ": the download broke off")
                        .registry(registry).repository(repository).evidence("exception", e.toString()).cause(e).build();
            }
            return new BlobReadException(failure.withContext(registry, repository, java.util.Map.of()));
        }
    }
}
