/**
 * Images: where they come from ({@link io.github.metart.data.images.ImageSource}), decoding
 * anything the Met serves into correct sRGB pixels ({@link io.github.metart.data.images.ImageDecoder})
 * and the one preprocessing recipe shared by the prepared cache and a model's predictor ({@link
 * io.github.metart.data.images.ImageRecipe}, {@link io.github.metart.data.images.ImagePreprocessor}).
 */
package io.github.metart.data.images;
