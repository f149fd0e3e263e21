package io.stella.registry.vendor;

import java.util.Optional;

/** A Quay robot account name: {@code <namespace>+<name>}, the namespace being an organization or a user. */
public record QuayRobot(String fullName, String namespace, String name) {

    public static Optional<QuayRobot> parse(String username) {
        if (username == null) {
            return Optional.empty();
        }
        int plus = username.indexOf('+');
        if (plus <= 0 || plus == username.length() - 1 || username.indexOf('+', plus + 1) >= 0) {
            return Optional.empty();
        }
        return Optional.of(new QuayRobot(username, username.substring(0, plus), username.substring(plus + 1)));
    }
}
