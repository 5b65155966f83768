package io.github.metart.examples.demo;

/** The file format of the generated images. */
enum DemoImageFormat {
  /** Baseline JPEG (quality 0.92), the format the Met serves; files end in {@code .jpg}. */
  JPEG("jpg", "jpeg"),
  /** Lossless PNG; files end in {@code .png}. */
  PNG("png", "png");

  private final String extension;
  private final String imageIoName;

  DemoImageFormat(String extension, String imageIoName) {
    this.extension = extension;
    this.imageIoName = imageIoName;
  }

  /** The file name extension, without the dot. */
  public String extension() {
    return extension;
  }

  /** The format name {@link javax.imageio.ImageIO} knows it by. */
  String imageIoName() {
    return imageIoName;
  }
}
