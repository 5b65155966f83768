package io.github.metart.data.loading;

import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Sampler;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Queue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * One pass over a {@link CachedImageDataset}: batches assembled ahead of use on background threads
 * (or on the caller's thread without an executor), each in its own sub-manager of this pass's
 * manager. The pass's manager is closed when the pass ends, like DJL's own data iterables.
 */
final class CachedBatches implements Iterable<Batch>, Iterator<Batch> {

  private final CachedImageDataset dataset;
  private final NDManager manager;
  private final Iterator<List<Long>> batches;
  private final ExecutorService executor;
  private final int epoch;
  private final Queue<Future<Batch>> ahead = new ArrayDeque<>();
  private long progress;
  private boolean closed;

  CachedBatches(
      CachedImageDataset dataset, NDManager parent, Sampler sampler, ExecutorService executor, int prefetch) {
    this.dataset = dataset;
    this.manager = parent.newSubManager();
    this.manager.setName("metart-epoch");
    this.batches = sampler.sample(dataset);
    this.epoch = dataset.epochAfterSampling(sampler);
    this.executor = executor;
    if (executor != null) {
      for (int i = 0; i < prefetch; i++) {
        submitNext();
      }
    }
  }

  @Override
  public Iterator<Batch> iterator() {
    return this;
  }

  @Override
  public boolean hasNext() {
    boolean more = executor != null ? !ahead.isEmpty() : batches.hasNext();
    if (!more && !closed) {
      closed = true;
      manager.close();
    }
    return more;
  }

  @Override
  public Batch next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    if (executor == null) {
      List<Long> indices = batches.next();
      progress += indices.size();
      return dataset.assemble(manager, indices, epoch, progress);
    }
    submitNext();
    Future<Batch> future = ahead.poll();
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while loading a batch", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("loading a batch failed: " + e.getCause(), e.getCause());
    }
  }

  private void submitNext() {
    if (!batches.hasNext()) {
      return;
    }
    List<Long> indices = batches.next();
    progress += indices.size();
    long batchProgress = progress;
    ahead.add(executor.submit(() -> dataset.assemble(manager, indices, epoch, batchProgress)));
  }
}
