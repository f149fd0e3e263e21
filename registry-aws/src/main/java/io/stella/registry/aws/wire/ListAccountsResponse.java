package io.stella.registry.aws.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Answer of Organizations {@code ListAccounts}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ListAccountsResponse(@JsonProperty("Accounts") List<Account> accounts,
                                   @JsonProperty("NextToken") String nextToken) {
    public ListAccountsResponse {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
    }

    /**
     * @param status the older field, ACTIVE or SUSPENDED
     * @param state  the field replacing it: ACTIVE, SUSPENDED, PENDING_CLOSURE, CLOSED
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Account(@JsonProperty("Id") String id, @JsonProperty("Name") String name,
                          @JsonProperty("Status") String status, @JsonProperty("State") String state) {
        public boolean active() {
            return state != null ? state.equals("ACTIVE") : "ACTIVE".equals(status);
        }
    }
}
