/**
 * Transfer learning: loading backbone weights from a file the user brings (a metart model folder, a
 * DJL parameter file, a PyTorch {@code .pth} state dict read safely, or named arrays with metart or
 * torchvision names) with strict name and shape
 * checks and a report of what was loaded, skipped and missing.
 */
package io.github.metart.models.transfer;
