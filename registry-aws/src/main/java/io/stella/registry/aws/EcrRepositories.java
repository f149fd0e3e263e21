package io.stella.registry.aws;

import io.stella.registry.auth.provider.ProvidedRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.ImageDetail;
import software.amazon.awssdk.services.ecr.model.Repository;

/** Discovery in one registry: {@code DescribeRepositories}, then {@code DescribeImages} per repository for push times. */
public final class EcrRepositories {
    private EcrRepositories() {
    }

    public static List<ProvidedRepository> list(AwsClients clients, AwsIdentity identity, EcrTarget target) {
        try (EcrClient ecr = clients.ecr(identity.credentials(), target)) {
            List<String> names = names(ecr, identity, target);
            List<ProvidedRepository> found = new ArrayList<>();
            for (String name : names) {
                found.add(new ProvidedRepository(target.host(), name, pushTimes(ecr, identity, target, name)));
            }
            return found;
        }
    }

    static List<String> names(EcrClient ecr, AwsIdentity identity, EcrTarget target) {
        try {
            return ecr.describeRepositoriesPaginator(r -> target.registryId().ifPresent(r::registryId))
                    .repositories().stream().map(Repository::repositoryName).toList();
        } catch (SdkException e) {
            throw AwsFailures.classify(e, "ecr:DescribeRepositories", identity, target.host());
        }
    }

    static Map<String, Instant> pushTimes(EcrClient ecr, AwsIdentity identity, EcrTarget target, String repository) {
        Map<String, Instant> pushed = new HashMap<>();
        try {
            for (ImageDetail image : ecr.describeImagesPaginator(r -> {
                r.repositoryName(repository);
                target.registryId().ifPresent(r::registryId);
            }).imageDetails()) {
                if (image.imagePushedAt() != null) {
                    image.imageTags().forEach(tag -> pushed.put(tag, image.imagePushedAt()));
                }
            }
        } catch (SdkException e) {
            throw AwsFailures.classify(e, "ecr:DescribeImages", identity, target.host()).withContext(target.host(),
                    repository, Map.of());
        }
        return pushed;
    }
}
