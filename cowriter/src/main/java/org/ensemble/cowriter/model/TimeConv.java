package org.ensemble.cowriter.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;

/**
 * A convolution along time only, over arrays laid out (batch, channels, 1, steps).
 *
 * <p>Why two-dimensional with a dilation of 2 over a height of 1 (which changes nothing in the
 * result): PyTorch 2.7 on one thread sends undilated convolutions of small batches to its NNPACK
 * check, which fails on this CPU and logs a warning on every call; a dilated convolution goes to
 * oneDNN (MKLDNN) instead. DJL offers no switch for NNPACK.
 */
final class TimeConv {
  private TimeConv() {}

  static Block of(int filters, int kernel, int dilation) {
    return Conv2d.builder()
        .setKernelShape(new Shape(1, kernel))
        .setFilters(filters)
        .optDilation(new Shape(2, dilation))
        .optPadding(new Shape(0, dilation * (kernel - 1) / 2))
        .build();
  }
}
