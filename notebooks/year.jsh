// Years: Object Date and Period strings turned into year intervals, and the year dataset's labels.
// Run it from the repository root:
//
//   jshell --class-path "$(./metart classpath)" notebooks/year.jsh
//
// The last parts run on a small GENERATED demo collection (invented rows in the Met's format)
// written to a temporary folder, whose truth file holds the year each row was written for.
import io.github.metart.data.dates.*;
import io.github.metart.data.csv.*;
import io.github.metart.data.dataset.*;
import io.github.metart.examples.demo.*;

// 1. Object Date strings in the Met's styles (B.C. years are negative).
for (String date : List.of("1785", "ca. 1785", "1909–27", "1850s", "late 18th century",
    "first half of the 19th century", "dated 1750", "ca. 460–450 B.C.", "18th century", "undated")) {
  System.out.printf("%-32s -> %s%n", date, ObjectDates.parse(date).map(YearRange::toString).orElse("(no years)"));
}

// 2. Periods fill in when a row has no date.
PeriodNormalizer periods = PeriodNormalizer.defaults();
for (String period : List.of("Edo period (1615–1868)", "Ming dynasty (1368–1644)", "Classical", "Meiji period")) {
  System.out.printf("%-28s -> %s%n", period, periods.normalize(period).map(p -> p.label() + " " + p.years()).orElse("(unknown)"));
}

// 3. Each row's interval, from the Met's begin/end columns, the Object Date or the Period.
Path folder = Files.createTempDirectory("metart-notebook");
DemoCollection demo = DemoCollectionGenerator.generate(DemoCollectionSpec.tiny(), folder);
YearResolver resolver = YearResolver.defaults();
Map<Long, Integer> truth = new HashMap<>();
demo.objects().forEach(o -> truth.put(o.objectId(), o.year()));
Map<YearSource, Long> sources = new TreeMap<>();
int inside = 0, resolved = 0;
try (MetCsvReader reader = MetCsvFormat.DEFAULT.open(demo.csvFile())) {
  for (MetObject object : reader) {
    ResolvedYears years = resolver.resolve(object);
    sources.merge(years.source(), 1L, Long::sum);
    if (years.years().isPresent()) {
      resolved++;
      if (years.years().get().contains(truth.get(object.objectId()))) inside++;
    }
  }
}
System.out.println("year sources: " + sources);
System.out.printf("the true year lies inside the resolved interval for %d of %d rows%n", inside, resolved);
if (inside < 0.9 * resolved) throw new IllegalStateException("resolved intervals miss the true years too often");

// 4. The year dataset: objects dated within 1500-1900 by at most 100 years, 50-year bins; each
//    object's year label is drawn inside its interval, and its target is that year normalized to 0..1.
DatasetSplits years = MetDataset.fromCsv(demo.csvFile()).year(1500, 1900).
    binWidth(50).maxSpan(100).split(8, 1, 1).seed(42).build();
System.out.println(years);
years.labels().forEach(bin -> System.out.printf("  %s: %d training objects%n", bin, years.manifest().counts().get(Split.TRAIN).get(bin)));
double meanError = years.train().stream().mapToInt(o -> Math.abs(o.requireYear() - truth.get(o.objectId()))).average().orElse(0);
System.out.printf("mean distance between the drawn year label and the true year: %.1f years%n", meanError);
/exit
