package io.stella.registry.aws;

import io.stella.registry.auth.provider.ProvidedRepository;
import io.stella.registry.failure.RegistryException;
import java.util.List;
import java.util.Optional;

/**
 * What an Organizations walk found: the repositories of the member accounts it could enter, and why the others
 * (or some of their regions) could not be walked.
 *
 * @param accounts     the member account ids walked (after the allow-list)
 * @param repositories repositories of every account and region that answered
 * @param failures     one per account (region empty) or per account and region that failed
 */
public record OrganizationWalk(List<String> accounts, List<ProvidedRepository> repositories, List<Failure> failures) {
    public OrganizationWalk {
        accounts = List.copyOf(accounts);
        repositories = List.copyOf(repositories);
        failures = List.copyOf(failures);
    }

    public record Failure(String account, Optional<String> region, RegistryException failure) {
    }
}
