package io.jasyncio.benchmarks;

/**
 * One figure of the comparison: a metric on a peer running on a runtime.
 *
 * @param metric the metric id, e.g. {@code switch}
 * @param unit its unit, e.g. {@code ns/switch}
 * @param peer what ran it
 * @param runtime what that ran on: {@code JDK 17}, {@code JDK 25}, {@code Python 3.11.7}
 * @param figure the median figure
 * @param count the work each run did, the same for every peer of the metric
 * @param runs how many measured runs the median is of
 */
record Measurement(String metric, String unit, Peer peer, String runtime, double figure,
    long count, int runs) {}
