package io.github.metart.data.download;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a small body (an object record) in memory, counting bytes while they stream: past the
 * limit the subscription is cancelled and the body completes with a
 * {@link LimitedFileBody.RefusedBodyException}, so a hostile or broken server cannot make the
 * downloader hold an unbounded body. The JDK's {@code BodySubscribers.ofByteArray()} has no limit,
 * hence this class.
 */
final class LimitedBytesBody implements BodySubscriber<byte[]> {

  private final long limit;
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private Flow.Subscription subscription;
  private long received;

  LimitedBytesBody(long limit) {
    this.limit = limit;
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    subscription.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer buffer : items) {
      received += buffer.remaining();
      if (received > limit) {
        subscription.cancel();
        result.completeExceptionally(new LimitedFileBody.RefusedBodyException(limit, received));
        return;
      }
      byte[] chunk = new byte[buffer.remaining()];
      buffer.get(chunk);
      bytes.write(chunk, 0, chunk.length);
    }
  }

  @Override
  public void onError(Throwable error) {
    result.completeExceptionally(error);
  }

  @Override
  public void onComplete() {
    result.complete(bytes.toByteArray());
  }
}
