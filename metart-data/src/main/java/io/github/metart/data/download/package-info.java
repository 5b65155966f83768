/**
 * Downloading Met images through the Met Collection API ({@link
 * io.github.metart.data.download.MetImageDownloader}): polite (rate limit, bounded concurrency,
 * retries with backoff, {@code Retry-After}), safe (host allow-list, file names from numeric ids
 * only, atomic writes, verified content) and resumable; plus an {@link
 * io.github.metart.data.images.ImageSource} that downloads on demand ({@link
 * io.github.metart.data.download.MetApiImageSource}).
 */
package io.github.metart.data.download;
