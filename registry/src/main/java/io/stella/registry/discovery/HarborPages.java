package io.stella.registry.discovery;

import io.stella.registry.client.LinkPagination;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Harbor's page-numbered lists: the next page is the {@code Link: <…>; rel="next"} target, or, when a proxy
 * dropped that header, the next page number while {@code X-Total-Count} says items are missing.
 */
final class HarborPages {
    /** Harbor's largest page size. */
    static final int PAGE_SIZE = 100;

    private HarborPages() {
    }

    /** @return empty when the first page is a 404 (and not {@code apiRoot}) */
    static <J> Optional<List<J>> readAll(VendorApi api, IntFunction<URI> pageUrl, Map<String, String> headers,
                                         Class<J[]> type, String what, boolean apiRoot) {
        List<J> all = new ArrayList<>();
        Set<URI> requested = new HashSet<>();
        URI url = pageUrl.apply(1);
        for (int page = 1; page <= VendorApi.MAX_PAGES; page++) {
            requested.add(url);
            Optional<VendorPage<J[]>> answer = api.get(url, headers, type, what, apiRoot && page == 1);
            if (answer.isEmpty()) {
                if (page == 1) {
                    return Optional.empty();
                }
                throw VendorFailures.protocol(api, url, "answered HTTP 404 to page " + page + " of " + what);
            }
            J[] items = answer.get().body();
            all.addAll(Arrays.asList(items));
            if (items.length == 0) {
                return Optional.of(all);
            }
            Optional<String> link = LinkPagination.next(answer.get().headers());
            URI next;
            if (link.isPresent()) {
                next = url.resolve(link.get());
            } else if (totalCount(answer.get()) > all.size()) {
                next = pageUrl.apply(page + 1);
            } else {
                return Optional.of(all);
            }
            if (requested.contains(next)) {
                throw VendorFailures.protocol(api, next, "pagination of " + what + " leads back to a page already read");
            }
            url = next;
        }
        throw VendorFailures.protocol(api, url, "listed more than " + VendorApi.MAX_PAGES + " pages of " + what);
    }

    private static long totalCount(VendorPage<?> page) {
        try {
            return page.headers().firstValue("x-total-count").map(String::strip).map(Long::parseLong).orElse(-1L);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
