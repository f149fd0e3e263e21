package io.stella.registry.aws.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of Organizations {@code ListAccounts} (AWS JSON 1.1). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ListAccountsRequest(@JsonProperty("NextToken") String nextToken,
                                  @JsonProperty("MaxResults") Integer maxResults) {
}
