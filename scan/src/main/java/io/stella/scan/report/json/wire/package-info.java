/** The JSON report's wire records: field names and order as {@code stella-report.schema.json} specifies. */
package io.stella.scan.report.json.wire;
