package io.github.metart.data.cache;

import io.github.metart.data.images.ImageInfo;
import io.github.metart.data.images.ImageRecipe;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What preparation found in the originals: how many decoded, which were skipped and why, and the
 * formats, colour spaces, bit depths, orientations and sizes seen. Written as {@code quality-report.json} and
 * {@code quality-report.txt} in the cache folder.
 *
 * @param recipeKey the cache's recipe key
 * @param requested the distinct objects requested
 * @param decoded the requested objects whose image is in the cache
 * @param preparedNow the objects prepared by this run
 * @param reused the objects found already prepared (resumed or shared with an earlier run)
 * @param skipped the objects without a usable image
 * @param skippedByProblem skip counts by problem ({@code no image}, {@code truncated}...)
 * @param skippedImages every skipped object with its reason
 * @param formats decoded images by file format
 * @param colorSpaces decoded images by stored colour space ({@code YCbCr}, {@code CMYK}, ...)
 * @param bitDepths decoded images by bits per sample
 * @param orientations decoded images by the EXIF/TIFF orientation applied ({@code upright}, {@code
 *     rotate 90}, ... as {@link io.github.metart.data.images.ImageOrientation#label()} says)
 * @param progressive decoded images stored progressively
 * @param subsampled decoded images read with source subsampling
 * @param upscaled decoded images smaller than the recipe, so enlarged
 * @param sizes the original sizes seen
 * @param duplicateGroups near-duplicate groups among the decoded images
 * @param duplicateObjects objects in those groups
 * @param duplicateDistance the perceptual-hash distance (bits) that joined near-duplicates
 * @param seconds the duration of this run
 */
public record QualityReport(
    String recipeKey,
    int requested,
    int decoded,
    int preparedNow,
    int reused,
    int skipped,
    Map<String, Integer> skippedByProblem,
    List<SkippedImage> skippedImages,
    Map<String, Integer> formats,
    Map<String, Integer> colorSpaces,
    Map<String, Integer> bitDepths,
    Map<String, Integer> orientations,
    int progressive,
    int subsampled,
    int upscaled,
    SizeSummary sizes,
    int duplicateGroups,
    int duplicateObjects,
    int duplicateDistance,
    double seconds) {

  /** Copies the collections. */
  public QualityReport {
    skippedByProblem = Collections.unmodifiableMap(new LinkedHashMap<>(skippedByProblem));
    skippedImages = List.copyOf(skippedImages);
    formats = Collections.unmodifiableMap(new LinkedHashMap<>(formats));
    colorSpaces = Collections.unmodifiableMap(new LinkedHashMap<>(colorSpaces));
    bitDepths = Collections.unmodifiableMap(new LinkedHashMap<>(bitDepths));
    orientations =
        orientations == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(orientations));
  }
  /**
   * This report with images that an earlier pass over the same folder skipped (and that were left
   * out of the objects before this pass): counted as requested and skipped, listed by problem.
   */
  public QualityReport withEarlierSkips(List<SkippedImage> earlier) {
    if (earlier.isEmpty()) {
      return this;
    }
    Map<String, Integer> byProblem = new LinkedHashMap<>(skippedByProblem);
    earlier.forEach(image -> byProblem.merge(image.problem(), 1, Integer::sum));
    List<SkippedImage> images = new java.util.ArrayList<>(earlier);
    images.addAll(skippedImages);
    return new QualityReport(
        recipeKey, requested + earlier.size(), decoded, preparedNow, reused, skipped + earlier.size(),
        byProblem, images, formats, colorSpaces, bitDepths, orientations, progressive, subsampled,
        upscaled, sizes, duplicateGroups, duplicateObjects, duplicateDistance, seconds);
  }


  /**
   * The sizes of the original images.
   *
   * @param minWidth the smallest width
   * @param medianWidth the median width
   * @param maxWidth the largest width
   * @param minHeight the smallest height
   * @param medianHeight the median height
   * @param maxHeight the largest height
   * @param shorterSide counts by shorter side, in buckets such as {@code 512-1023}
   */
  public record SizeSummary(
      int minWidth,
      int medianWidth,
      int maxWidth,
      int minHeight,
      int medianHeight,
      int maxHeight,
      Map<String, Integer> shorterSide) {

    /** Copies the buckets. */
    public SizeSummary {
      shorterSide = Collections.unmodifiableMap(new LinkedHashMap<>(shorterSide));
    }

    static final int[] BUCKETS = {128, 256, 512, 1024, 2048, 4096};

    static SizeSummary of(Collection<ImageInfo> infos) {
      if (infos.isEmpty()) {
        return new SizeSummary(0, 0, 0, 0, 0, 0, Map.of());
      }
      int[] widths = infos.stream().mapToInt(ImageInfo::width).sorted().toArray();
      int[] heights = infos.stream().mapToInt(ImageInfo::height).sorted().toArray();
      Map<String, Integer> buckets = new LinkedHashMap<>();
      for (int i = 0; i <= BUCKETS.length; i++) {
        buckets.put(bucketName(i), 0);
      }
      for (ImageInfo info : infos) {
        int side = info.shorterSide();
        int bucket = 0;
        while (bucket < BUCKETS.length && side >= BUCKETS[bucket]) {
          bucket++;
        }
        buckets.merge(bucketName(bucket), 1, Integer::sum);
      }
      buckets.values().removeIf(count -> count == 0);
      return new SizeSummary(
          widths[0],
          widths[widths.length / 2],
          widths[widths.length - 1],
          heights[0],
          heights[heights.length / 2],
          heights[heights.length - 1],
          buckets);
    }

    private static String bucketName(int bucket) {
      if (bucket == 0) {
        return "< " + BUCKETS[0];
      }
      if (bucket == BUCKETS.length) {
        return ">= " + BUCKETS[BUCKETS.length - 1];
      }
      return BUCKETS[bucket - 1] + "-" + (BUCKETS[bucket] - 1);
    }
  }

  static QualityReport of(
      ImageRecipe recipe,
      int requested,
      List<CachedImage> decodedImages,
      int preparedNow,
      int reused,
      List<SkippedImage> skippedImages,
      DuplicateGroups duplicates,
      double seconds) {
    Map<String, Integer> problems = new TreeMap<>();
    for (SkippedImage skip : skippedImages) {
      problems.merge(skip.problem(), 1, Integer::sum);
    }
    Map<String, Integer> formats = new TreeMap<>();
    Map<String, Integer> spaces = new TreeMap<>();
    Map<String, Integer> bits = new TreeMap<>();
    Map<String, Integer> orientations = new TreeMap<>();
    int progressive = 0;
    int subsampled = 0;
    int upscaled = 0;
    List<ImageInfo> infos = new ArrayList<>(decodedImages.size());
    for (CachedImage image : decodedImages) {
      ImageInfo info = image.original();
      infos.add(info);
      formats.merge(info.format(), 1, Integer::sum);
      spaces.merge(info.colorSpace(), 1, Integer::sum);
      bits.merge(info.bitsPerSample() + "-bit", 1, Integer::sum);
      orientations.merge(info.orientation().label(), 1, Integer::sum);
      progressive += info.progressive() ? 1 : 0;
      subsampled += image.subsampling() > 1 ? 1 : 0;
      upscaled += info.shorterSide() < recipe.resizeTo() ? 1 : 0;
    }
    List<SkippedImage> sortedSkips = new ArrayList<>(skippedImages);
    sortedSkips.sort(java.util.Comparator.comparingLong(SkippedImage::objectId));
    return new QualityReport(
        recipe.key(),
        requested,
        decodedImages.size(),
        preparedNow,
        reused,
        skippedImages.size(),
        problems,
        sortedSkips,
        formats,
        spaces,
        bits,
        orientations,
        progressive,
        subsampled,
        upscaled,
        SizeSummary.of(infos),
        duplicates.size(),
        duplicates.objectCount(),
        duplicates.maxDistance(),
        seconds);
  }

  /** The report as readable text, at most {@code maxSkipLines} skip lines. */
  public String toText(int maxSkipLines) {
    StringBuilder out = new StringBuilder();
    out.append("image cache ").append(recipeKey).append('\n');
    line(out, "requested", requested);
    line(out, "decoded", decoded);
    line(out, "  prepared now", preparedNow);
    line(out, "  already cached", reused);
    line(out, "skipped", skipped);
    skippedByProblem.forEach((problem, count) -> line(out, "  " + problem, count));
    out.append("formats: ").append(counts(formats)).append('\n');
    out.append("colour spaces: ").append(counts(colorSpaces)).append('\n');
    out.append("bit depths: ").append(counts(bitDepths)).append('\n');
    out.append("orientations: ").append(counts(orientations)).append('\n');
    line(out, "progressive", progressive);
    line(out, "read subsampled", subsampled);
    line(out, "enlarged (smaller than the recipe)", upscaled);
    if (decoded > 0) {
      out.append(
          String.format(
              Locale.ROOT,
              "original width: min %d, median %d, max %d%noriginal height: min %d, median %d, max %d%n",
              sizes.minWidth(),
              sizes.medianWidth(),
              sizes.maxWidth(),
              sizes.minHeight(),
              sizes.medianHeight(),
              sizes.maxHeight()));
      out.append("shorter side: ").append(counts(sizes.shorterSide())).append('\n');
    }
    out.append("near-duplicate groups: ").append(duplicateGroups).append(" (")
        .append(duplicateObjects).append(" objects, hash distance <= ").append(duplicateDistance).append(")\n");
    out.append(String.format(Locale.ROOT, "time: %.1f s%n", seconds));
    int shown = 0;
    for (SkippedImage skip : skippedImages) {
      if (shown++ == maxSkipLines) {
        out.append("  ... ").append(skippedImages.size() - maxSkipLines).append(" more in ")
            .append(CacheFiles.SKIPPED).append('\n');
        break;
      }
      out.append("  skipped object ").append(skip.objectId()).append(": ").append(skip.reason()).append('\n');
    }
    return out.toString();
  }

  private static void line(StringBuilder out, String label, int value) {
    out.append(label).append(": ").append(value).append('\n');
  }

  private static String counts(Map<String, Integer> counts) {
    if (counts.isEmpty()) {
      return "none";
    }
    StringBuilder text = new StringBuilder();
    counts.forEach((key, value) -> text.append(text.length() == 0 ? "" : ", ").append(key).append(' ').append(value));
    return text.toString();
  }

  @Override
  public String toString() {
    return toText(20);
  }
}
