/**
 * A model as one folder on disk: {@code spec.json} (what the model is), {@code model.json}
 * (format, versions, parameter count) and {@code weights-NNNN.params} (DJL's parameter format).
 */
package io.github.metart.models.io;
