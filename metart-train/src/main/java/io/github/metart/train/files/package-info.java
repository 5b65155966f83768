/** Training files: atomic writes and the JSON conventions they share. */
package io.github.metart.train.files;
