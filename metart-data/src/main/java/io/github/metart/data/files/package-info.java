/**
 * Files that every module writes the same way: {@link io.github.metart.data.files.FolderLock}, the
 * claim of a folder by one process.
 */
package io.github.metart.data.files;
