/** Where a training result comes from: {@link io.github.metart.train.provenance.RunProvenance}. */
package io.github.metart.train.provenance;
