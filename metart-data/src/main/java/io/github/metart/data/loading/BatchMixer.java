package io.github.metart.data.loading;

import java.nio.FloatBuffer;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.random.AbstractRandomGenerator;

/**
 * Mixup and CutMix over an assembled batch (see {@link Augmentation#mixup()} and {@link
 * Augmentation#cutmix()}): sample {@code i} is paired with sample {@code B-1-i}, as timm's {@code
 * Mixup} pairs a batch with its reverse, so that the batch is mixed in place. The draws come from
 * (seed, epoch, the batch's first index), so a resumed run mixes the same pairs with the same λ.
 */
final class BatchMixer {

  /** Tells the batch's generator apart from its examples' (seed, epoch, index) generators. */
  private static final long MIX_STREAM = 0x6d69786d6978L;

  /**
   * One batch's mixing.
   *
   * @param cutmix whether a box is swapped (else the images are blended)
   * @param weight the weight of each image's own label: λ for mixup, the area it keeps for CutMix
   * @param box for CutMix the swapped box {x, y, width, height} in pixels, else null
   */
  record Plan(boolean cutmix, float weight, int[] box) {}

  private BatchMixer() {}

  /** The mixing of the batch starting at {@code firstIndex}, on images of side {@code side}. */
  static Plan plan(Augmentation augmentation, long seed, int epoch, long firstIndex, int side) {
    SplitMix64 random = SplitMix64.of(seed, epoch, firstIndex, MIX_STREAM);
    boolean cutmix =
        augmentation.cutmix() > 0f && (augmentation.mixup() == 0f || random.nextBoolean());
    float alpha = cutmix ? augmentation.cutmix() : augmentation.mixup();
    double lambda = beta(random, alpha);
    if (!cutmix) {
      return new Plan(false, (float) lambda, null);
    }
    // timm's rand_bbox: a box of side sqrt(1 - λ) around a uniform centre, clipped to the image
    double ratio = Math.sqrt(1 - lambda);
    int cutWidth = (int) (side * ratio);
    int cutHeight = (int) (side * ratio);
    int centreX = random.nextInt(side);
    int centreY = random.nextInt(side);
    int x1 = clip(centreX - cutWidth / 2, side);
    int x2 = clip(centreX + cutWidth / 2, side);
    int y1 = clip(centreY - cutHeight / 2, side);
    int y2 = clip(centreY + cutHeight / 2, side);
    int[] box = {x1, y1, x2 - x1, y2 - y1};
    float kept = 1f - (float) (box[2] * box[3]) / (side * side);
    return new Plan(true, kept, box);
  }

  private static int clip(int value, int side) {
    return Math.max(0, Math.min(side, value));
  }

  /** A Beta(α, α) draw from the generator (commons-math3's Cheng sampler). */
  private static double beta(SplitMix64 random, float alpha) {
    AbstractRandomGenerator source =
        new AbstractRandomGenerator() {
          @Override
          public void setSeed(long seed) {
            throw new UnsupportedOperationException("seeded by (seed, epoch, batch)");
          }

          @Override
          public double nextDouble() {
            return (random.nextLong() >>> 11) * 0x1.0p-53;
          }
        };
    return new BetaDistribution(source, alpha, alpha).sample();
  }

  /**
   * Mixes the {@code count} images of {@code floats} values each (channel-first, side {@code
   * side}) in {@code out} in place.
   */
  static void mixImages(Plan plan, FloatBuffer out, int count, int floats, int side) {
    float w = plan.weight();
    for (int b = 0; b < count / 2; b++) {
      int r = count - 1 - b;
      int ob = b * floats;
      int or = r * floats;
      if (!plan.cutmix()) {
        for (int k = 0; k < floats; k++) {
          float xb = out.get(ob + k);
          float xr = out.get(or + k);
          out.put(ob + k, w * xb + (1 - w) * xr);
          out.put(or + k, w * xr + (1 - w) * xb);
        }
        continue;
      }
      int[] box = plan.box();
      int plane = side * side;
      for (int c = 0; c < 3; c++) {
        for (int row = box[1]; row < box[1] + box[3]; row++) {
          int start = c * plane + row * side + box[0];
          for (int col = 0; col < box[2]; col++) {
            float xb = out.get(ob + start + col);
            out.put(ob + start + col, out.get(or + start + col));
            out.put(or + start + col, xb);
          }
        }
      }
    }
  }

  /**
   * The {@link MixedLabels} {@code [count, 3]} of a mixed batch whose plain labels are {@code
   * labels}: per sample (heavier label, lighter label, heavier weight).
   */
  static float[] labels(Plan plan, float[] labels) {
    int count = labels.length;
    float[] mixed = new float[count * MixedLabels.COLUMNS];
    for (int b = 0; b < count; b++) {
      int r = count - 1 - b;
      float own = r == b ? 1f : plan.weight();
      boolean ownHeavier = own >= 0.5f;
      mixed[3 * b] = ownHeavier ? labels[b] : labels[r];
      mixed[3 * b + 1] = ownHeavier ? labels[r] : labels[b];
      mixed[3 * b + 2] = ownHeavier ? own : 1f - own;
    }
    return mixed;
  }
}
