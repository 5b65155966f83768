/** Provenance: the versions recorded with every artifact ({@link io.github.metart.data.provenance.LibraryVersion}). */
package io.github.metart.data.provenance;
