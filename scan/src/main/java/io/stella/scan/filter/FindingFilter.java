package io.stella.scan.filter;

import io.stella.scan.ScanReport;

/** Narrows a scan report's findings; returns a new report, the given one is left as it is. */
public interface FindingFilter {
    ScanReport apply(ScanReport report);

    /** Applies the filters in order. */
    static ScanReport applyAll(ScanReport report, java.util.List<? extends FindingFilter> filters) {
        ScanReport result = report;
        for (FindingFilter filter : filters) {
            result = filter.apply(result);
        }
        return result;
    }
}
