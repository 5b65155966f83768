package io.github.metart.examples.demo;

/**
 * A row written malformed on purpose, for a reader to skip and report.
 *
 * @param line the physical line on which the row starts (the header is line 1)
 * @param objectId the Object ID field as written
 * @param problem what is wrong with it, e.g. {@code 53 fields instead of 54}
 */
record MalformedRow(long line, String objectId, String problem) {}
