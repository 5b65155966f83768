package io.github.metart.data.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesPermissionsTest {

  @TempDir Path dir;

  @Test
  void writtenFileHasTheUmaskDefaultModeNotOwnerOnly() throws Exception {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file system");
    Path reference = dir.resolve("reference.txt");
    Files.writeString(reference, "x"); // created with the process umask's default mode
    Path target = dir.resolve("history.json");
    AtomicFiles.write(target, out -> out.write("{}".getBytes(StandardCharsets.UTF_8)));
    assertThat(Files.readString(target)).isEqualTo("{}");
    assertThat(Files.getPosixFilePermissions(target)).isEqualTo(Files.getPosixFilePermissions(reference));
    try (var left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("reference.txt", "history.json");
    }
  }
}
