package io.github.metart.models.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Spec validation, names, the spatial plan and the JSON form. */
class ModelSpecTest {

  private static ModelSpec spec(Architecture architecture, int size, int stem) {
    Family family = architecture.family();
    return new ModelSpec(
        architecture,
        3,
        size,
        family.defaultBatchNorm(),
        family.defaultHiddenUnits(),
        family.defaultDropout(),
        stem,
        32,
        HeadSpec.classifier(2));
  }

  @Test
  void referenceSpecsUseThePublishedKnobs() {
    ModelSpec vgg = ModelSpec.reference(Architecture.VGG16, HeadSpec.classifier(1000));
    ModelSpec resnet = ModelSpec.reference(Architecture.RESNET50, HeadSpec.classifier(1000));

    assertThat(vgg.hiddenUnits()).isEqualTo(4096);
    assertThat(vgg.dropout()).isEqualTo(0.5);
    assertThat(vgg.batchNorm()).isFalse();
    assertThat(resnet.hiddenUnits()).isZero();
    assertThat(resnet.batchNorm()).isTrue();
    assertThat(vgg.inputSize()).isEqualTo(224);
  }

  @Test
  void namesSayWhenBatchNormDiffersFromTheReference() {
    ModelSpec vgg = ModelSpec.reference(Architecture.VGG16, HeadSpec.classifier(2));
    ModelSpec vggBn =
        new ModelSpec(Architecture.VGG16, 3, 224, true, 4096, 0.5, 0, 32, HeadSpec.classifier(2));
    ModelSpec resnetNoBn =
        new ModelSpec(Architecture.RESNET18, 3, 224, false, 0, 0, 0, 32, HeadSpec.classifier(2));

    assertThat(vgg.name()).isEqualTo("vgg16");
    assertThat(vggBn.name()).isEqualTo("vgg16_bn");
    assertThat(resnetNoBn.name()).isEqualTo("resnet18_nobn");
  }

  @Test
  void architectureIdsRoundTrip() {
    for (Architecture architecture : Architecture.values()) {
      assertThat(Architecture.fromId(architecture.id())).isEqualTo(architecture);
    }
    assertThat(Architecture.of(Family.VGG, 19)).isEqualTo(Architecture.VGG19);
    assertThat(Architecture.depths(Family.RESNET)).containsExactly(18, 34, 50, 101, 152);
    assertThatThrownBy(() -> Architecture.fromId("vgg12"))
        .hasMessage(
            "unknown architecture 'vgg12'; expected one of alexnet, vgg11, vgg13, vgg16, vgg19,"
                + " resnet18, resnet34, resnet50, resnet101, resnet152");
    assertThatThrownBy(() -> Architecture.of(Family.RESNET, 20))
        .hasMessage("resnet depth must be one of [18, 34, 50, 101, 152], got 20");
  }

  @Test
  void minimumInputSizesFollowTheDownsampling() {
    assertThat(SpatialPlan.minimumInputSize(Architecture.ALEXNET, 0)).isEqualTo(63);
    assertThat(SpatialPlan.minimumInputSize(Architecture.VGG16, 0)).isEqualTo(32);
    assertThat(SpatialPlan.minimumInputSize(Architecture.RESNET50, 0)).isEqualTo(1);
    assertThat(SpatialPlan.featureMapSize(Architecture.ALEXNET, 0, 224)).isEqualTo(6);
    assertThat(SpatialPlan.featureMapSize(Architecture.VGG16, 0, 224)).isEqualTo(7);
    assertThat(SpatialPlan.featureMapSize(Architecture.RESNET18, 0, 224)).isEqualTo(7);
    assertThat(SpatialPlan.featureMapSize(Architecture.RESNET18, 1, 448)).isEqualTo(7);
    assertThat(SpatialPlan.featureMapSize(Architecture.ALEXNET, 0, 64)).isEqualTo(1);
  }

  @Test
  void inputsTooSmallForTheArchitectureAreRejectedWithTheMinimum() {
    assertThatThrownBy(() -> spec(Architecture.ALEXNET, 48, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("alexnet needs inputs of at least 63 px, got inputSize 48");
    assertThatThrownBy(() -> spec(Architecture.ALEXNET, 112, 1))
        .hasMessage("alexnet with 1 stem layer needs inputs of at least 125 px, got inputSize 112");
    assertThatThrownBy(() -> spec(Architecture.VGG11, 64, 2))
        .hasMessage("vgg11 with 2 stem layers needs inputs of at least 125 px, got inputSize 64");
    assertThat(spec(Architecture.ALEXNET, 64, 0).inputSize()).isEqualTo(64);
  }

  @Test
  void everyFieldIsValidatedWithTheAllowedRange() {
    assertThatThrownBy(
            () -> new ModelSpec(null, 3, 224, false, 4096, 0.5, 0, 32, HeadSpec.classifier(2)))
        .hasMessageStartingWith("architecture is required; one of alexnet, vgg11");
    assertThatThrownBy(
            () ->
                new ModelSpec(
                    Architecture.VGG11, 0, 224, false, 4096, 0.5, 0, 32, HeadSpec.classifier(2)))
        .hasMessage("inputChannels must be between 1 and 64, got 0");
    assertThatThrownBy(
            () ->
                new ModelSpec(
                    Architecture.VGG11, 3, 5000, false, 4096, 0.5, 0, 32, HeadSpec.classifier(2)))
        .hasMessage("inputSize must be between 32 and 4096 px, got 5000");
    assertThatThrownBy(
            () ->
                new ModelSpec(
                    Architecture.VGG11, 3, 224, false, 0, 0.5, 0, 32, HeadSpec.classifier(2)))
        .hasMessage("hiddenUnits of vgg11 must be between 1 and 65536, got 0");
    assertThatThrownBy(
            () ->
                new ModelSpec(
                    Architecture.RESNET18, 3, 224, true, -1, 0, 0, 32, HeadSpec.classifier(2)))
        .hasMessage(
            "hiddenUnits of resnet18 must be between 0 and 65536 (0: no hidden layer, as in the"
                + " reference), got -1");
    assertThatThrownBy(
            () ->
                new ModelSpec(
                    Architecture.VGG11, 3, 224, false, 4096, 0.95, 0, 32, HeadSpec.classifier(2)))
        .hasMessage("dropout must be between 0 and 0.9, got 0.95");
    assertThatThrownBy(
            () ->
                new ModelSpec(
                    Architecture.VGG11, 3, 224, false, 4096, 0.5, 5, 32, HeadSpec.classifier(2)))
        .hasMessage("stemLayers must be between 0 and 4, got 5");
    assertThatThrownBy(() -> new ModelSpec(Architecture.VGG11, 3, 224, false, 4096, 0.5, 0, 32, null))
        .hasMessage("head is required (classifier, regression or binned-year)");
  }

  @Test
  void headSpecsAreValidated() {
    assertThatThrownBy(() -> HeadSpec.classifier(1))
        .hasMessage("a classifier needs between 2 and 100000 classes, got 1");
    assertThatThrownBy(() -> HeadSpec.classifier(List.of("a", "b", "a")))
        .hasMessage("label 'a' appears twice");
    assertThatThrownBy(() -> HeadSpec.classifier(List.of("a", " ")))
        .hasMessage("label 1 is blank");
    assertThatThrownBy(() -> new HeadSpec.Classifier(3, List.of("a", "b")))
        .hasMessage("a classifier over 3 classes needs 3 labels (or none), got 2");
    assertThatThrownBy(() -> HeadSpec.regression(1900, 1900))
        .hasMessage("the year range needs minYear < maxYear, got 1900..1900");
    assertThatThrownBy(() -> HeadSpec.binnedYear(1500, 1510, 20))
        .hasMessage("bins must be between 2 and 10 (years in 1500..1510, at most 10000), got 20");
    assertThat(HeadSpec.classifier(List.of("x", "y")).label(1)).isEqualTo("y");
    assertThat(HeadSpec.classifier(3).label(2)).isEqualTo("2");
    assertThat(HeadSpec.binnedYear(1500, 1900, 16).binWidth()).isEqualTo(25.0);
  }

  @Test
  void jsonRoundTripKeepsEverything() {
    List<HeadSpec> heads =
        List.of(
            HeadSpec.classifier(List.of("Japan", "China", "Egypt")),
            HeadSpec.classifier(7),
            HeadSpec.regression(-500, 1900),
            HeadSpec.binnedYear(1500, 1900, 16),
            HeadSpec.cultureYear(HeadSpec.classifier(List.of("Japan", "China")), HeadSpec.regression(1500, 1900)),
            HeadSpec.cultureYear(HeadSpec.classifier(3), HeadSpec.binnedYear(1500, 1900, 8)));
    for (HeadSpec head : heads) {
      ModelSpec spec =
          new ModelSpec(Architecture.VGG16, 1, 448, true, 256, 0.3, 1, 24, head);

      ModelSpec back = SpecJson.fromJson(SpecJson.toJson(spec), "test");

      assertThat(back).isEqualTo(spec);
    }
  }

  @Test
  void jsonSpellsTheArchitectureAndHeadType() {
    ModelSpec spec = ModelSpec.reference(Architecture.RESNET50, HeadSpec.regression(1500, 1900));

    String json = SpecJson.toJson(spec);

    assertThat(json)
        .contains("\"architecture\" : \"resnet50\"")
        .contains("\"type\" : \"regression\"")
        .contains("\"minYear\" : 1500")
        .doesNotContain("outputUnits")
        .doesNotContain("\"name\"");
  }

  @Test
  void malformedOrInvalidJsonNamesTheSourceAndProblem() {
    String valid =
        SpecJson.toJson(ModelSpec.reference(Architecture.RESNET18, HeadSpec.classifier(3)));

    assertThatThrownBy(() -> SpecJson.fromJson(valid.replace("\"resnet18\"", "\"resnet19\""), "m/spec.json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("m/spec.json: ")
        .hasMessageContaining("unknown architecture 'resnet19'");
    assertThatThrownBy(() -> SpecJson.fromJson(valid.replace("\"dropout\" : 0.0", "\"dropout\" : 2"), "m/spec.json"))
        .hasMessageStartingWith("m/spec.json: invalid spec")
        .hasMessageEndingWith("dropout must be between 0 and 0.9, got 2.0");
    assertThatThrownBy(() -> SpecJson.fromJson(valid.replace("\"inputSize\" : 224,", ""), "m/spec.json"))
        .hasMessageStartingWith("m/spec.json: malformed spec")
        .hasMessageContaining("inputSize");
    assertThatThrownBy(() -> SpecJson.fromJson(valid.replace("{", "{ \"color\" : 1,"), "m/spec.json"))
        .hasMessageContaining("color");
    assertThatThrownBy(() -> SpecJson.fromJson("{", "m/spec.json"))
        .hasMessageStartingWith("m/spec.json: malformed spec");
  }

  @Test
  void describeListsTheKnobsThatDifferFromTheReference() {
    ModelSpec spec =
        new ModelSpec(
            Architecture.VGG16, 3, 448, true, 256, 0.3, 1, 32, HeadSpec.classifier(15));

    assertThat(spec.describe())
        .isEqualTo("vgg16_bn, 448 px, hidden 256, dropout 0.3, stem 1x32, classifier (15 classes)");
  }
}
