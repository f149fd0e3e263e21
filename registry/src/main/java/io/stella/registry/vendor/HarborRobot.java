package io.stella.registry.vendor;

import java.util.Optional;

/**
 * A Harbor robot account name. Since Harbor 2.2 a project robot is {@code robot$<project>+<name>} and a system
 * robot {@code robot$<name>}; before 2.2 project robots were {@code robot$<name>} too, so a name without
 * {@code +} may be either.
 *
 * @param fullName the name as used for docker login
 * @param project  the project a project robot belongs to; empty for {@code robot$<name>}
 * @param name     the robot's own name
 */
public record HarborRobot(String fullName, Optional<String> project, String name) {
    private static final String PREFIX = "robot$";

    public static Optional<HarborRobot> parse(String username) {
        if (username == null || !username.startsWith(PREFIX) || username.length() == PREFIX.length()) {
            return Optional.empty();
        }
        String rest = username.substring(PREFIX.length());
        int plus = rest.indexOf('+');
        if (plus < 0) {
            return Optional.of(new HarborRobot(username, Optional.empty(), rest));
        }
        String project = rest.substring(0, plus);
        String name = rest.substring(plus + 1);
        if (project.isEmpty() || name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new HarborRobot(username, Optional.of(project), name));
    }

    public boolean projectRobot() {
        return project.isPresent();
    }

    /** "robot account robot$team-a+ci is a project robot of project team-a". */
    public String describe() {
        return "robot account " + fullName + " is " + kind();
    }

    /** "a project robot of project team-a", "a system robot (…)". */
    public String kind() {
        return project.map(p -> "a project robot of project " + p)
                .orElse("a system robot (or a project robot named before Harbor 2.2)");
    }

    /** Where the robot is edited in Harbor's UI. */
    public String uiLocation() {
        return project.map(p -> "Projects → " + p + " → Robot Accounts")
                .orElse("Administration → Robot Accounts (before Harbor 2.2: Projects → <project> → Robot Accounts)");
    }
}
