package io.github.metart.data.download;

import static io.github.metart.data.download.FakeMetApi.imagePath;
import static io.github.metart.data.download.FakeMetApi.recordPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.metart.data.cache.CachePreparer;
import io.github.metart.data.cache.PreparationResult;
import io.github.metart.data.images.ImageRecipe;
import io.github.metart.data.images.TestImages;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetImageDownloaderTest {

  @TempDir Path out;
  private FakeMetApi api;

  @BeforeEach
  void start() throws IOException {
    api = new FakeMetApi();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private MetImageDownloader.Builder downloader() {
    return MetImageDownloader.builder()
        .outputFolder(out)
        .baseUri(api.base())
        .allowedHosts(List.of("127.0.0.1"))
        .requestsPerSecond(80)
        .concurrency(4)
        .maxAttempts(4)
        .backoff(Duration.ofMillis(10), Duration.ofMillis(40))
        .requestTimeout(Duration.ofMillis(1500))
        .progressInterval(Duration.ofMillis(20));
  }

  private List<String> filesInOut() throws IOException {
    try (Stream<Path> files = Files.list(out)) {
      // the run's lock file stays (FolderLock reuses it); everything else is an image or a leftover
      return files.map(f -> f.getFileName().toString())
          .filter(name -> !name.equals(io.github.metart.data.files.FolderLock.FILE_NAME))
          .sorted()
          .toList();
    }
  }

  @Test
  void anEmptyOrCorruptImageAlreadyThereIsSetAsideAndDownloadedAgain() throws IOException {
    Files.createDirectories(out);
    Files.write(out.resolve("1.jpg"), new byte[0]);
    Files.writeString(out.resolve("2.jpg"), "not a picture");
    byte[] good = FakeMetApi.image(3);
    Files.write(out.resolve("3.jpg"), good);

    DownloadSummary summary = downloader().build().downloadAll(List.of(1L, 2L, 3L));

    assertThat(summary.downloaded()).isEqualTo(2);
    assertThat(summary.alreadyPresent()).isEqualTo(1);
    assertThat(Files.readAllBytes(out.resolve("1.jpg"))).isEqualTo(FakeMetApi.image(1));
    assertThat(Files.readAllBytes(out.resolve("2.jpg"))).isEqualTo(FakeMetApi.image(2));
    assertThat(out.resolve("2.jpg.corrupt")).hasContent("not a picture"); // nothing is lost
    assertThat(api.requests(imagePath(3))).isEmpty();
  }

  @Test
  void partFilesOfAKilledRunAreRemovedAndAsecondRunIntoTheFolderIsRefused() throws IOException {
    Files.createDirectories(out);
    Files.write(out.resolve(".4-0123.part"), new byte[0]);
    Files.writeString(out.resolve(".5-4567.part"), "half an image");

    downloader().build().downloadAll(List.of(1L));

    assertThat(filesInOut()).containsExactly("1.jpg");
    try (io.github.metart.data.files.FolderLock held =
        io.github.metart.data.files.FolderLock.acquire(out, "another download")) {
      assertThatThrownBy(() -> downloader().build().downloadAll(List.of(2L)))
          .isInstanceOf(io.github.metart.data.files.FolderLock.FolderInUseException.class)
          .hasMessageContaining(out.toString());
    }
  }

  @Test
  void downloadsVerifiedImagesNamedByObjectId() throws IOException {
    List<DownloadProgress> progress = new CopyOnWriteArrayList<>();

    DownloadSummary summary = downloader().listener(progress::add).build().downloadAll(List.of(1L, 2L, 3L, 2L));

    assertThat(summary.requested()).isEqualTo(3);
    assertThat(summary.downloaded()).isEqualTo(3);
    assertThat(summary.problems()).isEmpty();
    assertThat(filesInOut()).containsExactly("1.jpg", "2.jpg", "3.jpg");
    assertThat(Files.readAllBytes(out.resolve("2.jpg"))).isEqualTo(FakeMetApi.image(2));
    assertThat(summary.bytes()).isEqualTo(Files.size(out.resolve("1.jpg")) + Files.size(out.resolve("2.jpg")) + Files.size(out.resolve("3.jpg")));
    DownloadProgress last = progress.get(progress.size() - 1);
    assertThat(last.done()).isEqualTo(3);
    assertThat(last.fraction()).isEqualTo(1.0);
    assertThat(last.objectsPerSecond()).isPositive();
  }

  @Test
  void downloadedImagesGetTheUmasksModeLikeAnyNewFile() throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        out.getFileSystem().supportedFileAttributeViews().contains("posix"), "needs POSIX permissions");
    downloader().build().downloadAll(List.of(1L));

    Path ordinary = Files.createFile(out.resolve("ordinary-file"));
    // not 0600 (Files.createTempFile's mode): another user can read what was downloaded
    assertThat(Files.getPosixFilePermissions(out.resolve("1.jpg")))
        .isEqualTo(Files.getPosixFilePermissions(ordinary));
  }

  @Test
  void rateLimitedRequestsHonourRetryAfter() throws Exception {
    api.script(recordPath(1), FakeMetApi.status(429, "Retry-After", "1"));

    DownloadOutcome outcome = downloader().build().download(1);

    assertThat(outcome.status()).isEqualTo(DownloadOutcome.Status.DOWNLOADED);
    assertThat(outcome.attempts()).isEqualTo(3);
    List<FakeMetApi.Request> tries = api.requests(recordPath(1));
    assertThat(tries).hasSize(2);
    assertThat(TimeUnit.NANOSECONDS.toMillis(tries.get(1).nanos() - tries.get(0).nanos())).isGreaterThanOrEqualTo(950);
  }

  @Test
  void retryAfterAsAnHttpDateIsHonouredToo() throws Exception {
    String in2s = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
        java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(2));
    api.script(imagePath(4), FakeMetApi.status(429, "Retry-After", in2s));

    assertThat(downloader().build().download(4).status()).isEqualTo(DownloadOutcome.Status.DOWNLOADED);
    List<FakeMetApi.Request> tries = api.requests(imagePath(4));
    assertThat(TimeUnit.NANOSECONDS.toMillis(tries.get(1).nanos() - tries.get(0).nanos())).isGreaterThanOrEqualTo(900);
  }

  @Test
  void serverErrorsAreRetriedWithBackoff() throws Exception {
    api.script(recordPath(1), FakeMetApi.status(500), FakeMetApi.status(503));
    api.script(imagePath(1), FakeMetApi.status(502));

    DownloadOutcome outcome = downloader().build().download(1);

    assertThat(outcome.status()).isEqualTo(DownloadOutcome.Status.DOWNLOADED);
    assertThat(outcome.attempts()).isEqualTo(5);
  }

  @Test
  void persistentErrorsGiveUpWithTheReason() throws Exception {
    api.always(imagePath(1), FakeMetApi.status(503));

    DownloadOutcome outcome = downloader().maxAttempts(3).build().download(1);

    assertThat(outcome.status()).isEqualTo(DownloadOutcome.Status.FAILED);
    assertThat(outcome.reason())
        .startsWith("object 1: image http://127.0.0.1:")
        .endsWith("HTTP 503 (gave up after 3 attempts)");
    assertThat(api.requests(imagePath(1))).hasSize(3);
    assertThat(filesInOut()).isEmpty();
    DownloadSummary summary = downloader().maxAttempts(2).build().downloadAll(List.of(1L));
    assertThat(summary.problemsByReason()).containsExactly(java.util.Map.entry("image URL: HTTP 503", 1));
  }

  @Test
  void slowBodiesTimeOutAndAreRetried() throws Exception {
    api.script(imagePath(1), FakeMetApi.slow(5000, FakeMetApi.image(1), "image/jpeg"));

    DownloadOutcome outcome = downloader().requestTimeout(Duration.ofMillis(400)).build().download(1);

    assertThat(outcome.status()).isEqualTo(DownloadOutcome.Status.DOWNLOADED);
    assertThat(api.requests(imagePath(1))).hasSize(2);
    assertThat(Files.readAllBytes(out.resolve("1.jpg"))).isEqualTo(FakeMetApi.image(1));
  }

  @Test
  void slowBodiesEveryTimeFailWithATimeout() throws Exception {
    api.always(imagePath(1), FakeMetApi.slow(5000, FakeMetApi.image(1), "image/jpeg"));

    DownloadOutcome outcome =
        downloader().maxAttempts(2).requestTimeout(Duration.ofMillis(300)).build().download(1);

    assertThat(outcome.reason()).contains("timed out after 300 ms (gave up after 2 attempts)");
    assertThat(filesInOut()).isEmpty(); // no partial file, under any name
  }

  @Test
  void truncatedBodiesAreRetriedAndNeverKept() throws Exception {
    api.script(imagePath(1), FakeMetApi.truncated(FakeMetApi.image(1), "image/jpeg"),
        FakeMetApi.truncated(FakeMetApi.image(1), "image/jpeg"));
    api.always(imagePath(2), FakeMetApi.truncated(FakeMetApi.image(2), "image/jpeg"));

    DownloadOutcome recovered = downloader().build().download(1);
    DownloadOutcome broken = downloader().build().download(2);

    assertThat(recovered.status()).isEqualTo(DownloadOutcome.Status.DOWNLOADED);
    assertThat(Files.readAllBytes(out.resolve("1.jpg"))).isEqualTo(FakeMetApi.image(1));
    assertThat(broken.status()).isEqualTo(DownloadOutcome.Status.FAILED);
    assertThat(broken.reason()).contains("gave up after 4 attempts");
    assertThat(filesInOut()).containsExactly("1.jpg");
  }

  @Test
  void aChunkedBodyOverTheLimitIsStoppedWhileStreamingAndNotKept() throws Exception {
    long limit = 100_000;
    long total = 64L << 20; // 64 MiB without a Content-Length
    AtomicLong sent = new AtomicLong();
    api.always(imagePath(7), FakeMetApi.chunked(FakeMetApi.image(7), total, "image/jpeg", sent));

    DownloadOutcome outcome = downloader().maxImageBytes(limit).build().download(7);

    assertThat(outcome.status()).isEqualTo(DownloadOutcome.Status.FAILED);
    assertThat(outcome.reason())
        .startsWith("object 7: ")
        .contains("exceeds the limit of 100,000 bytes")
        .contains("stopped reading after");
    assertThat(api.requests(imagePath(7))).hasSize(1); // not retried
    assertThat(filesInOut()).isEmpty(); // neither 7.jpg nor a .part file
    // the client hung up long before the end: the body was never written out
    assertThat(sent.get()).isLessThan(total);
    // a chunked image under the limit still downloads
    api.always(imagePath(8), FakeMetApi.chunked(FakeMetApi.image(8), FakeMetApi.image(8).length, "image/jpeg", new AtomicLong()));
    assertThat(downloader().maxImageBytes(limit).build().download(8).status()).isEqualTo(DownloadOutcome.Status.DOWNLOADED);
    assertThat(Files.readAllBytes(out.resolve("8.jpg"))).isEqualTo(FakeMetApi.image(8));
  }

  @Test
  void anEndlessObjectRecordIsStoppedAtTheRecordCapAndTheRunGoesOn() throws Exception {
    long total = 256L << 20; // 256 MiB of "record" without a Content-Length
    AtomicLong sent = new AtomicLong();
    api.always(FakeMetApi.recordPath(5), FakeMetApi.chunked("{\"a\":\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII), total, "application/json", sent));

    DownloadSummary summary = downloader().build().downloadAll(List.of(5L, 6L));

    assertThat(summary.downloaded()).isEqualTo(1);
    assertThat(summary.problems()).hasSize(1);
    assertThat(summary.problems().get(0).reason())
        .contains("object record")
        .contains("exceeds the limit of 4,194,304 bytes");
    assertThat(api.requests(FakeMetApi.recordPath(5))).hasSize(1); // not retried
    assertThat(sent.get()).isLessThan(total);
    assertThat(filesInOut()).contains("6.jpg");
  }

  @Test
  void aDeclaredLengthOverTheLimitIsRefusedAtOnceWithTheRealReason() throws Exception {
    api.always(imagePath(9), exchange -> {
      exchange.getResponseHeaders().add("Content-Type", "image/jpeg");
      exchange.sendResponseHeaders(200, 1L << 30);
      try (java.io.OutputStream body = exchange.getResponseBody()) {
        body.write(new byte[1000]);
      } catch (IOException hungUp) {
        // the client refused the body
      }
    });

    DownloadOutcome outcome = downloader().maxImageBytes(100_000).build().download(9);

    assertThat(outcome.status()).isEqualTo(DownloadOutcome.Status.FAILED);
    assertThat(outcome.reason()).contains("declared length of 1,073,741,824 bytes exceeds the limit of 100,000 bytes");
    assertThat(api.requests(imagePath(9))).hasSize(1); // not retried as "connection failed"
    assertThat(filesInOut()).isEmpty();
  }

  @Test
  void anUnparseableContentLengthIsRefusedAtOnceWithTheRealReason() throws Exception {
    // the JDK's HttpServer always writes a valid length, so this server speaks HTTP by hand
    try (java.net.ServerSocket raw = new java.net.ServerSocket(0, 4, java.net.InetAddress.getLoopbackAddress())) {
      java.util.concurrent.atomic.AtomicInteger served = new java.util.concurrent.atomic.AtomicInteger();
      Thread server = new Thread(() -> {
        while (!raw.isClosed()) {
          try (java.net.Socket socket = raw.accept()) {
            java.io.BufferedReader request = new java.io.BufferedReader(
                new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            for (String line = request.readLine(); line != null && !line.isEmpty(); line = request.readLine()) {
              // headers are read and ignored
            }
            served.incrementAndGet();
            socket.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\n"
                + "Content-Length: twelve\r\nConnection: close\r\n\r\nnot an image").getBytes(StandardCharsets.ISO_8859_1));
          } catch (IOException closed) {
            return;
          }
        }
      });
      server.setDaemon(true);
      server.start();
      String image = "http://127.0.0.1:" + raw.getLocalPort() + "/images/9.jpg";
      api.always(FakeMetApi.recordPath(9), FakeMetApi.json(
          "{\"objectID\":9,\"isPublicDomain\":true,\"primaryImage\":\"" + image + "\",\"primaryImageSmall\":\"" + image + "\"}"));

      DownloadOutcome outcome = downloader().build().download(9);

      assertThat(outcome.status()).isEqualTo(DownloadOutcome.Status.FAILED);
      assertThat(outcome.reason())
          .contains("unparseable Content-Length")
          .contains("twelve")
          .doesNotContain("connection failed")
          .doesNotContain("gave up");
      assertThat(served.get()).isEqualTo(1); // not retried
      assertThat(filesInOut()).isEmpty();
    }
  }

  @Test
  void aDamagedImageWithAMatchingLengthIsRetriedThenReported() throws Exception {
    byte[] image = FakeMetApi.image(1);
    // a proxy that re-sends a damaged file with a matching length: the length matches, decoding fails
    byte[] cut = java.util.Arrays.copyOf(image, image.length / 2);
    api.always(imagePath(1), FakeMetApi.bytes(cut, "image/jpeg"));

    DownloadOutcome outcome = downloader().maxAttempts(2).build().download(1);

    assertThat(outcome.status()).isEqualTo(DownloadOutcome.Status.FAILED);
    assertThat(outcome.reason()).contains("is truncated").contains("gave up after 2 attempts");
  }

  @Test
  void wrongContentTypeFailsWithoutRetrying() throws Exception {
    api.always(imagePath(1), FakeMetApi.bytes("<html>Service unavailable</html>".getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8"));
    api.always(imagePath(2), FakeMetApi.bytes("not really a jpeg".getBytes(StandardCharsets.UTF_8), "image/jpeg"));

    DownloadOutcome html = downloader().build().download(1);
    DownloadOutcome garbage = downloader().build().download(2);

    assertThat(html.reason()).contains("unexpected content type text/html");
    assertThat(api.requests(imagePath(1))).hasSize(1);
    assertThat(garbage.reason()).contains("is not an image");
    assertThat(filesInOut()).isEmpty();
  }

  @Test
  void objectsWithoutAnImageAndUnknownObjectsAreReported() throws IOException {
    api.always(recordPath(1), FakeMetApi.json(api.record(1, "", "")));
    api.always(recordPath(2), FakeMetApi.json(api.record(2, "", api.base() + imagePath(2))));
    api.always(recordPath(3), FakeMetApi.status(404));
    api.always(recordPath(4), FakeMetApi.json("{not json"));

    DownloadSummary summary = downloader().build().downloadAll(List.of(1L, 2L, 3L, 4L));

    assertThat(summary.downloaded()).isEqualTo(1); // 2 falls back to primaryImage
    assertThat(summary.noImage()).isEqualTo(1);
    assertThat(summary.failed()).isEqualTo(2);
    assertThat(summary.problems()).extracting(DownloadOutcome::reason)
        .containsExactly(
            "object 1: no image (primaryImage and primaryImageSmall are empty)",
            "object 3: object record not found (HTTP 404)",
            "object 4: malformed object record (Unexpected character ('n' (code 110)): was expecting double-quote to start field name)");
    assertThat(summary.problemsByReason()).containsEntry("object record not found", 1);
    assertThat(summary.toText(10)).contains("\n  object 3: object record not found (HTTP 404)\n");
    assertThat(summary.toText(10)).contains("failed: 2").contains("object 3: object record not found");
    // the problems are listed in the folder, as CSV (a reason holding a comma or quote is quoted)
    try (org.apache.commons.csv.CSVParser problems = org.apache.commons.csv.CSVParser.parse(
        out.resolve(MetImageDownloader.PROBLEMS_FILE), StandardCharsets.UTF_8,
        org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
      assertThat(problems.getHeaderNames()).containsExactly("object_id", "status", "reason");
      assertThat(problems.getRecords()).extracting(r -> r.get("object_id") + " " + r.get("status") + " " + r.get("reason"))
          .containsExactly(
              "1 no_image object 1: no image (primaryImage and primaryImageSmall are empty)",
              "3 failed object 3: object record not found (HTTP 404)",
              "4 failed object 4: malformed object record (Unexpected character ('n' (code 110)): was expecting double-quote to start field name)");
    }
    // a later run without problems removes the earlier list
    api.always(recordPath(1), FakeMetApi.json(api.record(1, "", api.base() + imagePath(1))));
    DownloadSummary clean = downloader().build().downloadAll(List.of(1L, 2L));
    assertThat(clean.problems()).isEmpty();
    assertThat(out.resolve(MetImageDownloader.PROBLEMS_FILE)).doesNotExist();
  }

  @Test
  void onlyAllowedHostsAreContactedRedirectsIncluded() throws Exception {
    api.always(recordPath(1), FakeMetApi.json(api.record(1, "http://evil.example/1.jpg", "")));
    api.always(imagePath(2), FakeMetApi.status(302, "Location", "http://evil.example/steal.jpg"));
    api.always(imagePath(3), FakeMetApi.status(302, "Location", "/images/33.jpg"));

    MetImageDownloader downloader = downloader().build();

    assertThat(downloader.download(1).reason()).contains("host evil.example is not allowed (allowed: 127.0.0.1)");
    assertThat(downloader.download(2).reason()).contains("host evil.example is not allowed");
    DownloadOutcome redirected = downloader.download(3);
    assertThat(redirected.status()).isEqualTo(DownloadOutcome.Status.DOWNLOADED);
    assertThat(Files.readAllBytes(out.resolve("3.jpg"))).isEqualTo(FakeMetApi.image(33));
    assertThatThrownBy(() -> MetImageDownloader.builder().outputFolder(out).baseUri(api.base()).build())
        .hasMessageContaining("the base URI's host 127.0.0.1 is not in the allowed hosts");
  }

  @Test
  void fileNamesComeOnlyFromTheNumericId() throws Exception {
    api.always(
        recordPath(7),
        FakeMetApi.json("{\"objectID\":\"../../etc/passwd\",\"primaryImageSmall\":\"" + api.base() + "/images/..%2F..%2F7.jpg\"}"));
    api.always("/images/..%2F..%2F7.jpg", FakeMetApi.bytes(FakeMetApi.image(7), "image/jpeg"));

    DownloadOutcome outcome = downloader().build().download(7);

    assertThat(outcome.file()).contains(out.resolve("7.jpg"));
    assertThat(filesInOut()).containsExactly("7.jpg");
    assertThatThrownBy(() -> downloader().build().download(-1)).hasMessageContaining("not negative");
  }

  @Test
  void aSecondRunSkipsCompleteFilesWithoutRequests() throws IOException {
    TestImages.jpeg(out.resolve("5.png"), TestImages.gradient(10, 10, 5), false);

    DownloadSummary first = downloader().build().downloadAll(List.of(4L, 5L, 6L));
    int requests = api.requests().size();
    DownloadSummary second = downloader().build().downloadAll(List.of(4L, 5L, 6L));

    assertThat(first.alreadyPresent()).isEqualTo(1);
    assertThat(first.downloaded()).isEqualTo(2);
    assertThat(api.requests(recordPath(5))).isEmpty();
    assertThat(second.alreadyPresent()).isEqualTo(3);
    assertThat(api.requests()).hasSize(requests);
  }

  @Test
  void anInterruptedRunLeavesOnlyCompleteFiles() throws Exception {
    api.delayImages(300);
    List<Long> ids = new ArrayList<>();
    for (long id = 1; id <= 12; id++) {
      ids.add(id);
    }
    MetImageDownloader downloader = downloader().concurrency(3).build();
    Thread runner = Thread.currentThread();
    CompletableFuture<Void> interrupter =
        CompletableFuture.runAsync(
            () -> {
              try {
                while (!Files.exists(out.resolve("1.jpg")) && !Files.exists(out.resolve("2.jpg"))) {
                  Thread.sleep(10);
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              runner.interrupt();
            });

    assertThatThrownBy(() -> downloader.downloadAll(ids))
        .isInstanceOf(InterruptedIOException.class)
        .hasMessageContaining("run it again to resume");
    Thread.interrupted();
    interrupter.join();

    List<String> files = filesInOut();
    assertThat(files).isNotEmpty().hasSizeLessThan(12).allMatch(name -> name.matches("\\d+\\.jpg"));
    for (String name : files) {
      long id = Long.parseLong(name.substring(0, name.indexOf('.')));
      assertThat(Files.readAllBytes(out.resolve(name))).isEqualTo(FakeMetApi.image(id));
    }
    api.delayImages(0);
    DownloadSummary resumed = downloader.downloadAll(ids);
    assertThat(resumed.alreadyPresent()).isEqualTo(files.size());
    assertThat(resumed.downloaded()).isEqualTo(12 - files.size());
  }

  @Test
  void requestsAreSpacedByTheRateLimit() throws IOException {
    long started = System.nanoTime();
    downloader().requestsPerSecond(20).build().downloadAll(List.of(1L, 2L, 3L, 4L, 5L, 6L));
    long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

    // 12 requests at 20/s: the last may start no sooner than 11 x 50 ms after the first
    List<Long> starts = api.requests().stream().map(FakeMetApi.Request::nanos).sorted().toList();
    assertThat(starts).hasSize(12);
    assertThat(elapsedMillis).isGreaterThanOrEqualTo(545);
    // arrival times carry network jitter: allow the first request 100 ms of connection set-up
    assertThat(TimeUnit.NANOSECONDS.toMillis(starts.get(11) - starts.get(0))).isGreaterThanOrEqualTo(450);
  }

  @Test
  void concurrencyIsBounded() throws IOException {
    api.delayImages(100);

    downloader().concurrency(2).build().downloadAll(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L));

    assertThat(api.maxInFlight()).isEqualTo(2);
  }

  @Test
  void aCacheCanBePreparedStraightFromTheApi() throws IOException {
    api.always(recordPath(3), FakeMetApi.json(api.record(3, "", "")));
    MetApiImageSource source = new MetApiImageSource(downloader().build());

    PreparationResult result =
        CachePreparer.builder(ImageRecipe.of(32, 32)).root(out.resolve("cache")).threads(2).build()
            .prepare(List.of(1L, 2L, 3L), source);

    assertThat(result.report().decoded()).isEqualTo(2);
    assertThat(result.report().skippedImages().get(0).reason()).startsWith("no image in the Met Collection API");
    assertThat(out.resolve("1.jpg")).exists();
  }
}
