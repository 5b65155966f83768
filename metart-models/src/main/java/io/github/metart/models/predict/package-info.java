/**
 * Prediction from image files, bytes or {@link java.awt.image.BufferedImage}s: {@link
 * io.github.metart.models.predict.Predictor} decodes and preprocesses an image exactly as the
 * prepared training cache does ({@link io.github.metart.data.images.ImagePreprocessor}, with the
 * model's recorded {@link io.github.metart.models.predict.Preprocessing}) and returns the top
 * classes with their probabilities, or a year.
 */
package io.github.metart.models.predict;
