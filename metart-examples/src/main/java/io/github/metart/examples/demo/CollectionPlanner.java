package io.github.metart.examples.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides every row of the demo collection from the spec's seed: which group each object belongs
 * to, its year, its date strings and every other column, in the Met's conventions. Pure: the same
 * spec gives the same plan.
 */
final class CollectionPlanner {

  /** One planned row: its fields and, for a well-formed row, the object behind it. */
  record PlannedRow(
      List<String> fields, Optional<DemoObject> object, CultureGroup group, String problem) {

    boolean malformed() {
      return object.isEmpty();
    }
  }

  private static final String LINK_PREFIX = "http://www.metmuseum.org/art/collection/search/";
  private static final String REPOSITORY = "Metropolitan Museum of Art, New York, NY";
  private static final Pattern PERIOD_YEARS = Pattern.compile("\\((\\d{3,4})\u2013(\\d{1,4})\\)");
  private static final List<String> DONORS =
      List.of(
          "J. Pierpont Morgan",
          "Irwin Untermyer",
          "Benjamin Altman",
          "Henry G. Marquand",
          "Mary Stillman Harkness",
          "Mr. and Mrs. Charles Wrightsman",
          "Howard Mansfield");
  private static final List<String> FUNDS =
      List.of("Rogers Fund", "Fletcher Fund", "Harris Brisbane Dick Fund", "Purchase, Joseph Pulitzer Bequest");

  private final DemoCollectionSpec spec;
  private final Random random;

  private CollectionPlanner(DemoCollectionSpec spec) {
    this.spec = spec;
    this.random = new Random(spec.seed());
  }

  /** The rows of the file in order (header excluded). */
  static List<PlannedRow> plan(DemoCollectionSpec spec) {
    return new CollectionPlanner(spec).plan();
  }

  private record Draft(CultureGroup group, boolean publicDomain, String problem) {}

  private List<PlannedRow> plan() {
    List<Draft> drafts = new ArrayList<>();
    for (CultureGroup group : CultureCatalog.groups()) {
      int imaged = group.imagedObjects(spec.objectsPerCulture());
      int restricted = Math.round(imaged * 0.08f);
      for (int i = 0; i < imaged; i++) {
        drafts.add(new Draft(group, true, ""));
      }
      for (int i = 0; i < restricted; i++) {
        drafts.add(new Draft(group, false, ""));
      }
    }
    Collections.shuffle(drafts, random);
    if (spec.malformedRows()) {
      List<CultureGroup> classes = CultureCatalog.classes();
      String[] problems = {"missing field", "unquoted comma", "bad object id"};
      for (int i = 0; i < problems.length; i++) {
        int position = (int) ((long) drafts.size() * (2 * i + 1) / (2 * problems.length));
        drafts.add(position, new Draft(classes.get(i % classes.size()), true, problems[i]));
      }
    }

    List<PlannedRow> rows = new ArrayList<>(drafts.size());
    long objectId = 1000 + random.nextInt(500);
    for (Draft draft : drafts) {
      objectId += 1 + random.nextInt(60);
      rows.add(planRow(draft, objectId));
    }
    return rows;
  }

  private PlannedRow planRow(Draft draft, long objectId) {
    CultureGroup group = draft.group();
    int year = group.minYear() + random.nextInt(group.maxYear() - group.minYear() + 1);
    ObjectKind kind = pick(group.kinds());
    String rawCulture = pick(group.rawCultures());
    String[] row = new String[MetFileColumn.values().length];
    Arrays.fill(row, "");

    int accessionYear = 1870 + random.nextInt(151);
    set(row, MetFileColumn.OBJECT_NUMBER, objectNumber(accessionYear));
    set(row, MetFileColumn.IS_HIGHLIGHT, random.nextInt(50) == 0 ? "True" : "False");
    set(row, MetFileColumn.IS_TIMELINE_WORK, random.nextInt(30) == 0 ? "True" : "False");
    set(row, MetFileColumn.IS_PUBLIC_DOMAIN, draft.publicDomain() ? "True" : "False");
    set(row, MetFileColumn.OBJECT_ID, Long.toString(objectId));
    set(row, MetFileColumn.GALLERY_NUMBER, galleryNumber());
    set(row, MetFileColumn.DEPARTMENT, kind.department());
    set(row, MetFileColumn.ACCESSION_YEAR, random.nextInt(30) == 0 ? "" : Integer.toString(accessionYear));
    set(row, MetFileColumn.OBJECT_NAME, kind.objectName());
    set(row, MetFileColumn.TITLE, pick(kind.titles()));
    set(row, MetFileColumn.CULTURE, rawCulture);

    PeriodNames periods = group.periods().apply(year);
    boolean writePeriod = group.ancient() || random.nextInt(10) != 0;
    if (writePeriod) {
      set(row, MetFileColumn.PERIOD, periods.period());
      set(row, MetFileColumn.DYNASTY, periods.dynasty());
      set(row, MetFileColumn.REIGN, periods.reign());
    }
    fillArtist(row, group, year);

    DatedRow dates = dates(group, year, writePeriod ? periods.period() : "");
    set(row, MetFileColumn.OBJECT_DATE, dates.text());
    set(row, MetFileColumn.OBJECT_BEGIN_DATE, Integer.toString(dates.beginColumn()));
    set(row, MetFileColumn.OBJECT_END_DATE, Integer.toString(dates.endColumn()));
    set(row, MetFileColumn.MEDIUM, pick(kind.media()));
    set(row, MetFileColumn.DIMENSIONS, dimensions());
    set(row, MetFileColumn.CREDIT_LINE, creditLine(accessionYear));
    if (!group.country().isEmpty() && random.nextInt(3) == 0) {
      set(row, MetFileColumn.GEOGRAPHY_TYPE, "Made in");
      set(row, MetFileColumn.COUNTRY, group.country());
    }
    set(row, MetFileColumn.CLASSIFICATION, kind.classification());
    set(row, MetFileColumn.LINK_RESOURCE, LINK_PREFIX + objectId);
    set(row, MetFileColumn.REPOSITORY, REPOSITORY);
    set(row, MetFileColumn.TAGS, pick(kind.tags()));

    if (!draft.problem().isEmpty()) {
      return malformed(row, group, draft.problem());
    }
    Optional<String> image =
        draft.publicDomain()
            ? Optional.of(objectId + "." + spec.imageFormat().extension())
            : Optional.empty();
    DemoObject object =
        new DemoObject(
            objectId,
            group.role(),
            rawCulture,
            group.label(),
            year,
            dates.text(),
            dates.meaning().begin(),
            dates.meaning().end(),
            dates.beginColumn(),
            dates.endColumn(),
            writePeriod ? periods.period() : "",
            draft.publicDomain(),
            image);
    return new PlannedRow(List.of(row), Optional.of(object), group, "");
  }

  private PlannedRow malformed(String[] row, CultureGroup group, String kind) {
    // one physical line each, so that a reader reports each malformed row exactly once
    List<String> fields = new ArrayList<>();
    for (String field : row) {
      fields.add(field.strip().replace("\r\n", "; "));
    }
    String problem;
    switch (kind) {
      case "missing field" -> {
        fields.remove(fields.size() - 1);
        problem = "53 fields instead of 54";
      }
      case "unquoted comma" -> {
        // the title's comma was not quoted: the record splits into one field too many
        int title = MetFileColumn.TITLE.ordinal();
        fields.set(title, "Plate");
        fields.add(title + 1, " with the Arms of Saxony");
        problem = "55 fields instead of 54 (an unquoted comma in Title)";
      }
      case "bad object id" -> {
        String id = fields.get(MetFileColumn.OBJECT_ID.ordinal());
        String broken = id.substring(0, id.length() - 1) + "O";
        fields.set(MetFileColumn.OBJECT_ID.ordinal(), broken);
        problem = "Object ID '" + broken + "' is not a number";
      }
      default -> throw new IllegalStateException("unknown problem " + kind);
    }
    return new PlannedRow(List.copyOf(fields), Optional.empty(), group, problem);
  }

  /** The date columns of a row and the interval they stand for. */
  private record DatedRow(String text, int beginColumn, int endColumn, DatedText meaning) {}

  private DatedRow dates(CultureGroup group, int year, String period) {
    DatedText dated =
        year < 0 ? DemoDates.beforeCommonEra(year, random) : DemoDates.commonEra(year, random);
    int roll = random.nextInt(100);
    if (roll < 3) {
      // the Met's quirk: 0,0 in Begin/End although the string says when
      return new DatedRow(dated.text(), 0, 0, dated);
    }
    if (roll < 5 && year > 0) {
      // an empty Object Date with the years in Begin/End only
      return new DatedRow("", dated.begin(), dated.end(), dated);
    }
    if (roll < 7) {
      Optional<DatedText> fromPeriod = periodInterval(period);
      if (fromPeriod.isPresent() && fromPeriod.get().contains(year)) {
        // only the Period says when
        return new DatedRow("", 0, 0, fromPeriod.get());
      }
    }
    return new DatedRow(dated.text(), dated.begin(), dated.end(), dated);
  }

  /** "Edo period (1615–1868)" → 1615..1868; "Qianlong period (1736–95)" → 1736..1795. */
  static Optional<DatedText> periodInterval(String period) {
    Matcher m = PERIOD_YEARS.matcher(period);
    if (!m.find()) {
      return Optional.empty();
    }
    int begin = Integer.parseInt(m.group(1));
    String endText = m.group(2);
    int end = Integer.parseInt(endText);
    if (endText.length() < m.group(1).length()) {
      int unit = (int) Math.pow(10, endText.length());
      end = begin - Math.floorMod(begin, unit) + end;
      if (end < begin) {
        end += unit;
      }
    }
    return Optional.of(new DatedText(period, begin, end));
  }

  private void fillArtist(String[] row, CultureGroup group, int year) {
    if (group.role() == CultureRole.BLANK) {
      String nationality = pick(group.artistNationalities());
      boolean known = !nationality.isBlank();
      set(row, MetFileColumn.ARTIST_ROLE, "Artist");
      set(row, MetFileColumn.ARTIST_DISPLAY_NAME, known ? nationality + " Painter" : "Unidentified artist");
      set(row, MetFileColumn.ARTIST_DISPLAY_BIO, " ");
      set(row, MetFileColumn.ARTIST_ALPHA_SORT, known ? nationality + " Painter" : "Unidentified artist");
      set(row, MetFileColumn.ARTIST_NATIONALITY, nationality);
      set(row, MetFileColumn.ARTIST_BEGIN_DATE, Artist.padded(0));
      set(row, MetFileColumn.ARTIST_END_DATE, Artist.padded(0));
      return;
    }
    List<Artist> active = group.artists().stream().filter(a -> a.activeIn(year)).toList();
    if (active.isEmpty() || random.nextInt(100) >= 40) {
      return;
    }
    Artist artist = pick(active);
    set(row, MetFileColumn.CONSTITUENT_ID, Integer.toString(1000 + random.nextInt(300_000)));
    set(row, MetFileColumn.ARTIST_ROLE, artist.role());
    set(row, MetFileColumn.ARTIST_PREFIX, random.nextInt(8) == 0 ? "Attributed to" : " ");
    set(row, MetFileColumn.ARTIST_DISPLAY_NAME, artist.displayName());
    set(row, MetFileColumn.ARTIST_DISPLAY_BIO, artist.bio().isEmpty() ? " " : artist.bio());
    set(row, MetFileColumn.ARTIST_SUFFIX, " ");
    set(row, MetFileColumn.ARTIST_ALPHA_SORT, artist.alphaSort());
    set(row, MetFileColumn.ARTIST_NATIONALITY, artist.nationality());
    set(row, MetFileColumn.ARTIST_BEGIN_DATE, Artist.padded(artist.beginYear()));
    set(row, MetFileColumn.ARTIST_END_DATE, Artist.padded(artist.endYear()));
    set(row, MetFileColumn.ARTIST_GENDER, artist.gender());
  }

  private String objectNumber(int accessionYear) {
    int roll = random.nextInt(100);
    if (roll == 0) {
      return "X." + (1 + random.nextInt(600));
    }
    String prefix =
        accessionYear < 1970 ? Integer.toString(accessionYear % 100) : Integer.toString(accessionYear);
    String number = prefix + "." + (1 + random.nextInt(400));
    if (random.nextInt(3) == 0) {
      number += "." + (1 + random.nextInt(200));
    }
    if (roll < 9) {
      return number + "a, b";
    }
    if (roll < 14) {
      return number + "a" + DemoDates.EN_DASH + "c";
    }
    if (roll < 17) {
      return number + "(" + (1 + random.nextInt(40)) + ")";
    }
    return number;
  }

  private String galleryNumber() {
    int roll = random.nextInt(10);
    if (roll < 6) {
      return "";
    }
    int gallery = 1 + random.nextInt(999);
    return roll < 7 ? String.format("%03d", gallery % 100) : Integer.toString(gallery);
  }

  private String dimensions() {
    String height = "H. " + measure();
    int roll = random.nextInt(100);
    if (roll < 55) {
      return height;
    }
    if (roll < 90) {
      return height + "\r\nDiam. " + measure();
    }
    return "Overall: " + measure() + "\r\nOther (base): " + measure() + "\r\n";
  }

  /** "3 1/2 in. (8.9 cm)": inches in sixteenths reduced, then centimetres to one decimal. */
  private String measure() {
    int sixteenths = 16 + random.nextInt(16 * 40);
    int whole = sixteenths / 16;
    int rest = sixteenths % 16;
    int denominator = 16;
    while (rest != 0 && rest % 2 == 0) {
      rest /= 2;
      denominator /= 2;
    }
    String inches = rest == 0 ? Integer.toString(whole) : whole + " " + rest + "/" + denominator;
    double centimetres = Math.round(sixteenths / 16.0 * 2.54 * 10) / 10.0;
    String cm =
        centimetres == Math.rint(centimetres)
            ? Long.toString((long) centimetres)
            : Double.toString(centimetres);
    return inches + " in. (" + cm + " cm)";
  }

  private String creditLine(int accessionYear) {
    if (random.nextBoolean()) {
      return pick(FUNDS) + ", " + accessionYear;
    }
    return (random.nextInt(3) == 0 ? "Bequest of " : "Gift of ") + pick(DONORS) + ", " + accessionYear;
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static void set(String[] row, MetFileColumn column, String value) {
    row[column.ordinal()] = value;
  }
}
