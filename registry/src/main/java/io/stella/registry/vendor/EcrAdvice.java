package io.stella.registry.vendor;

import io.stella.registry.failure.RegistryException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Amazon ECR: 12-hour registry passwords per account and region, ecr:* IAM actions, repository policies. */
final class EcrAdvice implements VendorAdvice {
    private static final Pattern HOST = Pattern.compile("([0-9]{12})\\.dkr\\.ecr(?:-fips)?\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?");

    @Override
    public RegistryVendor vendor() {
        return RegistryVendor.ECR;
    }

    @Override
    public Optional<Advice> advise(RegistryException failure, Principal principal) {
        FailureFacts facts = new FailureFacts(failure);
        Matcher host = HOST.matcher(RegistryVendor.hostOnly(facts.registry()));
        String account = host.matches() ? host.group(1) : "<account>";
        String region = host.matches() ? host.group(2) : "<region>";
        Advice advice;
        if (facts.rejected() || facts.noCredentials()) {
            advice = Advice.of("ECR takes username AWS and a registry password that is valid for 12 hours and for one "
                    + "account and region only (it may have expired): aws ecr get-login-password --region " + region
                    + " | docker login --username AWS --password-stdin " + facts.registry()
                    + ", or configure the registry as type ecr so stella fetches it itself.");
        } else if (facts.denied() && facts.repository().isPresent()) {
            advice = Advice.of("The IAM principal needs ecr:BatchGetImage and ecr:GetDownloadUrlForLayer (e.g. the "
                    + "AmazonEC2ContainerRegistryReadOnly policy) on arn:aws:ecr:" + region + ":" + account
                    + ":repository/" + facts.repository().get() + "; for a registry of another account its repository "
                    + "policy must also allow the principal. Check the repository exists: aws ecr "
                    + "describe-repositories --region " + region + " --repository-names " + facts.repository().get()
                    + ".");
        } else if (facts.rateLimited()) {
            advice = Advice.of("ECR throttles per account and region (GetAuthorizationToken, BatchGetImage, "
                    + "GetDownloadUrlForLayer have request-rate quotas): lower scan.max_workers or ask AWS for a "
                    + "Service Quotas increase.");
        } else {
            return Optional.empty();
        }
        return Optional.of(host.matches() ? advice.with("aws_account_id", account).with("aws_region", region) : advice);
    }
}
