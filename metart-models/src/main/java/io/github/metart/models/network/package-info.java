/**
 * The network a spec describes: a backbone (optional stem, then the family's layers) and a head
 * layer, assembled by {@link io.github.metart.models.network.Networks}.
 */
package io.github.metart.models.network;
