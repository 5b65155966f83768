package io.github.metart.examples.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.EngineException;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.github.metart.models.engine.ConvolutionGuard;
import io.github.metart.models.engine.ConvolutionProbe;
import io.github.metart.models.engine.CpuFeatures;

/** Each check, fed with healthy and broken situations. */
class ChecksTest {

  @TempDir Path dir;

  private static CheckResult only(List<CheckResult> results) {
    assertThat(results).hasSize(1);
    return results.get(0);
  }

  @Test
  void aProblemNeedsAFix() {
    assertThatThrownBy(() -> CheckResult.warn("disk", "low", " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a fix")
        .hasMessageContaining("disk");
  }

  @Test
  void anAvx512CpuWhoseConvolutionsCorruptGetsAWarningWithTheRemedy() {
    CpuFeatures cpu = CpuFeatures.parse(List.of("model name : AMD EPYC", "flags : avx2 avx512f"));
    List<CheckResult> results =
        new CpuCheck(
                () ->
                    new CpuCheck.CpuFacts(
                        cpu, Optional.empty(), Optional.of(new ConvolutionProbe(32, 12)), true))
            .run();

    assertThat(results).extracting(CheckResult::name).containsExactly("cpu", "onednn", "nnpack");
    assertThat(results.get(0).detail()).isEqualTo("AMD EPYC, AVX-512 (avx512f)");
    assertThat(results.get(1).status()).isEqualTo(CheckStatus.WARN);
    assertThat(results.get(1).detail())
        .contains("12 of 32 convolution input gradients wrong")
        .contains("automatically");
    assertThat(results.get(1).fix()).contains("ONEDNN_MAX_CPU_ISA=AVX2");
    assertThat(results.get(2).detail()).contains("NNPACK cannot start").contains("switched off");
  }

  @Test
  void aCappedOrAvx2CpuIsNotAffected() {
    CpuFeatures avx512 = CpuFeatures.parse(List.of("flags : avx2 avx512f"));
    CpuFeatures avx2 = CpuFeatures.parse(List.of("flags : avx2"));

    CheckResult capped =
        new CpuCheck(() -> new CpuCheck.CpuFacts(avx512, Optional.of("AVX2"), Optional.empty(), false))
            .run()
            .get(1);
    CheckResult narrower =
        new CpuCheck(() -> new CpuCheck.CpuFacts(avx2, Optional.empty(), Optional.empty(), false))
            .run()
            .get(1);
    CheckResult clean =
        new CpuCheck(
                () ->
                    new CpuCheck.CpuFacts(
                        avx512, Optional.empty(), Optional.of(new ConvolutionProbe(32, 0)), false))
            .run()
            .get(1);

    assertThat(capped.status()).isEqualTo(CheckStatus.OK);
    assertThat(capped.detail()).startsWith("oneDNN capped at AVX2 by the environment");
    assertThat(narrower.detail()).startsWith("no AVX-512 on this CPU");
    assertThat(clean.status()).isEqualTo(CheckStatus.OK);
    assertThat(clean.detail()).contains("all 32 convolution input gradients right");
  }

  @Test
  void theRealCpuCheckReportsThisMachine() {
    List<CheckResult> results = CpuCheck.ofRunningJvm().run();

    assertThat(results.get(0).detail()).isEqualTo(CpuFeatures.current().describe());
    if (ConvolutionGuard.avx512ConvolutionsPossible()) {
      assertThat(results.get(1).detail()).contains("convolution input gradients");
    }
  }

  @Test
  void javaOlderThan17Fails() {
    List<CheckResult> results =
        new JavaVersionCheck(Runtime.Version.parse("11.0.2"), "Acme", true, true).run();

    assertThat(results.get(0).status()).isEqualTo(CheckStatus.FAIL);
    assertThat(results.get(0).detail()).contains("Java 11.0.2 (Acme)").contains("17 or newer");
    assertThat(results.get(0).fix()).contains("JDK 17");
  }

  @Test
  void java17PassesAndAJreWithoutToolsWarns() {
    List<CheckResult> results =
        new JavaVersionCheck(Runtime.Version.parse("17.0.15"), "Acme", false, false).run();

    assertThat(results.get(0).status()).isEqualTo(CheckStatus.OK);
    assertThat(results.get(1).status()).isEqualTo(CheckStatus.WARN);
    assertThat(results.get(1).detail()).contains("javac and jshell");
    assertThat(results.get(1).fix()).contains("full JDK");
  }

  @Test
  void theRealEngineStartsOfflineFromTheNativeJar() {
    List<CheckResult> results = EngineCheck.ofRunningJvm().run();

    assertThat(results).extracting(CheckResult::status).containsOnly(CheckStatus.OK);
    assertThat(results.get(0).detail()).startsWith("PyTorch 2.7.1").endsWith("offline");
    assertThat(results.get(1).detail())
        .contains("pytorch-native-cpu")
        .contains("jar on the class path")
        .contains("loaded from");
  }

  @Test
  void anEngineThatCannotLoadFailsWithAFixForItsSource() {
    NativeLibrarySource download =
        new NativeLibrarySource(NativeLibrarySource.Kind.DOWNLOAD, "no native jar");
    EngineCheck check =
        new EngineCheck(
            () -> {
              throw new EngineException(
                  "Failed to load PyTorch native library", new IllegalStateException("offline"));
            },
            () -> download,
            Optional::empty);

    List<CheckResult> results = check.run();

    assertThat(results).extracting(CheckResult::status).containsOnly(CheckStatus.FAIL);
    assertThat(results.get(0).detail())
        .isEqualTo("PyTorch did not start: Failed to load PyTorch native library: offline");
    assertThat(results.get(0).fix()).contains("METART_ALLOW_DOWNLOADS=1").contains("pytorch-native-cpu");
    assertThat(EngineCheck.fixFor(new NativeLibrarySource(NativeLibrarySource.Kind.OVERRIDE, "x")))
        .contains("PYTORCH_LIBRARY_PATH");
    assertThat(EngineCheck.fixFor(new NativeLibrarySource(NativeLibrarySource.Kind.NATIVE_JAR, "x")))
        .contains("classifier");
  }

  @Test
  void nativesAreFoundInDjlsOrder() throws IOException {
    ClassLoader empty = new URLClassLoader(new URL[0], null);
    assertThat(NativeLibrarySource.find(name -> null, empty).kind())
        .isEqualTo(NativeLibrarySource.Kind.DOWNLOAD);
    assertThat(NativeLibrarySource.find(Map.of("PYTORCH_LIBRARY_PATH", "/opt/libtorch")::get, empty))
        .isEqualTo(
            new NativeLibrarySource(
                NativeLibrarySource.Kind.OVERRIDE, "PYTORCH_LIBRARY_PATH=/opt/libtorch"));

    Path lib = Files.createDirectories(dir.resolve("native/lib"));
    Files.writeString(lib.resolve("pytorch.properties"), "version=2.7.1-20250812\nflavor=cu124\n");
    try (URLClassLoader withJar = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
      NativeLibrarySource source = NativeLibrarySource.find(name -> null, withJar);
      assertThat(source.kind()).isEqualTo(NativeLibrarySource.Kind.NATIVE_JAR);
      assertThat(source.description()).startsWith("pytorch-native-cu124 2.7.1-20250812 jar");
    }
    Files.writeString(lib.resolve("pytorch.properties"), "placeholder=true\n");
    try (URLClassLoader placeholder = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
      assertThat(NativeLibrarySource.find(name -> null, placeholder).kind())
          .isEqualTo(NativeLibrarySource.Kind.DOWNLOAD);
    }
  }

  @Test
  void gpusAndCudaNotes() {
    GpuCheck.CudaFacts none = new GpuCheck.CudaFacts(0, false, Optional.empty(), List.of());
    GpuCheck.CudaFacts runtimeOnly = new GpuCheck.CudaFacts(0, false, Optional.of("13.0"), List.of());
    GpuCheck.CudaFacts cpuBuildOnGpuMachine =
        new GpuCheck.CudaFacts(0, true, Optional.of("12.4"), List.of());
    GpuCheck.CudaFacts twoGpus =
        new GpuCheck.CudaFacts(
            2, true, Optional.of("12.4"), List.of("gpu(0) compute capability 86", "gpu(1) compute capability 86"));

    assertThat(only(new GpuCheck(() -> none).run()).detail()).contains("runs on the CPU");
    assertThat(only(new GpuCheck(() -> runtimeOnly).run()))
        .satisfies(r -> assertThat(r.status()).isEqualTo(CheckStatus.OK))
        .satisfies(r -> assertThat(r.detail()).contains("CUDA runtime 13.0").contains("harmless"));
    CheckResult warn = only(new GpuCheck(() -> cpuBuildOnGpuMachine).run());
    assertThat(warn.status()).isEqualTo(CheckStatus.WARN);
    assertThat(warn.fix()).contains("METART_GPU=1 METART_ALLOW_DOWNLOADS=1");
    assertThat(only(new GpuCheck(() -> twoGpus).run()).detail())
        .startsWith("2 GPUs: gpu(0) compute capability 86; gpu(1)")
        .endsWith("(CUDA runtime 12.4)");
  }

  @Test
  void diskSpaceLimits() {
    assertThat(only(new DiskSpaceCheck(dir, 0, 0).run()).status()).isEqualTo(CheckStatus.OK);
    CheckResult warn = only(new DiskSpaceCheck(dir, 0, Long.MAX_VALUE).run());
    assertThat(warn.status()).isEqualTo(CheckStatus.WARN);
    assertThat(warn.fix()).contains("MetObjects.csv");
    CheckResult fail = only(new DiskSpaceCheck(dir.resolve("not/yet"), Long.MAX_VALUE, Long.MAX_VALUE).run());
    assertThat(fail.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(fail.detail()).startsWith(dir.toString()).contains("free");
    assertThat(fail.fix()).contains("--dir");
  }

  @Test
  void outputFolderMustBeWritable() throws IOException {
    Path file = Files.writeString(dir.resolve("a-file"), "x");

    assertThat(only(new OutputDirectoryCheck(dir).run()).detail()).endsWith("is writable");
    assertThat(only(new OutputDirectoryCheck(dir.resolve("new/out")).run()).detail())
        .contains("will be created");
    CheckResult fail = only(new OutputDirectoryCheck(file.resolve("out")).run());
    assertThat(fail.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(fail.detail()).isEqualTo(file + " is a file, not a folder");
    assertThat(dir).isDirectoryNotContaining(p -> p.getFileName().toString().startsWith(".metart-doctor"));
  }

  @Test
  void djlCacheIsWritableAndListsExtractedBuilds() throws IOException {
    Path cache = dir.resolve("djl");
    Path build = Files.createDirectories(cache.resolve("pytorch/2.7.1-20250812-cpu-linux-x86_64"));
    Files.write(build.resolve(System.mapLibraryName("torch")), new byte[2048]);

    CheckResult ok = only(new DjlCacheCheck(cache, "DJL_CACHE_DIR", cache).run());

    assertThat(ok.status()).isEqualTo(CheckStatus.OK);
    assertThat(ok.detail())
        .isEqualTo(cache + " (DJL_CACHE_DIR): writable, 2.0 KiB; PyTorch builds: 2.7.1-20250812-cpu-linux-x86_64");
  }

  @Test
  void aDjlCacheThatCannotBeWrittenFails() throws IOException {
    Path file = Files.writeString(dir.resolve("djl"), "not a folder");

    CheckResult fail = only(new DjlCacheCheck(file.resolve("cache"), "DJL_CACHE_DIR", file).run());

    assertThat(fail.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(fail.fix()).contains("DJL_CACHE_DIR");
  }

  @Test
  void chartsRenderHeadless() {
    CheckResult result = only(new ChartsCheck().run());

    assertThat(result.status()).isEqualTo(CheckStatus.OK);
    assertThat(result.detail()).contains("headless");
  }

  @Test
  void aCheckThatCrashesCountsAsFailed() {
    PreflightCheck crashing =
        () -> {
          throw new IllegalStateException("boom");
        };

    DoctorReport report =
        Doctor.run(List.of(() -> List.of(CheckResult.ok("first", "fine")), crashing));

    assertThat(report.results()).hasSize(2);
    assertThat(report.failed()).isTrue();
    assertThat(report.results().get(1).detail()).contains("boom");
  }

  @Test
  void theReportAlignsLinesAndPutsAFixUnderEveryProblem() {
    DoctorReport report =
        new DoctorReport(
            List.of(
                CheckResult.ok("java", "Java 17"),
                CheckResult.warn("disk", "3.0 GiB free", "free space"),
                CheckResult.fail("djl cache", "not writable", "set DJL_CACHE_DIR")));

    assertThat(report.format().lines())
        .containsExactly(
            "OK    java       Java 17",
            "WARN  disk       3.0 GiB free",
            "                 fix: free space",
            "FAIL  djl cache  not writable",
            "                 fix: set DJL_CACHE_DIR",
            "doctor: 3 checks: 1 OK, 1 WARN, 1 FAIL");
    assertThat(report.failures()).containsExactly("djl cache");
  }

  @Test
  void bytesForPeople() {
    assertThat(Bytes.format(512)).isEqualTo("512 B");
    assertThat(Bytes.format(3 * Bytes.MIB + Bytes.MIB / 2)).isEqualTo("3.5 MiB");
    assertThat(Bytes.format(5 * Bytes.GIB)).isEqualTo("5.0 GiB");
  }
}
