/** The JSON conventions training files share (their atomic writes are {@link io.github.metart.data.files.AtomicFiles}). */
package io.github.metart.train.files;
