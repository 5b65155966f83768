// Inspect a dataset: a MetObjects.csv read by metart, its report, and the culture and year datasets
// built from it. Run it from the repository root:
//
//   jshell --class-path "$(./metart classpath)" notebooks/dataset.jsh
//
// It runs on a small GENERATED demo collection (invented rows in the Met's format, pictures drawn by
// metart, not Met photographs) written to a temporary folder. To look at the real thing, set `csv` to
// your MetObjects.csv instead (see the README, "Real Met data, end to end").
import io.github.metart.examples.demo.*;
import io.github.metart.data.csv.*;
import io.github.metart.data.report.*;
import io.github.metart.data.dataset.*;

Path folder = Files.createTempDirectory("metart-notebook");
DemoCollection demo = DemoCollectionGenerator.generate(DemoCollectionSpec.tiny(), folder);
Path csv = demo.csvFile();

// 1. Rows as metart reads them: malformed rows are skipped and reported with their line.
List<MetObject> objects;
ReadReport read;
try (MetCsvReader reader = MetCsvFormat.DEFAULT.open(csv)) {
  objects = reader.stream().toList();
  read = reader.report();
}
System.out.println("rows read: " + read.rowsRead() + ", skipped: " + read.rowsSkipped());
read.skipped().forEach(s -> System.out.println("  line " + s.line() + ": " + s.reason() + ": " + s.detail()));
objects.stream().limit(5).forEach(o ->
    System.out.printf("%6d | %-28s | %-30s | %s%n", o.objectId(), o.culture(), o.objectDate(), o.department()));

// 2. The dataset report, as `metart stats --csv FILE` prints it.
DatasetReport report = DatasetReport.collect(csv);
System.out.println(report.toText(3));

// 3. A culture dataset: labels with at least 6 objects, "european" left out, split 8:1:1.
DatasetSplits culture = MetDataset.fromCsv(csv).culture().
    minPerLabel(6).exclude("european").split(8, 1, 1).seed(42).build();
System.out.println(culture);
for (String label : culture.labels()) {
  System.out.printf("  %-10s train %2d  validation %d  test %d%n", label,
      culture.manifest().counts().get(Split.TRAIN).get(label),
      culture.manifest().counts().get(Split.VALIDATION).get(label),
      culture.manifest().counts().get(Split.TEST).get(label));
}
if (!culture.labels().equals(DemoCollection.cultureClasses())) {
  throw new IllegalStateException("expected the demo's six classes, got " + culture.labels());
}

// 4. A year dataset over 1500-1900: the target of each object is its year normalized to 0..1.
DatasetSplits years = MetDataset.fromCsv(csv).year(1500, 1900).binWidth(100).split(8, 1, 1).seed(42).build();
System.out.println(years);
LabeledObject first = years.train().get(0);
System.out.println("object " + first.objectId() + ": year " + first.requireYear() + " from " + first.years().orElseThrow()
    + " (" + first.yearSource() + "), target " + years.encode(first));

// 5. The prepared folder `metart prepare` writes: manifest.json, splits/*.csv, report.txt.
Path prepared = folder.resolve("prepared-culture");
culture.write(prepared);
System.out.println(Files.readString(prepared.resolve("manifest.json")).lines().limit(12).collect(Collectors.joining("\n")));
if (!DatasetSplits.read(prepared).splitHash().equals(culture.splitHash())) {
  throw new IllegalStateException("the prepared folder reads back differently");
}
/exit
