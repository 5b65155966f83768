/**
 * Culture labels: {@link io.github.metart.data.culture.CultureNormalizer} turns free-text Culture
 * values into lowercase labels following {@link io.github.metart.data.culture.CultureRules} (the
 * shipped {@code culture-rules.txt}, extensible or replaceable), and explains every decision.
 */
package io.github.metart.data.culture;
