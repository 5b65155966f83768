// Culture normalization: how free-text Culture values become one label each, or none.
// Run it from the repository root:
//
//   jshell --class-path "$(./metart classpath)" notebooks/culture.jsh
//
// The last part checks the normalizer against a small GENERATED demo collection (invented rows in the
// Met's format) written to a temporary folder, whose truth file says what each value should become.
import io.github.metart.data.culture.*;
import io.github.metart.data.csv.*;
import io.github.metart.examples.demo.*;

CultureNormalizer normalizer = CultureNormalizer.defaults();

// 1. One decision per value, with the rule that made it.
for (String raw : List.of("Japan", "Japanese, Edo period", "japanese", "German, probably Dresden",
    "China (?)", "Chinese, for export market", "French or Italian", "European", "Greek, Attic", "")) {
  System.out.println(normalizer.explain(raw));
}

// 2. Ambiguous values get no label by default; AmbiguityPolicy.FIRST takes the first culture.
CultureNormalizer first = CultureNormalizer.builder().ambiguity(AmbiguityPolicy.FIRST).build();
System.out.println("'French or Italian' -> " + normalizer.normalize("French or Italian").orElse("(no label)")
    + " by default, " + first.normalize("French or Italian").orElse("(no label)") + " with FIRST");
System.out.println("broad labels are often left out: european is broad? " + normalizer.isBroad("european"));

// 3. Every raw value of a collection, grouped by the label it gets.
Path folder = Files.createTempDirectory("metart-notebook");
DemoCollection demo = DemoCollectionGenerator.generate(DemoCollectionSpec.tiny(), folder);
Map<String, Set<String>> rawByLabel = new TreeMap<>();
Map<CultureDecision.Outcome, Long> outcomes = new TreeMap<>();
try (MetCsvReader reader = MetCsvFormat.DEFAULT.open(demo.csvFile())) {
  for (MetObject object : reader) {
    CultureDecision decision = normalizer.explain(object.culture());
    outcomes.merge(decision.outcome(), 1L, Long::sum);
    rawByLabel.computeIfAbsent(decision.label().orElse("(no label)"), k -> new TreeSet<>()).add("'" + object.culture() + "'");
  }
}
System.out.println("outcomes: " + outcomes);
rawByLabel.forEach((label, raws) -> System.out.println(label + " <- " + String.join(", ", raws)));

// 4. Against the truth: the label each generated value was written for.
long agree = demo.objects().stream().
    filter(o -> normalizer.normalize(o.rawCulture()).orElse("").equals(o.cultureLabel())).
    count();
System.out.printf("the normalizer agrees with the truth on %d of %d objects%n", agree, demo.objects().size());
if (agree < 0.95 * demo.objects().size()) {
  throw new IllegalStateException("the normalizer disagrees with the demo's truth too often");
}
/exit
