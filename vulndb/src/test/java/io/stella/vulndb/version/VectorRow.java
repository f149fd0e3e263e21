package io.stella.vulndb.version;

/** One row of a shared version-comparison vector file: {@code signum(compare(a, b)) == cmp}. */
record VectorRow(String a, String b, int cmp, String source) {

    /** The key under which a test lists a row it expects to differ: {@code a<TAB>b}. */
    String key() {
        return a + "\t" + b;
    }
}
