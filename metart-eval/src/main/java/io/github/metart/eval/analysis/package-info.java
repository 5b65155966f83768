/**
 * Error analysis joined to Met metadata: accuracy or mean year error by department,
 * classification and object name ({@link io.github.metart.eval.analysis.Breakdown}), the
 * misclassified objects, most confident first ({@link io.github.metart.eval.analysis.Misclassified}),
 * and the objects with the largest year errors ({@link io.github.metart.eval.analysis.LargeYearError}),
 * each linked to its page on the Met's website.
 */
package io.github.metart.eval.analysis;
