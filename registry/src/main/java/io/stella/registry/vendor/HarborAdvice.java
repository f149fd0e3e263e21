package io.stella.registry.vendor;

import io.stella.registry.failure.RegistryException;
import java.util.Locale;
import java.util.Optional;

/** Harbor: projects, members and robot accounts (project robots, system robots, expiring secrets). */
final class HarborAdvice implements VendorAdvice {

    @Override
    public RegistryVendor vendor() {
        return RegistryVendor.HARBOR;
    }

    @Override
    public Optional<Advice> advise(RegistryException failure, Principal principal) {
        FailureFacts facts = new FailureFacts(failure);
        Optional<HarborRobot> robot = principal.username().flatMap(HarborRobot::parse);
        if (facts.rejected()) {
            return Optional.of(robot.map(HarborAdvice::robotRejected)
                    .orElseGet(() -> userRejected(principal)));
        }
        if (facts.noCredentials() && facts.namespace().isPresent()) {
            String project = facts.namespace().get();
            return Optional.of(Advice.of("Harbor lets anonymous requests pull only from public projects, and project "
                    + project + " is private (or does not exist). Log in with a member of " + project
                    + " or a robot account with pull on it (robot$" + project + "+<name>, created in Projects → "
                    + project + " → Robot Accounts), or make the project public (Projects → " + project
                    + " → Configuration → Public).").with("harbor_project", project));
        }
        if (facts.denied() && facts.namespace().isPresent()) {
            String project = facts.namespace().get();
            String repository = facts.repository().orElseThrow();
            String prefix = facts.maybeMissing()
                    ? "Harbor answers the same for a repository that does not exist and one the account may not "
                            + "see; if " + repository + " exists: " : "";
            Advice advice = robot.map(r -> robotDenied(r, project, repository, facts.action()))
                    .orElseGet(() -> memberDenied(principal, project, facts.action()));
            return Optional.of(new Advice(prefix + advice.hint(), advice.evidence()).with("harbor_project", project));
        }
        return Optional.empty();
    }

    private static Advice robotRejected(HarborRobot robot) {
        return evidence(Advice.of("Harbor rejected robot account " + robot.fullName() + ", " + robot.kind()
                + ": its secret is wrong, or the robot "
                + "expired (robot secrets expire after 30 days unless set otherwise), was disabled or deleted. In "
                + robot.uiLocation() + " check its Expiration and Enabled state; 'Refresh Secret' there (or PATCH "
                + "/api/v2.0/robots/<id> with a new secret) and give stella the new secret (stella registry "
                + "configure, or docker login with " + robot.fullName() + ")."), robot);
    }

    private static Advice userRejected(Principal principal) {
        return Advice.of("Harbor rejected " + principal.describe() + ": check the password. If Harbor "
                + "authenticates with OIDC, docker clients must use the user's CLI secret (User Profile → CLI "
                + "secret), not the OIDC password; for automation prefer a robot account (robot$<project>+<name>).");
    }

    private static Advice robotDenied(HarborRobot robot, String project, String repository, String action) {
        String permission = permission(action);
        String hint;
        if (robot.project().isPresent() && !robot.project().get().equals(project)) {
            String own = robot.project().get();
            hint = robot.describe() + "; repository " + repository + " is in project " + project
                    + ", which it cannot access: create a robot in " + project + " or a system robot with " + action
                    + " on " + project + " (Harbor UI: Projects → " + project
                    + " → Robot Accounts / Administration → Robot Accounts). Project robots never reach other "
                    + "projects than " + own + ".";
        } else if (robot.project().isPresent()) {
            hint = robot.describe() + " but lacks the permission: add the '" + permission + "' permission to "
                    + robot.fullName() + " (" + robot.uiLocation() + " → edit " + robot.fullName() + ").";
        } else {
            hint = robot.describe() + ": give it the '" + permission + "' permission on project " + project + " ("
                    + robot.uiLocation() + " → edit " + robot.fullName() + " → project " + project + ").";
        }
        return evidence(Advice.of(hint), robot).with("harbor_denied_project", project);
    }

    private static Advice memberDenied(Principal principal, String project, String action) {
        String who = principal.username().orElse("the account");
        return Advice.of("Harbor grants " + action + " on project " + project + " to its members: add " + who
                + " to project " + project + " (Projects → " + project + " → Members; any role, Limited Guest "
                + "included, may pull" + (action.contains("push") ? ", Developer or higher to push" : "")
                + "), or use a robot account of " + project + " (robot$" + project + "+<name>).")
                .with("harbor_denied_project", project);
    }

    private static String permission(String action) {
        String a = action.toLowerCase(Locale.ROOT);
        if (a.contains("push")) {
            return "Push Repository";
        }
        return a.contains("delete") ? "Delete Repository" : "Pull Repository";
    }

    private static Advice evidence(Advice advice, HarborRobot robot) {
        return advice.with("harbor_robot", robot.fullName())
                .with("harbor_robot_kind", robot.projectRobot() ? "project" : "system")
                .with("harbor_robot_project", robot.project().orElse(null));
    }
}
