package io.github.metart.data.download;

import java.io.IOException;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Writes a response body to a file while counting its bytes, and stops the transfer as soon as the
 * body grows past a limit: the subscription is cancelled, the file is closed and deleted, and the
 * body completes with a {@link RefusedBodyException}. This bounds what reaches the disk when the server
 * declares no Content-Length (chunked responses) or declares less than it sends.
 */
final class LimitedFileBody implements BodySubscriber<Path> {

  /** The body passed the limit; nothing of it is kept. */
  static final class RefusedBodyException extends IOException {
    private static final long serialVersionUID = 1L;

    private RefusedBodyException(String message) {
      super(message);
    }

    /** A body whose declared Content-Length is over the limit: refused before any byte is read. */
    static RefusedBodyException declared(long limit, long declared) {
      return new RefusedBodyException(
          String.format(Locale.ROOT, "declared length of %,d bytes exceeds the limit of %,d bytes (not read)", declared, limit));
    }

    RefusedBodyException(long limit, long received) {
      super(
          String.format(
              Locale.ROOT,
              "body exceeds the limit of %,d bytes (stopped reading after %,d bytes)",
              limit,
              received));
    }
  }

  private final Path file;
  private final long limit;
  private final BodySubscriber<Path> writer;
  private final CompletableFuture<Path> body = new CompletableFuture<>();
  private volatile boolean aborted;
  private Flow.Subscription subscription;
  private long received;

  LimitedFileBody(Path file, long limit) {
    this.file = file;
    this.limit = limit;
    this.writer =
        BodySubscribers.ofFile(
            // no CREATE: the downloader made the file; when an interrupted worker has already deleted it,
            // a body still arriving on the HTTP client's thread must not bring it back
            file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    writer
        .getBody()
        .whenComplete(
            (path, error) -> {
              if (aborted) {
                return;
              }
              if (error != null) {
                body.completeExceptionally(error);
              } else {
                body.complete(path);
              }
            });
  }

  @Override
  public CompletionStage<Path> getBody() {
    return body;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    writer.onSubscribe(subscription);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (aborted) {
      return;
    }
    for (ByteBuffer item : items) {
      received += item.remaining();
    }
    if (received > limit) {
      aborted = true;
      subscription.cancel();
      RefusedBodyException tooLarge = new RefusedBodyException(limit, received);
      writer.onError(tooLarge); // closes the file
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        tooLarge.addSuppressed(e);
      }
      body.completeExceptionally(tooLarge);
      return;
    }
    writer.onNext(items);
  }

  @Override
  public void onError(Throwable throwable) {
    if (!aborted) {
      writer.onError(throwable);
    }
  }

  @Override
  public void onComplete() {
    if (!aborted) {
      writer.onComplete();
    }
  }
}
