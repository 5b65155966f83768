package io.github.metart.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloadCommandTest {

  @TempDir Path dir;
  private HttpServer server;
  private final Set<Long> withoutImage = ConcurrentHashMap.newKeySet();
  private final Set<String> requested = ConcurrentHashMap.newKeySet();

  record Run(int exitCode, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = MetartCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  /** A minimal Collection API on 127.0.0.1: every object has a small JPEG unless listed. */
  @BeforeEach
  void startApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  @AfterEach
  void stopApi() {
    server.stop(0);
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    requested.add(path);
    String last = path.substring(path.lastIndexOf('/') + 1);
    long id = Long.parseLong(last.replaceAll("\\..*$", ""));
    byte[] body;
    String type;
    if (path.startsWith("/public/collection/v1/objects/")) {
      String url = withoutImage.contains(id) ? "" : base() + "/images/" + id + ".jpg";
      body = ("{\"objectID\":" + id + ",\"primaryImageSmall\":\"" + url + "\",\"primaryImage\":\"\"}").getBytes(StandardCharsets.UTF_8);
      type = "application/json";
    } else {
      ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
      ImageIO.write(new BufferedImage(8 + (int) id % 5, 8, BufferedImage.TYPE_INT_RGB), "jpeg", jpeg);
      body = jpeg.toByteArray();
      type = "image/jpeg";
    }
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private Path csv(String... rows) throws IOException {
    StringBuilder text = new StringBuilder("\uFEFFObject ID,Is Public Domain,Title\r\n");
    for (String row : rows) {
      text.append(row).append("\r\n");
    }
    return Files.writeString(dir.resolve("objects.csv"), text.toString(), StandardCharsets.UTF_8);
  }

  private String[] args(Path csv, Path out, String... more) {
    Stream<String> base =
        Stream.of("download", "--csv", csv.toString(), "--out", out.toString(), "--base-url", base(),
            "--allow-host", "127.0.0.1", "--rate", "80");
    return Stream.concat(base, Stream.of(more)).toArray(String[]::new);
  }

  private static Set<String> files(Path folder) throws IOException {
    try (Stream<Path> list = Files.list(folder)) {
      // the download's lock file stays (FolderLock reuses it)
      return list.map(p -> p.getFileName().toString())
          .filter(name -> !name.equals(io.github.metart.data.files.FolderLock.FILE_NAME))
          .collect(java.util.stream.Collectors.toSet());
    }
  }

  @Test
  void downloadsThePublicDomainObjectsAndListsProblems() throws IOException {
    Path csv = csv("1,True,A", "2,False,B", "3,True,\"C, with a comma\"", "4,True,D");
    withoutImage.add(4L);
    Path out = dir.resolve("images");

    Run run = run(args(csv, out));

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(files(out)).containsExactlyInAnyOrder("1.jpg", "3.jpg", io.github.metart.data.download.MetImageDownloader.PROBLEMS_FILE);
    assertThat(run.out()).contains("requested: 3").contains("downloaded: 2").contains("no image: 1")
        .contains("  object 4: no image (primaryImage and primaryImageSmall are empty)\n");
    assertThat(Files.readString(out.resolve(io.github.metart.data.download.MetImageDownloader.PROBLEMS_FILE))).contains("4,no_image,");
    assertThat(run.err()).contains("download [").contains("3/3");

    Run again = run(args(csv, out));
    assertThat(again.out()).contains("already present: 2");

    // object 4 gets an image: the clean rerun leaves no earlier problems list behind
    withoutImage.remove(4L);
    Run clean = run(args(csv, out));
    assertThat(clean.exitCode()).as(clean.err()).isZero();
    assertThat(clean.out()).contains("downloaded: 1");
    assertThat(out.resolve(io.github.metart.data.download.MetImageDownloader.PROBLEMS_FILE)).doesNotExist();
  }

  @Test
  void idsAndLimitSelectObjects() throws IOException {
    Path csv = csv("1,True,A", "2,False,B", "3,True,C", "5,True,E");

    Run ids = run(args(csv, dir.resolve("a"), "--ids", "2,5"));
    Run limited = run(args(csv, dir.resolve("b"), "--limit", "2"));
    Run unknown = run(args(csv, dir.resolve("c"), "--ids", "2,99"));

    assertThat(files(dir.resolve("a"))).containsExactlyInAnyOrder("2.jpg", "5.jpg");
    assertThat(files(dir.resolve("b"))).containsExactlyInAnyOrder("1.jpg", "3.jpg");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err().strip()).isEqualTo("metart: " + csv + ": no row for Object ID 99");
  }

  @Test
  void splitsSelectTheObjectsOfAPreparedFolder() throws IOException {
    Path csv = csv("1,True,A", "2,False,B", "3,True,C", "5,True,E");
    io.github.metart.data.csv.MetObject two = io.github.metart.data.csv.MetObject.builder(2).culture("Japan").build();
    io.github.metart.data.csv.MetObject five = io.github.metart.data.csv.MetObject.builder(5).culture("China").build();
    Path prepared = dir.resolve("prepared");
    io.github.metart.data.dataset.MetDataset.fromObjects("two objects", java.util.List.of(two, five))
        .culture().split(1, 0, 0).build().write(prepared);

    Run run = run(args(csv, dir.resolve("a"), "--splits", prepared.toString()));
    Run missing = run(args(csv, dir.resolve("b"), "--splits", dir.resolve("nothing").toString()));

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(files(dir.resolve("a"))).containsExactlyInAnyOrder("2.jpg", "5.jpg");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).startsWith("metart: " + dir.resolve("nothing"));
  }

  @Test
  void badOptionsAreUsageErrors() throws IOException {
    Path csv = csv("1,True,A");

    Run tooFast =
        run("download", "--csv", csv.toString(), "--out", dir.toString(), "--base-url", base(),
            "--allow-host", "127.0.0.1", "--rate", "100");
    Run hostNotAllowed =
        run("download", "--csv", csv.toString(), "--out", dir.toString(), "--base-url", base());
    Run missingCsv = run("download", "--out", dir.toString());
    Run ftp =
        run("download", "--csv", csv.toString(), "--out", dir.toString(), "--base-url",
            "ftp://127.0.0.1/api", "--allow-host", "127.0.0.1");

    assertThat(tooFast.exitCode()).isEqualTo(2);
    assertThat(tooFast.err()).contains("at most 80").doesNotContain("\n\n");
    assertThat(hostNotAllowed.exitCode()).isEqualTo(2);
    // the remedy is the command line's option, not the Java API's
    assertThat(hostNotAllowed.err().strip())
        .contains("its host 127.0.0.1 is not allowed; add --allow-host 127.0.0.1")
        .doesNotContain("allowedHosts(");
    assertThat(ftp.exitCode()).isEqualTo(2);
    assertThat(ftp.err().strip())
        .contains("reached over https or http, not ftp://127.0.0.1/api")
        .doesNotContain("unexpected");
    assertThat(missingCsv.exitCode()).isEqualTo(2);
    assertThat(requested).isEmpty();
  }

  @Test
  void aRunWhereEverythingFailsExitsWithOne() throws IOException {
    Path csv = csv("1,True,A", "2,True,B");
    server.removeContext("/");
    server.createContext("/", exchange -> {
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
    });

    Run run = run(args(csv, dir.resolve("a")));

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().lines().filter(l -> l.startsWith("metart:")).toList())
        .containsExactly("metart: every download failed, e.g. object 1: object record not found (HTTP 404)");
  }

  @Test
  void readsTheRealMetCsv() throws IOException {
    String sample = System.getProperty("metart.sample.dir");
    assumeTrue(sample != null && Files.isRegularFile(Path.of(sample, "objects.csv")), "the real Met sample is absent");

    Run run = run(args(Path.of(sample, "objects.csv"), dir.resolve("real"), "--limit", "3"));

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("requested: 3").contains("downloaded: 3");
  }
}
