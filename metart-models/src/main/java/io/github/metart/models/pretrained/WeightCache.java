package io.github.metart.models.pretrained;

import com.google.common.base.Preconditions;
import com.google.common.hash.Hashing;
import com.google.common.io.MoreFiles;
import io.github.metart.data.files.FolderLock;
import io.github.metart.data.progress.ProgressLine;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder where published weights are kept, and the one place that downloads them. Offline by
 * default: a file that is not in the cache is downloaded only when downloads are allowed ({@code
 * --allow-downloads} on the command line, the system property {@value #ALLOW_PROPERTY}{@code
 * =true} or the environment variable {@value #ALLOW_ENV}{@code =1}); otherwise the error names
 * those and the path where a file downloaded by hand can be placed.
 *
 * <p>A download goes to {@code <file>.part}, continues an interrupted one with an HTTP range
 * request, is checked against the SHA-256 prefix in the file name (a mismatch deletes the file and
 * says so) and only then renamed to its final name in one atomic move, so a file in the cache under
 * its published name is complete and verified. Immutable; the {@code with...} methods return
 * copies.
 *
 * <p>Locations: the folder is {@code $METART_CACHE/weights} (system property {@value
 * #CACHE_PROPERTY}), else {@code $XDG_CACHE_HOME/metart/weights}, else {@code
 * ~/.cache/metart/weights}; files are fetched from {@value #DEFAULT_BASE_URL} unless {@value
 * #BASE_URL_ENV} (property {@value #BASE_URL_PROPERTY}) names another base.
 */
public final class WeightCache {

  /** The environment variable naming metart's cache folder (weights go to its {@code weights/}). */
  public static final String CACHE_ENV = "METART_CACHE";
  /** The system property naming metart's cache folder, before {@value #CACHE_ENV}. */
  public static final String CACHE_PROPERTY = "metart.cache";
  /** The environment variable allowing downloads ({@code 1} or {@code true}). */
  public static final String ALLOW_ENV = "METART_ALLOW_DOWNLOADS";
  /** The system property allowing downloads ({@code true}). */
  public static final String ALLOW_PROPERTY = "metart.allowDownloads";
  /** The environment variable naming another base URL for the weight files. */
  public static final String BASE_URL_ENV = "METART_WEIGHTS_URL";
  /** The system property naming another base URL for the weight files. */
  public static final String BASE_URL_PROPERTY = "metart.weightsUrl";
  /** Where torchvision publishes its weights. */
  public static final String DEFAULT_BASE_URL = "https://download.pytorch.org/models/";

  private static final Logger LOG = LoggerFactory.getLogger(WeightCache.class);
  private static final String PART = ".part";
  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
  private static final int BUFFER = 1 << 16;
  private static final long PROGRESS_NANOS = 500_000_000L;

  private final Path folder;
  private final String baseUrl;
  private final boolean allowDownloads;
  private final PrintWriter progress;
  private final boolean interactive;

  private WeightCache(
      Path folder, String baseUrl, boolean allowDownloads, PrintWriter progress, boolean interactive) {
    this.folder = Objects.requireNonNull(folder, "folder");
    Preconditions.checkArgument(
        baseUrl.startsWith("http://") || baseUrl.startsWith("https://"),
        "the weights base URL must be http(s), got %s",
        baseUrl);
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    this.allowDownloads = allowDownloads;
    this.progress = progress;
    this.interactive = interactive;
  }

  /** The cache as the system properties and environment set it up (see the class comment). */
  public static WeightCache defaults() {
    return fromSettings(System.getenv(), System.getProperties());
  }

  static WeightCache fromSettings(Map<String, String> env, java.util.Properties properties) {
    String root = properties.getProperty(CACHE_PROPERTY, env.get(CACHE_ENV));
    Path folder;
    if (root != null && !root.isBlank()) {
      folder = Path.of(root).resolve("weights");
    } else {
      String xdg = env.get("XDG_CACHE_HOME");
      Path base =
          xdg != null && !xdg.isBlank()
              ? Path.of(xdg)
              : Path.of(System.getProperty("user.home"), ".cache");
      folder = base.resolve("metart").resolve("weights");
    }
    String url = properties.getProperty(BASE_URL_PROPERTY, env.get(BASE_URL_ENV));
    String allow = properties.getProperty(ALLOW_PROPERTY, env.get(ALLOW_ENV));
    boolean allowed =
        allow != null
            && (allow.strip().equals("1") || allow.strip().toLowerCase(Locale.ROOT).equals("true"));
    return new WeightCache(
        folder, url == null || url.isBlank() ? DEFAULT_BASE_URL : url.strip(), allowed, null, false);
  }

  /** This cache in another folder. */
  public WeightCache withFolder(Path newFolder) {
    return new WeightCache(newFolder, baseUrl, allowDownloads, progress, interactive);
  }

  /** This cache fetching from another base URL (e.g. a mirror, or a test server). */
  public WeightCache withBaseUrl(String url) {
    return new WeightCache(folder, url, allowDownloads, progress, interactive);
  }

  /** This cache with downloads allowed or not. */
  public WeightCache withDownloads(boolean allowed) {
    return new WeightCache(folder, baseUrl, allowed, progress, interactive);
  }

  /**
   * This cache drawing a download's progress on {@code out} (redrawn in place when {@code
   * interactive}); without it a download only logs its start and end.
   */
  public WeightCache withProgress(PrintWriter out, boolean redrawInPlace) {
    return new WeightCache(folder, baseUrl, allowDownloads, out, redrawInPlace);
  }

  /** The folder. */
  public Path folder() {
    return folder;
  }

  /** Whether files missing from the cache are downloaded. */
  public boolean downloadsAllowed() {
    return allowDownloads;
  }

  /** Where the file of some weights is kept (whether or not it is there yet). */
  public Path path(PretrainedWeights weights) {
    return path(weights.file());
  }

  /** Where a weight file is kept (whether or not it is there yet). */
  public Path path(WeightFile file) {
    return folder.resolve(file.fileName());
  }

  /** The URL a weight file is downloaded from. */
  public URI url(WeightFile file) {
    return URI.create(baseUrl + file.fileName());
  }

  /**
   * The file a pretrained source names for a model: for a weights name ({@code imagenet}, {@code
   * IMAGENET1K_V1}, ..., see {@link PretrainedWeights#isName}) the published file of the model's
   * architecture, {@linkplain #fetch(PretrainedWeights) fetched} through this cache; anything else
   * is a path ({@code .pth}, {@code .safetensors}, {@code .npz}, {@code .params} or a model folder),
   * returned as it is.
   *
   * @throws IllegalArgumentException when torchvision publishes no such weights for the model
   * @throws IllegalStateException when the file is not cached and downloads are off
   */
  public Path resolve(io.github.metart.models.spec.ModelSpec spec, String source) {
    Preconditions.checkArgument(source != null && !source.isBlank(), "no pretrained source given");
    if (PretrainedWeights.isName(source)) {
      return fetch(PretrainedWeights.of(spec, source));
    }
    return Path.of(source.strip());
  }

  /**
   * The file of published weights: from the cache, else downloaded into it when downloads are
   * allowed.
   *
   * @see #fetch(WeightFile)
   */
  public Path fetch(PretrainedWeights weights) {
    return fetch(weights.file(), weights.describe() + " ImageNet weights");
  }

  /**
   * A weight file: from the cache, else downloaded into it when downloads are allowed.
   *
   * @throws IllegalStateException in one line, when the file is missing and downloads are off:
   *     naming how to allow them and where to place the file by hand
   * @throws io.github.metart.data.files.FolderLock.FolderInUseException when another process is
   *     downloading into the cache, naming it
   * @throws UncheckedIOException naming the URL or file when the download fails (what was received
   *     is kept and the next call continues it) or the checksum does not match (the file is
   *     deleted)
   */
  public Path fetch(WeightFile file) {
    return fetch(file, file.fileName());
  }

  private Path fetch(WeightFile weights, String what) {
    Path target = path(weights);
    if (Files.isRegularFile(target)) {
      return target;
    }
    if (!allowDownloads) {
      throw new IllegalStateException(
          "the "
              + what
              + " are not in the cache and downloads are off: allow them with"
              + " --allow-downloads (or -D"
              + ALLOW_PROPERTY
              + "=true, or "
              + ALLOW_ENV
              + "=1), or download "
              + url(weights)
              + " yourself and place it at "
              + target.toAbsolutePath());
    }
    // one download per cache folder at a time: a second process is refused, naming the first
    try (FolderLock lock = FolderLock.acquire(folder, "downloading " + weights.fileName())) {
      if (!Files.isRegularFile(target)) {
        download(weights, target);
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(
          new IOException("download of " + url(weights) + " interrupted; run again to continue", e));
    }
  }

  private void download(WeightFile weights, Path target)
      throws IOException, InterruptedException {
    Files.createDirectories(folder);
    Path part = folder.resolve(weights.fileName() + PART);
    URI url = url(weights);
    long have = Files.isRegularFile(part) ? Files.size(part) : 0;
    HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(5)).GET();
    if (have > 0) {
      request.header("Range", "bytes=" + have + "-");
    }
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(30))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    LOG.info("downloading {} into {}{}", url, target, have > 0 ? " (continuing at " + have + " bytes)" : "");
    HttpResponse<InputStream> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new IOException("cannot download " + url + ": " + e.getMessage(), e);
    }
    int status = response.statusCode();
    long total;
    boolean append;
    ProgressLine line = progress == null ? null : new ProgressLine(progress, interactive);
    try (InputStream body = response.body()) {
      if (status == 416 && have > 0) {
        // the range starts at the end: the part file is complete
        total = have;
        append = true;
      } else if (status == 206 && have > 0) {
        Matcher range = CONTENT_RANGE.matcher(response.headers().firstValue("Content-Range").orElse(""));
        if (!range.matches() || Long.parseLong(range.group(1)) != have) {
          throw new IOException(url + ": the server continued at another offset than " + have);
        }
        total = range.group(3).equals("*") ? -1 : Long.parseLong(range.group(3));
        append = true;
      } else if (status == 200) {
        total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        append = false;
        have = 0;
      } else {
        throw new IOException("cannot download " + url + ": HTTP status " + status);
      }
      if (status != 416) {
        copy(body, part, append, have, total, weights.fileName(), url, line);
      }
    } finally {
      if (line != null) {
        line.finish();
      }
    }
    String actual = MoreFiles.asByteSource(part).hash(Hashing.sha256()).toString();
    if (!actual.startsWith(weights.sha256Prefix())) {
      Files.deleteIfExists(part);
      throw new IOException(
          "checksum mismatch for "
              + url
              + ": SHA-256 "
              + actual
              + " does not start with "
              + weights.sha256Prefix()
              + "; the download was deleted, run again to fetch it anew");
    }
    Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    LOG.info("downloaded {} ({} bytes, SHA-256 {} verified)", target, Files.size(target), actual);
  }

  private void copy(
      InputStream body,
      Path part,
      boolean append,
      long start,
      long total,
      String name,
      URI url,
      ProgressLine line)
      throws IOException {
    long done = start;
    long began = System.nanoTime();
    long drawn = 0;
    byte[] buffer = new byte[BUFFER];
    try (OutputStream out =
        Files.newOutputStream(
            part,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
      int read;
      while ((read = body.read(buffer)) >= 0) {
        out.write(buffer, 0, read);
        done += read;
        long now = System.nanoTime();
        if (line != null && (now - drawn > PROGRESS_NANOS || done == total)) {
          drawn = now;
          line.draw(progressText(name, done - start, done, total, (now - began) / 1e9));
        }
      }
    } catch (IOException e) {
      throw new IOException(
          "download of "
              + url
              + " broke off after "
              + done
              + " bytes ("
              + e.getMessage()
              + "); run again to continue from "
              + part,
          e);
    }
    if (total >= 0 && done != total) {
      throw new IOException(
          "download of " + url + " ended after " + done + " of " + total + " bytes; run again to continue");
    }
  }

  private static String progressText(String name, long fetched, long done, long total, double seconds) {
    double rate = seconds > 0 ? fetched / seconds : 0;
    if (total <= 0) {
      return String.format(Locale.ROOT, "%s %.1f MB", name, done / 1e6);
    }
    double fraction = (double) done / total;
    double left = rate > 0 ? (total - done) / rate : Double.NaN;
    return String.format(
        Locale.ROOT,
        "%s %s %5.1f%% %.1f/%.1f MB %s left",
        name,
        ProgressLine.bar(fraction, 20),
        100 * fraction,
        done / 1e6,
        total / 1e6,
        ProgressLine.clock(left));
  }
}
