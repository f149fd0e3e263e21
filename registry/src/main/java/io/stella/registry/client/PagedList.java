package io.stella.registry.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Reads a list that the registry pages with {@code Link} headers, until there is no next page. */
final class PagedList {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final int MAX_PAGES = 100_000;

    private PagedList() {
    }

    /** @return empty when the first page is a 404 and the request allows it */
    static <J> Optional<List<String>> read(RegistrySession session, RegistryRequest first, Class<J> type,
                                           Function<J, List<String>> items) {
        List<String> all = new ArrayList<>();
        RegistryRequest request = first;
        for (int page = 0; page < MAX_PAGES; page++) {
            HttpResponse<InputStream> response = session.execute(request);
            if (response.statusCode() == 404) {
                try (InputStream ignored = response.body()) {
                    return Optional.empty();
                } catch (IOException e) {
                    return Optional.empty();
                }
            }
            J json;
            try (InputStream body = response.body()) {
                json = JSON.readValue(body, type);
            } catch (IOException e) {
                throw RegistryException.builder(FailureCode.REGISTRY_PROTOCOL_ERROR,
                                first.description() + ": the registry answered with invalid JSON")
                        .registry(session.endpoint().registry()).cause(e).build();
            }
            List<String> got = json == null ? null : items.apply(json);
            if (got != null) {
                all.addAll(got);
            }
            Optional<String> next = LinkPagination.next(response.headers());
            if (next.isEmpty() || got == null || got.isEmpty()) {
                return Optional.of(all);
            }
            request = first.forPage(next.get());
        }
        throw RegistryException.builder(FailureCode.REGISTRY_PROTOCOL_ERROR,
                first.description() + ": more than " + MAX_PAGES + " pages").registry(session.endpoint().registry()).build();
    }
}
