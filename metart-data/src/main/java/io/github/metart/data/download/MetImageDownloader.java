package io.github.metart.data.download;

import io.github.metart.data.files.FolderLock;
import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.metart.data.images.DecodeProblem;
import io.github.metart.data.images.DecodedImage;
import io.github.metart.data.images.FolderImageSource;
import io.github.metart.data.images.ImageDecodeException;
import io.github.metart.data.images.ImageDecoder;
import io.github.metart.data.provenance.LibraryVersion;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads the images of Met objects through the Met Collection API: for each Object ID it reads
 * {@code /public/collection/v1/objects/{id}}, takes {@code primaryImageSmall} (or {@code
 * primaryImage}, see {@link ImageVariant}) and stores it as {@code <id>.<ext>} in the output folder.
 *
 * <ul>
 *   <li><b>Polite:</b> at most {@link Builder#requestsPerSecond requestsPerSecond} requests start
 *       per second (default 10; the Met asks for at most 80), {@link Builder#concurrency
 *       concurrency} objects at a time, retries with exponential backoff on HTTP 429, 5xx, timeouts
 *       and broken connections, and every thread pauses for a {@code Retry-After}.
 *   <li><b>Safe:</b> only {@link #MET_HOSTS} are contacted by default (redirects included), file
 *       names come from the numeric id only, and a download is written to a temporary file that is
 *       moved to its final name only once complete and verified (its length matches, it decodes).
 *   <li><b>Resumable:</b> objects whose image is already in the folder are not requested again.
 * </ul>
 *
 * <p>Instances are thread-safe.
 */
public final class MetImageDownloader {

  /** The Met Collection API. */
  public static final URI DEFAULT_BASE_URI = URI.create("https://collectionapi.metmuseum.org");

  /** The hosts contacted by default: the Collection API and the Met's image server. */
  public static final Set<String> MET_HOSTS = Set.of("collectionapi.metmuseum.org", "images.metmuseum.org");

  /** The default request rate, well below the Met's limit of 80 per second. */
  public static final double DEFAULT_REQUESTS_PER_SECOND = 10;

  /** The highest request rate accepted: the Met's published limit. */
  public static final double MAX_REQUESTS_PER_SECOND = 80;

  private static final Logger LOG = LoggerFactory.getLogger(MetImageDownloader.class);
  private static final ObjectMapper JSON = io.github.metart.data.files.JsonFiles.mapper();
  private static final int MAX_REDIRECTS = 5;
  private static final int MAX_RECORD_BYTES = 4 << 20;
  private static final Duration LOG_INTERVAL = Duration.ofSeconds(30);

  private final Path outputFolder;
  private final URI baseUri;
  private final Set<String> allowedHosts;
  private final ImageVariant variant;
  private final RateLimiter limiter;
  private final double requestsPerSecond;
  private final int concurrency;
  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration requestTimeout;
  private final Duration maxRetryAfter;
  private final long maxImageBytes;
  private final ImageDecoder decoder;
  private final DownloadListener listener;
  private final Duration progressInterval;
  private final HttpClient client;
  private final String userAgent;

  private MetImageDownloader(Builder builder) {
    this.outputFolder = Objects.requireNonNull(builder.outputFolder, "outputFolder: call outputFolder(dir)");
    this.baseUri = builder.baseUri;
    this.allowedHosts = Set.copyOf(builder.allowedHosts);
    checkArgument(
        allowedHosts.contains(host(baseUri)),
        "the base URI's host %s is not in the allowed hosts %s: add it with allowedHosts(...)",
        host(baseUri),
        allowedHosts);
    this.variant = builder.variant;
    this.requestsPerSecond = builder.requestsPerSecond;
    this.limiter = new RateLimiter(requestsPerSecond);
    this.concurrency = builder.concurrency;
    this.maxAttempts = builder.maxAttempts;
    this.initialBackoff = builder.initialBackoff;
    this.maxBackoff = builder.maxBackoff;
    this.requestTimeout = builder.requestTimeout;
    this.maxRetryAfter = builder.maxRetryAfter;
    this.maxImageBytes = builder.maxImageBytes;
    this.decoder = ImageDecoder.builder().maxPixels(builder.maxPixels).build();
    this.listener = builder.listener;
    this.progressInterval = builder.progressInterval;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(builder.connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.userAgent = "metart/" + LibraryVersion.current().metart() + " (+https://github.com/metart/metart)";
  }

  /** A builder; {@link Builder#outputFolder} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The folder images are written to. */
  public Path outputFolder() {
    return outputFolder;
  }

  /** The image already downloaded for an object, if any. */
  public Optional<Path> existing(long objectId) {
    for (String extension : FolderImageSource.EXTENSIONS) {
      Path file = outputFolder.resolve(objectId + "." + extension);
      if (Files.isRegularFile(file)) {
        return Optional.of(file);
      }
    }
    return Optional.empty();
  }

  /**
   * The list of the last run's objects without an image or that failed, in the output folder
   * ({@code object_id,status,reason}); a run without problems removes an earlier run's list.
   */
  public static final String PROBLEMS_FILE = "download-problems.csv";

  /**
   * Downloads the images of many objects ({@code concurrency} at a time), reporting progress to the
   * listener; objects already in the folder are skipped. Writes {@value #PROBLEMS_FILE} into the
   * folder when some object has no image or failed, and removes an earlier one otherwise.
   *
   * @return counts, and every object without an image or that failed, with the reason
   * @throws IOException when the output folder cannot be created or listed
   * @throws InterruptedIOException when the calling thread is interrupted (finished files stay)
   */
  public DownloadSummary downloadAll(Collection<Long> objectIds) throws IOException {
    long[] ids = new LinkedHashSet<>(objectIds).stream().mapToLong(Long::longValue).toArray();
    Files.createDirectories(outputFolder);
    try (FolderLock lock = FolderLock.acquire(outputFolder, "downloading images")) {
      // the folder is this run's alone: every .part left there is a killed run's
      removeParts();
      DownloadSummary summary = downloadAllLocked(ids);
      writeProblems(summary.problems());
      return summary;
    }
  }

  private void writeProblems(List<DownloadOutcome> problems) throws IOException {
    Path file = outputFolder.resolve(PROBLEMS_FILE);
    if (problems.isEmpty()) {
      // a clean run: an earlier run's problems are solved, and its list must not be taken for this one's
      Files.deleteIfExists(file);
      return;
    }
    StringBuilder text = new StringBuilder();
    try (CSVPrinter csv = new CSVPrinter(text, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get())) {
      csv.printRecord("object_id", "status", "reason");
      for (DownloadOutcome outcome : problems) {
        csv.printRecord(outcome.objectId(), outcome.status().name().toLowerCase(Locale.ROOT), outcome.reason());
      }
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private DownloadSummary downloadAllLocked(long[] ids) throws IOException {
    FolderImageSource present = FolderImageSource.open(outputFolder);
    long started = System.nanoTime();
    Counts counts = new Counts(ids.length);
    List<DownloadOutcome> problems = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger next = new AtomicInteger();
    int workers = Math.max(1, Math.min(concurrency, ids.length));
    ExecutorService pool =
        Executors.newFixedThreadPool(
            workers,
            task -> {
              Thread thread = new Thread(task, "metart-download");
              thread.setDaemon(true);
              return thread;
            });
    LOG.info(
        "downloading {} images to {} ({} at a time, at most {} requests/s)",
        ids.length,
        outputFolder,
        workers,
        requestsPerSecond);
    for (int w = 0; w < workers; w++) {
      pool.execute(
          () -> {
            int i;
            while ((i = next.getAndIncrement()) < ids.length && !Thread.currentThread().isInterrupted()) {
              long id = ids[i];
              DownloadOutcome outcome;
              Optional<Path> file = present.locate(id);
              try {
                // a file already there counts only when it is a whole image; download() sets a bad one aside
                outcome =
                    file.isPresent() && unusable(file.get()).isEmpty()
                        ? DownloadOutcome.present(id, file.get())
                        : download(id);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
              } catch (RuntimeException e) {
                outcome = DownloadOutcome.failed(id, 0, "object " + id + ": unexpected error: " + e);
              }
              counts.add(outcome);
              if (outcome.status() == DownloadOutcome.Status.FAILED
                  || outcome.status() == DownloadOutcome.Status.NO_IMAGE) {
                problems.add(outcome);
                LOG.debug("object {}: {}", id, outcome.reason());
              }
            }
          });
    }
    pool.shutdown();
    long lastLog = System.nanoTime();
    try {
      while (!pool.awaitTermination(Math.max(1, progressInterval.toMillis()), TimeUnit.MILLISECONDS)) {
        DownloadProgress progress = counts.progress(started);
        listener.onProgress(progress);
        if (System.nanoTime() - lastLog >= LOG_INTERVAL.toNanos()) {
          lastLog = System.nanoTime();
          LOG.info("downloaded {}/{} objects, {} failed", progress.done(), progress.total(), progress.failed());
        }
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      awaitCleanup(pool);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException(
          "download to " + outputFolder + " interrupted after " + counts.done.get() + " of " + ids.length
              + " objects; run it again to resume");
    }
    DownloadProgress last = counts.progress(started);
    listener.onProgress(last);
    DownloadSummary summary =
        new DownloadSummary(
            ids.length,
            last.downloaded(),
            last.alreadyPresent(),
            last.noImage(),
            last.failed(),
            last.bytes(),
            last.elapsed(),
            problems);
    LOG.info(
        "downloaded {} images to {} ({} already present, {} without image, {} failed)",
        summary.downloaded(),
        outputFolder,
        summary.alreadyPresent(),
        summary.noImage(),
        summary.failed());
    return summary;
  }

  /**
   * Downloads one object's image unless it is already in the folder, with retries; never throws
   * for a network or data problem: the outcome says what went wrong.
   */
  public DownloadOutcome download(long objectId) throws InterruptedException {
    checkArgument(objectId >= 0, "Object IDs are not negative, got %s", objectId);
    Optional<Path> existing = existing(objectId);
    if (existing.isPresent()) {
      Optional<String> unusable = unusable(existing.get());
      if (unusable.isEmpty()) {
        return DownloadOutcome.present(objectId, existing.get());
      }
      // an empty or corrupt file (an earlier tool's, a full disk's) is set aside, never trusted
      Path aside = existing.get().resolveSibling(existing.get().getFileName() + ".corrupt");
      try {
        Files.move(existing.get(), aside, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        return DownloadOutcome.failed(objectId, 0, "object " + objectId + ": " + existing.get()
            + " is " + unusable.get() + " and cannot be set aside: " + e.getMessage());
      }
      LOG.warn("object {}: {} is {}; moved it to {} and downloading it again",
          objectId, existing.get(), unusable.get(), aside.getFileName());
    }
    AtomicInteger attempts = new AtomicInteger();
    try {
      Files.createDirectories(outputFolder);
      URI recordUri = recordUri(objectId);
      byte[] record = fetch(recordUri, "object record", attempts, MetImageDownloader::recordBody, (response, body) -> null);
      Optional<URI> image = imageUri(objectId, record);
      if (image.isEmpty()) {
        return DownloadOutcome.noImage(
            objectId,
            attempts.get(),
            "object " + objectId + ": no image (primaryImage and primaryImageSmall are empty)");
      }
      return downloadImage(objectId, image.get(), attempts);
    } catch (Failure failure) {
      return DownloadOutcome.failed(objectId, attempts.get(), "object " + objectId + ": " + failure.getMessage());
    } catch (IOException e) {
      return DownloadOutcome.failed(objectId, attempts.get(), "object " + objectId + ": " + e);
    }
  }

  private DownloadOutcome downloadImage(long objectId, URI uri, AtomicInteger attempts)
      throws IOException, Failure, InterruptedException {
    // not Files.createTempFile, whose files are 0600 whatever the umask: a downloaded image is
    // created like any other file, so that another user can prepare from the folder
    Path temp = Files.createFile(outputFolder.resolve("." + objectId + "-" + java.util.UUID.randomUUID() + ".part"));
    try {
      DecodedImage decoded =
          fetch(
              uri,
              "image " + uri,
              attempts,
              info -> imageBody(info, temp),
              (response, body) -> verifyImage(response, temp, uri));
      String extension = extensionOf(decoded.info().format());
      Path target = outputFolder.resolve(objectId + "." + extension);
      long bytes = Files.size(temp);
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      return DownloadOutcome.downloaded(objectId, target, bytes, attempts.get());
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static String extensionOf(String format) throws Failure {
    String extension =
        switch (format) {
          case "jpeg" -> "jpg";
          case "tiff" -> "tif";
          default -> format;
        };
    if (!FolderImageSource.EXTENSIONS.contains(extension)) {
      throw new Failure("unexpected image format " + format, false);
    }
    return extension;
  }

  private URI recordUri(long objectId) {
    String base = baseUri.toString().replaceAll("/+$", "");
    return URI.create(base + "/public/collection/v1/objects/" + objectId);
  }

  private Optional<URI> imageUri(long objectId, byte[] record) throws Failure {
    // the Met API's object record is a foreign document of some 60 fields, of which only the image
    // fields are read: a JSON tree, not a record bound to a format metart does not own
    JsonNode node;
    try {
      node = JSON.readTree(record);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new Failure("malformed object record (" + e.getOriginalMessage() + ")", false);
    } catch (IOException e) {
      throw new Failure("malformed object record (" + e.getMessage() + ")", false);
    }
    if (node == null || !node.isObject()) {
      throw new Failure("malformed object record (not a JSON object)", false);
    }
    for (ImageVariant choice : List.of(variant, variant.other())) {
      String text = node.path(choice.field()).asText("").strip();
      if (!text.isEmpty()) {
        URI uri;
        try {
          uri = new URI(text.replace(" ", "%20"));
        } catch (java.net.URISyntaxException e) {
          throw new Failure("malformed image URL '" + text + "'", false);
        }
        checkAllowed(uri);
        return Optional.of(uri);
      }
    }
    return Optional.empty();
  }

  private void checkAllowed(URI uri) throws Failure {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new Failure("URL " + uri + " is not http(s)", false);
    }
    String host = host(uri);
    if (!allowedHosts.contains(host)) {
      throw new Failure("host " + host + " is not allowed (allowed: " + String.join(", ", allowedHosts.stream().sorted().toList()) + ")", false);
    }
  }

  private static String host(URI uri) {
    return uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
  }

  private static HttpResponse.BodySubscriber<byte[]> recordBody(HttpResponse.ResponseInfo info) {
    // counted while streaming: an endless or huge record stops at the cap
    return new LimitedBytesBody(MAX_RECORD_BYTES);
  }

  private HttpResponse.BodySubscriber<Path> imageBody(HttpResponse.ResponseInfo info, Path temp) {
    long declared = declaredLength(info.headers());
    if (info.statusCode() == 200 && declared > maxImageBytes) {
      return refused(LimitedFileBody.RefusedBodyException.declared(maxImageBytes, declared));
    }
    if (info.statusCode() != 200 || !isImageType(contentType(info.headers()))) {
      return BodySubscribers.replacing(null);
    }
    // counted while streaming: a chunked body (no Content-Length) stops at the limit
    return new LimitedFileBody(temp, maxImageBytes);
  }

  private static String contentType(java.net.http.HttpHeaders headers) {
    return headers.firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT).strip();
  }

  /**
   * A body refused from its headers alone: the subscription is cancelled at once, so no byte of the body is
   * read, and the exchange fails with {@code reason} (which {@link #fetch} reports without retrying).
   */
  private static <T> HttpResponse.BodySubscriber<T> refused(LimitedFileBody.RefusedBodyException reason) {
    return new HttpResponse.BodySubscriber<>() {
      private final CompletableFuture<T> refused = new CompletableFuture<>();

      @Override
      public java.util.concurrent.CompletionStage<T> getBody() {
        return refused;
      }

      @Override
      public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
        subscription.cancel();
        refused.completeExceptionally(reason);
      }

      @Override
      public void onNext(List<java.nio.ByteBuffer> item) {}

      @Override
      public void onError(Throwable throwable) {
        refused.completeExceptionally(throwable);
      }

      @Override
      public void onComplete() {}
    };
  }

  private static long declaredLength(java.net.http.HttpHeaders headers) {
    return headers.firstValueAsLong("Content-Length").orElse(-1);
  }

  private static boolean isImageType(String type) {
    return type.isEmpty() || type.startsWith("image/") || type.startsWith("application/octet-stream");
  }

  private DecodedImage verifyImage(HttpResponse<?> response, Path temp, URI uri) throws Failure, IOException {
    String type = contentType(response.headers());
    if (!isImageType(type)) {
      throw new Failure("unexpected content type " + type + " from " + uri, false);
    }
    long declared = declaredLength(response.headers());
    if (declared > maxImageBytes) {
      throw new Failure("image of " + declared + " bytes exceeds the limit of " + maxImageBytes, false);
    }
    long size = Files.size(temp);
    if (declared >= 0 && size != declared) {
      throw new Failure("truncated (received " + size + " of " + declared + " bytes)", true);
    }
    if (size > maxImageBytes) {
      throw new Failure("image of " + size + " bytes exceeds the limit of " + maxImageBytes, false);
    }
    try {
      return decoder.decode(temp, 64);
    } catch (ImageDecodeException e) {
      boolean retry = e.problem() == DecodeProblem.TRUNCATED;
      throw new Failure("downloaded content from " + uri + " is " + e.reason(), retry);
    }
  }

  /** Checks a 200 response; throws a {@link Failure} (retryable or not) when it is unusable. */
  @FunctionalInterface
  private interface Check<T, R> {
    R check(HttpResponse<T> response, T body) throws Failure, IOException;
  }

  /**
   * GETs {@code uri} until it answers 200 and passes {@code check}, within {@code maxAttempts}
   * attempts; follows redirects to allowed hosts. Returns the check's result, or the body when the
   * check returns null.
   */
  @SuppressWarnings("unchecked")
  private <T, R> R fetch(
      URI start, String what, AtomicInteger attempts, BodyHandler<T> handler, Check<T, R> check)
      throws Failure, InterruptedException, IOException {
    URI uri = start;
    String lastProblem = "no attempt";
    int redirects = 0;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      limiter.acquire();
      attempts.incrementAndGet();
      long delayNanos = backoff(attempt);
      try {
        HttpResponse<T> response = send(uri, handler);
        int status = response.statusCode();
        if (status == 200) {
          try {
            R result = check.check(response, response.body());
            return result != null ? result : (R) response.body();
          } catch (Failure failure) {
            if (!failure.retryable) {
              throw failure;
            }
            lastProblem = failure.getMessage();
          }
        } else if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
          Optional<String> location = response.headers().firstValue("Location");
          if (location.isEmpty() || ++redirects > MAX_REDIRECTS) {
            throw new Failure(what + ": HTTP " + status + (location.isEmpty() ? " without Location" : " (too many redirects)"), false);
          }
          URI target = uri.resolve(location.get().strip());
          checkAllowed(target);
          uri = target;
          attempt--;
          continue;
        } else if (status == 429) {
          Optional<Long> retryAfter = retryAfterNanos(response.headers());
          lastProblem = "HTTP 429 (too many requests)";
          if (retryAfter.isPresent()) {
            delayNanos = retryAfter.get();
            limiter.pause(delayNanos);
          }
        } else if (status >= 500) {
          lastProblem = "HTTP " + status;
        } else if (status == 404) {
          throw new Failure(what + " not found (HTTP 404)", false);
        } else {
          throw new Failure(what + ": HTTP " + status, false);
        }
      } catch (TimeoutException | HttpTimeoutException e) {
        lastProblem = "timed out after " + requestTimeout.toMillis() + " ms";
      } catch (IOException e) {
        LimitedFileBody.RefusedBodyException refused = refusal(e);
        if (refused != null) {
          throw new Failure(what + ": " + refused.getMessage(), false);
        }
        Optional<String> badLength = unparseableLength(e);
        if (badLength.isPresent()) {
          // the HTTP client parses Content-Length before any body handler runs and fails with a
          // NumberFormatException: a broken server, which a retry would only repeat
          throw new Failure(what + ": unparseable Content-Length " + badLength.get() + " (not read)", false);
        }
        lastProblem = "connection failed (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")";
      }
      if (attempt < maxAttempts) {
        TimeUnit.NANOSECONDS.sleep(delayNanos);
      }
    }
    throw new Failure(what + ": " + lastProblem + " (gave up after " + maxAttempts + " attempts)", false);
  }

  /** The value the HTTP client could not read as a Content-Length, when that is why the exchange failed. */
  private static Optional<String> unparseableLength(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof NumberFormatException number) {
        String message = String.valueOf(number.getMessage());
        return Optional.of(message.startsWith("For input string: ") ? message.substring("For input string: ".length()) : message);
      }
    }
    return Optional.empty();
  }

  private static LimitedFileBody.RefusedBodyException refusal(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof LimitedFileBody.RefusedBodyException refused) {
        return refused;
      }
    }
    return null;
  }

  private <T> HttpResponse<T> send(URI uri, BodyHandler<T> handler)
      throws IOException, InterruptedException, TimeoutException {
    HttpRequest request =
        HttpRequest.newBuilder(uri).timeout(requestTimeout).header("User-Agent", userAgent).GET().build();
    CompletableFuture<HttpResponse<T>> future = client.sendAsync(request, handler);
    try {
      return future.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | InterruptedException e) {
      future.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      throw new IOException(cause == null ? e.toString() : cause.toString(), cause);
    }
  }

  private long backoff(int attempt) {
    double base = initialBackoff.toNanos() * Math.pow(2, attempt - 1);
    double capped = Math.min(base, maxBackoff.toNanos());
    return (long) (capped * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble()));
  }

  private Optional<Long> retryAfterNanos(java.net.http.HttpHeaders headers) {
    Optional<String> value = headers.firstValue("Retry-After").map(String::strip);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    long nanos;
    try {
      nanos = TimeUnit.SECONDS.toNanos(Long.parseLong(value.get()));
    } catch (NumberFormatException e) {
      try {
        Instant when = ZonedDateTime.parse(value.get(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        nanos = Duration.between(Instant.now(), when).toNanos();
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
    return Optional.of(Math.max(0, Math.min(nanos, maxRetryAfter.toNanos())));
  }

  /** Why an image file already in the folder cannot be used (empty, not an image, corrupt), if so. */
  private Optional<String> unusable(Path file) {
    try {
      if (Files.size(file) == 0) {
        return Optional.of("empty");
      }
      decoder.decode(file, 64);
      return Optional.empty();
    } catch (ImageDecodeException e) {
      return Optional.of(e.reason());
    } catch (IOException e) {
      return Optional.of("unreadable (" + e.getMessage() + ")");
    }
  }

  /** Lets interrupted workers delete their temporary files before returning. */
  private static void awaitCleanup(ExecutorService pool) {
    try {
      if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
        LOG.warn("download threads did not stop within 30 s");
      }
    } catch (InterruptedException again) {
      Thread.currentThread().interrupt();
    }
  }

  private void removeParts() throws IOException {
    try (DirectoryStream<Path> parts = Files.newDirectoryStream(outputFolder, ".*.part")) {
      for (Path part : parts) {
        Files.deleteIfExists(part);
      }
    }
  }

  /** A failed object: the message is the reason; retryable ones are tried again. */
  private static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;
    final boolean retryable;

    Failure(String message, boolean retryable) {
      super(message, null, false, false);
      this.retryable = retryable;
    }
  }

  /** Thread-safe counters of a run. */
  private static final class Counts {
    final int total;
    final AtomicInteger done = new AtomicInteger();
    final AtomicInteger downloaded = new AtomicInteger();
    final AtomicInteger present = new AtomicInteger();
    final AtomicInteger noImage = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicLong bytes = new AtomicLong();

    Counts(int total) {
      this.total = total;
    }

    void add(DownloadOutcome outcome) {
      switch (outcome.status()) {
        case DOWNLOADED -> {
          downloaded.incrementAndGet();
          bytes.addAndGet(outcome.bytes());
        }
        case ALREADY_PRESENT -> present.incrementAndGet();
        case NO_IMAGE -> noImage.incrementAndGet();
        case FAILED -> failed.incrementAndGet();
        default -> throw new IllegalStateException("unknown status " + outcome.status());
      }
      done.incrementAndGet();
    }

    DownloadProgress progress(long started) {
      return new DownloadProgress(
          total,
          done.get(),
          downloaded.get(),
          present.get(),
          noImage.get(),
          failed.get(),
          bytes.get(),
          Duration.ofNanos(System.nanoTime() - started));
    }
  }

  /** Builds a {@link MetImageDownloader}. */
  public static final class Builder {
    private Path outputFolder;
    private URI baseUri = DEFAULT_BASE_URI;
    private Set<String> allowedHosts = MET_HOSTS;
    private ImageVariant variant = ImageVariant.SMALL;
    private double requestsPerSecond = DEFAULT_REQUESTS_PER_SECOND;
    private int concurrency = 4;
    private int maxAttempts = 5;
    private Duration initialBackoff = Duration.ofSeconds(1);
    private Duration maxBackoff = Duration.ofSeconds(60);
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(60);
    private Duration maxRetryAfter = Duration.ofMinutes(5);
    private long maxImageBytes = 100L << 20;
    private long maxPixels = ImageDecoder.DEFAULT_MAX_PIXELS;
    private DownloadListener listener = DownloadListener.NONE;
    private Duration progressInterval = Duration.ofMillis(500);

    private Builder() {}

    /** Where images go, as {@code <objectId>.<ext>}. */
    public Builder outputFolder(Path folder) {
      this.outputFolder = Objects.requireNonNull(folder, "folder");
      return this;
    }

    /** The Collection API's base URI (default {@link #DEFAULT_BASE_URI}); its host must be allowed. */
    public Builder baseUri(URI baseUri) {
      Objects.requireNonNull(baseUri, "baseUri");
      String scheme = baseUri.getScheme() == null ? "" : baseUri.getScheme().toLowerCase(Locale.ROOT);
      checkArgument(
          scheme.equals("https") || scheme.equals("http"),
          "the Collection API is reached over https or http, not %s",
          baseUri);
      checkArgument(baseUri.getHost() != null, "baseUri needs a host, got %s", baseUri);
      this.baseUri = baseUri;
      return this;
    }

    /** The only hosts contacted, redirects included (default {@link #MET_HOSTS}). */
    public Builder allowedHosts(Collection<String> hosts) {
      checkArgument(!hosts.isEmpty(), "allowedHosts must name at least one host");
      Set<String> lower = new LinkedHashSet<>();
      hosts.forEach(host -> lower.add(host.strip().toLowerCase(Locale.ROOT)));
      this.allowedHosts = lower;
      return this;
    }

    /** Which image to take (default {@link ImageVariant#SMALL}). */
    public Builder variant(ImageVariant variant) {
      this.variant = Objects.requireNonNull(variant, "variant");
      return this;
    }

    /** Requests started per second across all threads (default 10, at most 80). */
    public Builder requestsPerSecond(double perSecond) {
      checkArgument(
          perSecond > 0 && perSecond <= MAX_REQUESTS_PER_SECOND,
          "requestsPerSecond must be above 0 and at most %s (the Met's limit), got %s",
          MAX_REQUESTS_PER_SECOND,
          perSecond);
      this.requestsPerSecond = perSecond;
      return this;
    }

    /** Objects downloaded at the same time (default 4). */
    public Builder concurrency(int concurrency) {
      checkArgument(concurrency >= 1 && concurrency <= 64, "concurrency must be between 1 and 64, got %s", concurrency);
      this.concurrency = concurrency;
      return this;
    }

    /** Attempts per request before giving up (default 5). */
    public Builder maxAttempts(int attempts) {
      checkArgument(attempts >= 1 && attempts <= 20, "maxAttempts must be between 1 and 20, got %s", attempts);
      this.maxAttempts = attempts;
      return this;
    }

    /** The first retry delay, doubled at each retry up to {@code max} (default 1 s to 60 s). */
    public Builder backoff(Duration initial, Duration max) {
      checkArgument(!initial.isNegative() && !max.isNegative(), "backoff durations must not be negative");
      checkArgument(initial.compareTo(max) <= 0, "initial backoff %s exceeds the maximum %s", initial, max);
      this.initialBackoff = initial;
      this.maxBackoff = max;
      return this;
    }

    /** The time to connect (default 10 s). */
    public Builder connectTimeout(Duration timeout) {
      checkArgument(timeout.toMillis() > 0, "connectTimeout must be positive, got %s", timeout);
      this.connectTimeout = timeout;
      return this;
    }

    /** The time for a whole request, body included (default 60 s); slower ones are retried. */
    public Builder requestTimeout(Duration timeout) {
      checkArgument(timeout.toMillis() > 0, "requestTimeout must be positive, got %s", timeout);
      this.requestTimeout = timeout;
      return this;
    }

    /** The longest {@code Retry-After} honoured (default 5 minutes). */
    public Builder maxRetryAfter(Duration max) {
      checkArgument(!max.isNegative(), "maxRetryAfter must not be negative, got %s", max);
      this.maxRetryAfter = max;
      return this;
    }

    /**
     * The largest image accepted, in bytes (default 100 MiB): refused from its Content-Length before
     * the body is read, and counted while the body streams, so that a chunked response stops at the
     * limit and nothing of it is kept.
     */
    public Builder maxImageBytes(long bytes) {
      checkArgument(bytes > 0, "maxImageBytes must be positive, got %s", bytes);
      this.maxImageBytes = bytes;
      return this;
    }

    /** The largest declared pixel count accepted when verifying (default 180 million). */
    public Builder maxPixels(long pixels) {
      checkArgument(pixels > 0, "maxPixels must be positive, got %s", pixels);
      this.maxPixels = pixels;
      return this;
    }

    /** Receives progress of {@link #downloadAll}. */
    public Builder listener(DownloadListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** How often the listener hears from a running download (default 500 ms). */
    public Builder progressInterval(Duration interval) {
      checkArgument(!interval.isNegative(), "progressInterval must not be negative, got %s", interval);
      this.progressInterval = interval;
      return this;
    }

    /** The downloader. */
    public MetImageDownloader build() {
      return new MetImageDownloader(this);
    }
  }
}
