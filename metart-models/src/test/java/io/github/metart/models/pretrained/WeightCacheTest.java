package io.github.metart.models.pretrained;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.hash.Hashing;
import io.github.metart.data.files.FolderLock;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The weight cache against a server on 127.0.0.1 that the test runs. */
class WeightCacheTest {

  @TempDir Path cacheFolder;

  private final byte[] content = new byte[300_000];
  private WeightFile file;
  private HttpServer server;
  private final List<String> ranges = Collections.synchronizedList(new ArrayList<>());
  /** Bytes of the next full response after which the server hangs up (-1: never). */
  private volatile int breakAfter = -1;
  /** Whether the server sends other bytes than the file's. */
  private volatile boolean corrupt;

  @BeforeEach
  void serve() throws IOException {
    new Random(7).nextBytes(content);
    String sha = Hashing.sha256().hashBytes(content).toString();
    file = WeightFile.named("tiny-" + sha.substring(0, 8) + ".pth");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/models/", this::handle);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestURI().getPath().equals("/models/" + file.fileName())) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      byte[] body = corrupt ? content.clone() : content;
      if (corrupt) {
        body[1000] ^= 1;
      }
      String range = exchange.getRequestHeaders().getFirst("Range");
      ranges.add(String.valueOf(range));
      int start = 0;
      if (range != null) {
        start = Integer.parseInt(range.substring("bytes=".length(), range.length() - 1));
        exchange.getResponseHeaders()
            .add("Content-Range", "bytes " + start + "-" + (body.length - 1) + "/" + body.length);
        exchange.sendResponseHeaders(206, body.length - start);
      } else {
        exchange.sendResponseHeaders(200, body.length);
      }
      OutputStream out = exchange.getResponseBody();
      int end = breakAfter >= 0 ? breakAfter : body.length;
      breakAfter = -1;
      out.write(body, start, end - start);
      out.flush();
      if (end < body.length) {
        // hang up mid-body: the client sees fewer bytes than announced
        throw new IOException("test server hangs up");
      }
    }
  }

  private WeightCache cache(boolean allowed) {
    return WeightCache.fromSettings(Map.of(), new Properties())
        .withFolder(cacheFolder)
        .withBaseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/models")
        .withDownloads(allowed);
  }

  @Test
  void downloadsOnceVerifiedThenReusesTheCache() throws IOException {
    StringWriter progress = new StringWriter();
    WeightCache cache = cache(true).withProgress(new PrintWriter(progress), false);

    Path fetched = cache.fetch(file);

    assertThat(fetched).isEqualTo(cacheFolder.resolve(file.fileName()));
    assertThat(Files.readAllBytes(fetched)).isEqualTo(content);
    assertThat(cacheFolder.resolve(file.fileName() + ".part")).doesNotExist();
    assertThat(progress.toString()).contains(file.fileName()).contains("100.0%");
    assertThat(ranges).containsExactly("null");

    // cache reuse: no second request, even with downloads off
    assertThat(cache(false).fetch(file)).isEqualTo(fetched);
    assertThat(ranges).hasSize(1);
  }

  @Test
  void offlineRefusalNamesTheOptionAndThePlace() {
    assertThatThrownBy(() -> cache(false).fetch(file))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("--allow-downloads")
        .hasMessageContaining(WeightCache.ALLOW_PROPERTY)
        .hasMessageContaining(WeightCache.ALLOW_ENV)
        .hasMessageContaining("place it at " + cacheFolder.resolve(file.fileName()).toAbsolutePath())
        .message()
        .doesNotContain("\n");
    assertThat(ranges).isEmpty();
    assertThat(cacheFolder.resolve(file.fileName())).doesNotExist();
  }

  @Test
  void checksumMismatchDeletesTheDownloadAndSaysSo() {
    corrupt = true;

    assertThatThrownBy(() -> cache(true).fetch(file))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("checksum mismatch")
        .hasMessageContaining(file.fileName())
        .hasMessageContaining("deleted");
    assertThat(cacheFolder.resolve(file.fileName())).doesNotExist();
    assertThat(cacheFolder.resolve(file.fileName() + ".part")).doesNotExist();
  }

  @Test
  void anInterruptedDownloadContinuesWhereItStopped() throws IOException {
    breakAfter = 120_000;

    assertThatThrownBy(() -> cache(true).fetch(file))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("run again to continue");
    Path part = cacheFolder.resolve(file.fileName() + ".part");
    assertThat(cacheFolder.resolve(file.fileName())).doesNotExist();
    long kept = Files.size(part);
    assertThat(kept).isPositive().isLessThan(content.length);

    Path fetched = cache(true).fetch(file);

    assertThat(ranges).containsExactly("null", "bytes=" + kept + "-");
    assertThat(Files.readAllBytes(fetched)).isEqualTo(content);
    assertThat(part).doesNotExist();
  }

  @Test
  void aSecondDownloadIntoTheSameCacheIsRefusedWhileOneRuns() throws IOException {
    try (FolderLock held = FolderLock.acquire(cacheFolder, "downloading by another process")) {
      assertThatThrownBy(() -> cache(true).fetch(file))
          .isInstanceOf(FolderLock.FolderInUseException.class)
          .hasMessageContaining(cacheFolder.toString());
    }
    assertThat(ranges).isEmpty();
    assertThat(Files.readAllBytes(cache(true).fetch(file))).isEqualTo(content);
  }

  @Test
  void theDefaultsFollowTheEnvironment() {
    Properties none = new Properties();
    WeightCache cache =
        WeightCache.fromSettings(
            Map.of(WeightCache.CACHE_ENV, "/tmp/mc", WeightCache.ALLOW_ENV, "1"), none);
    assertThat(cache.folder()).isEqualTo(Path.of("/tmp/mc/weights"));
    assertThat(cache.downloadsAllowed()).isTrue();
    assertThat(cache.url(PretrainedWeights.RESNET50_V2.file()).toString())
        .isEqualTo("https://download.pytorch.org/models/resnet50-11ad3fa6.pth");
    Properties off = new Properties();
    off.setProperty(WeightCache.ALLOW_PROPERTY, "false");
    assertThat(
            WeightCache.fromSettings(Map.of(WeightCache.ALLOW_ENV, "1"), off).downloadsAllowed())
        .isFalse();
    assertThat(WeightCache.fromSettings(Map.of("XDG_CACHE_HOME", "/x"), none).folder())
        .isEqualTo(Path.of("/x/metart/weights"));
  }
}
