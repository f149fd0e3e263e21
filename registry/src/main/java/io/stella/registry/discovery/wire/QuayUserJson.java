package io.stella.registry.discovery.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** Quay's {@code GET /api/v1/user/}: the signed-in user and the organizations they belong to. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record QuayUserJson(Boolean anonymous, String username, List<Organization> organizations) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Organization(String name) {
    }
}
