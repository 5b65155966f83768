/**
 * The generated demo collection: a deterministic, Met-like {@code MetObjects.csv} (the Met's 54
 * columns, BOM, CRLF, RFC 4180 quoting, messy Culture and Object Date values, a few malformed rows)
 * and small generated images whose look depends on culture and year in learnable ways. The images
 * are generated, not Met images; {@link io.github.metart.examples.demo.DemoCollectionGenerator} is
 * the entry point.
 */
package io.github.metart.examples.demo;
