package io.stella.registry.gcp;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The service account named in an IAM Credentials {@code …/serviceAccounts/<email>:generateAccessToken} URL. */
final class ImpersonationUrls {
    private static final Pattern URL = Pattern.compile(".*/serviceAccounts/([^/:]+):generateAccessToken$");

    private ImpersonationUrls() {
    }

    static Optional<String> serviceAccount(String url) {
        if (url == null) {
            return Optional.empty();
        }
        Matcher m = URL.matcher(url);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
