/**
 * Files that every module writes the same way: {@link io.github.metart.data.files.AtomicFiles}, files
 * and folders that appear whole or not at all, and {@link io.github.metart.data.files.FolderLock}, the
 * claim of a folder by one process.
 */
package io.github.metart.data.files;
