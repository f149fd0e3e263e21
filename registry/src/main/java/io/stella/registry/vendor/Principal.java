package io.stella.registry.vendor;

import io.stella.registry.auth.Credential;
import io.stella.registry.auth.ResolvedCredential;
import java.util.Optional;

/**
 * Who made a failed request, as far as a vendor's explanation needs it: the username and the family of the
 * password or token (never its value).
 */
public record Principal(boolean anonymous, Optional<String> username, Optional<TokenFamily> token) {

    public static final Principal ANONYMOUS = new Principal(true, Optional.empty(), Optional.empty());

    public static Principal of(ResolvedCredential credential) {
        return switch (credential.credential()) {
            case Credential.Anonymous a -> ANONYMOUS;
            case Credential.UsernamePassword up -> new Principal(false, Optional.of(up.username()),
                    TokenFamily.of(up.password()));
            case Credential.IdentityToken it -> new Principal(false, Optional.ofNullable(it.username())
                    .filter(u -> !u.isBlank()), TokenFamily.of(it.token()));
            case Credential.RegistryToken rt -> new Principal(false, Optional.empty(), TokenFamily.of(rt.token()));
        };
    }

    public static Principal user(String username) {
        return new Principal(false, Optional.of(username), Optional.empty());
    }

    public Principal withToken(TokenFamily family) {
        return new Principal(anonymous, username, Optional.of(family));
    }

    public boolean usernameIs(String name) {
        return username.filter(name::equalsIgnoreCase).isPresent();
    }

    /** "user alice", "user alice with a Docker Hub personal access token (dckr_pat_…)", "anonymous requests". */
    public String describe() {
        if (anonymous) {
            return "anonymous requests";
        }
        String who = username.map(u -> "user " + u).orElse("a token");
        return who + token.map(t -> " with " + t.description() + " (" + t.label() + ")").orElse("");
    }
}
