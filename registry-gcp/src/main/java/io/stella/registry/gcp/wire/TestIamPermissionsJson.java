package io.stella.registry.gcp.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** Body of {@code :testIamPermissions}, request and response alike: the permissions asked, or those held. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TestIamPermissionsJson(List<String> permissions) {
    public TestIamPermissionsJson {
        permissions = permissions == null ? List.of() : List.copyOf(permissions);
    }
}
