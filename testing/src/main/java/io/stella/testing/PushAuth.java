package io.stella.testing;

/** Credentials skopeo presents to the destination registry; {@link #NONE} for anonymous registries. */
public record PushAuth(String username, String password) {

    public static final PushAuth NONE = new PushAuth(null, null);

    public static PushAuth none() {
        return NONE;
    }

    /** Basic credentials, or for token registries the credentials skopeo trades for a token. */
    public static PushAuth of(String username, String password) {
        if (username == null || password == null) {
            throw new IllegalArgumentException("username and password are required");
        }
        return new PushAuth(username, password);
    }

    public boolean present() {
        return username != null;
    }

    @Override
    public String toString() {
        return present() ? "PushAuth[" + username + ":***]" : "PushAuth[none]";
    }
}
