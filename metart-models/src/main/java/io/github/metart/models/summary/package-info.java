/**
 * Layer tables and parameter counts of a spec or a model, computed by initializing the network
 * with empty arrays (no forward pass, no random numbers).
 */
package io.github.metart.models.summary;
