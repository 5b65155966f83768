package io.github.metart.data.download;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.metart.data.images.TestImages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;

/**
 * A stand-in for the Met Collection API on 127.0.0.1 that injects faults: scripted replies per
 * path are served first (429 with Retry-After, 5xx, slow or truncated bodies, wrong content types,
 * redirects...), then the normal reply. It logs every request and the peak concurrency.
 */
final class FakeMetApi implements AutoCloseable {

  /** One reply to one request. */
  @FunctionalInterface
  interface Reply {
    void send(HttpExchange exchange) throws IOException;
  }

  /** A logged request. */
  record Request(String path, long nanos) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, Deque<Reply>> scripts = new HashMap<>();
  private final Map<String, Reply> overrides = new HashMap<>();
  private final List<Request> log = new ArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private volatile long imageDelayMillis;

  FakeMetApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  static String recordPath(long id) {
    return "/public/collection/v1/objects/" + id;
  }

  static String imagePath(long id) {
    return "/images/" + id + ".jpg";
  }

  /** Replies served, in order, to the next requests of {@code path}. */
  synchronized void script(String path, Reply... replies) {
    Deque<Reply> queue = scripts.computeIfAbsent(path, p -> new ArrayDeque<>());
    queue.addAll(List.of(replies));
  }

  /** The reply to every request of {@code path} (after any script). */
  synchronized void always(String path, Reply reply) {
    overrides.put(path, reply);
  }

  /** Delays every normal image reply (to observe concurrency). */
  void delayImages(long millis) {
    this.imageDelayMillis = millis;
  }

  synchronized List<Request> requests() {
    return List.copyOf(log);
  }

  synchronized List<Request> requests(String path) {
    return log.stream().filter(r -> r.path().equals(path)).toList();
  }

  int maxInFlight() {
    return maxInFlight.get();
  }

  /** The JPEG served for an object: a gradient seeded by its id. */
  static byte[] image(long id) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(TestImages.gradient(40 + (int) (id % 7), 30, id), "jpeg", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String record(long id, String small, String full) {
    return "{\"objectID\":" + id + ",\"isPublicDomain\":true,\"primaryImage\":\"" + full
        + "\",\"primaryImageSmall\":\"" + small + "\",\"title\":\"Object " + id + "\"}";
  }

  private void handle(HttpExchange exchange) throws IOException {
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    String path = exchange.getRequestURI().getRawPath();
    Reply reply;
    synchronized (this) {
      log.add(new Request(path, System.nanoTime()));
      Deque<Reply> script = scripts.get(path);
      reply = script != null && !script.isEmpty() ? script.poll() : overrides.get(path);
    }
    try {
      if (reply == null) {
        reply = normal(path);
      }
      reply.send(exchange);
    } catch (IOException e) {
      // the client gave up (timeout) or the reply cut the connection on purpose
    } finally {
      inFlight.decrementAndGet();
      exchange.close();
    }
  }

  private Reply normal(String path) {
    if (path.startsWith("/public/collection/v1/objects/")) {
      long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
      String small = base() + imagePath(id);
      return json(record(id, small, base() + "/images/full/" + id + ".jpg"));
    }
    if (path.startsWith("/images/")) {
      String name = path.substring(path.lastIndexOf('/') + 1);
      long id = Long.parseLong(name.substring(0, name.indexOf('.')));
      long delay = imageDelayMillis;
      return exchange -> {
        if (delay > 0) {
          sleep(delay);
        }
        bytes(image(id), "image/jpeg").send(exchange);
      };
    }
    return status(404);
  }

  static Reply json(String body) {
    return bytes(body.getBytes(StandardCharsets.UTF_8), "application/json");
  }

  static Reply bytes(byte[] body, String type) {
    return exchange -> {
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    };
  }

  static Reply status(int code, String... headerPairs) {
    return exchange -> {
      for (int i = 0; i + 1 < headerPairs.length; i += 2) {
        exchange.getResponseHeaders().set(headerPairs[i], headerPairs[i + 1]);
      }
      exchange.sendResponseHeaders(code, -1);
    };
  }

  /** Headers at once, then nothing for {@code millis}, then the body. */
  static Reply slow(long millis, byte[] body, String type) {
    return exchange -> {
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.sendResponseHeaders(200, body.length);
      OutputStream out = exchange.getResponseBody();
      out.write(body, 0, 10);
      out.flush();
      sleep(millis);
      out.write(body, 10, body.length - 10);
      out.close();
    };
  }

  /** Declares the full length, sends half, and cuts the connection. */
  static Reply truncated(byte[] body, String type) {
    return exchange -> {
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.sendResponseHeaders(200, body.length);
      OutputStream out = exchange.getResponseBody();
      out.write(body, 0, body.length / 2);
      out.flush();
      throw new IOException("cut on purpose");
    };
  }

  /**
   * A chunked body (no Content-Length) of {@code totalBytes}: the first bytes of {@code start},
   * then filler. {@code sent} counts what the server managed to write before the client hung up.
   */
  static Reply chunked(byte[] start, long totalBytes, String type, AtomicLong sent) {
    return exchange -> {
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.sendResponseHeaders(200, 0); // 0 = chunked transfer encoding
      OutputStream out = exchange.getResponseBody();
      byte[] chunk = new byte[64 * 1024];
      System.arraycopy(start, 0, chunk, 0, Math.min(start.length, chunk.length));
      long left = totalBytes;
      while (left > 0) {
        int n = (int) Math.min(chunk.length, left);
        out.write(chunk, 0, n);
        sent.addAndGet(n);
        left -= n;
        java.util.Arrays.fill(chunk, (byte) 0x55);
      }
      out.close();
    };
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
