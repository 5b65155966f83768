// A tiny generated demo collection: write it, then read it back with Commons CSV.
// Run it by hand with:  jshell --class-path "$(./metart classpath)" notebook.jsh
import io.github.metart.examples.demo.*;
import org.apache.commons.csv.*;

Path dir = Files.createTempDirectory("metart-notebook");
DemoCollection demo = DemoCollectionGenerator.generate(DemoCollectionSpec.tiny(), dir);

long rows;
try (var reader = Files.newBufferedReader(demo.csvFile());
     var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
  rows = parser.stream().count();
}
System.out.println("rows: " + rows + ", images: " + demo.imageCount());
if (rows != demo.rowCount()) throw new IllegalStateException("read " + rows + " rows, expected " + demo.rowCount());

long countOf(String label) {
  return demo.objects().stream().filter(o -> o.cultureLabel().equals(label)).count();
}
System.out.println("japanese objects: " + countOf("japanese"))
/exit
