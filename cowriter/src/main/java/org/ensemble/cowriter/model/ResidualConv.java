package org.ensemble.cowriter.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One residual block: x + conv(relu(batchnorm(x))), the convolution of kernel 3 along time with a
 * dilation, so that a stack of blocks with growing dilations sees several bars on each side.
 */
final class ResidualConv extends AbstractBlock {
  private static final byte VERSION = 1;

  private final Block norm;
  private final Block conv;

  ResidualConv(int channels, int dilation) {
    super(VERSION);
    norm = addChildBlock("norm", BatchNorm.builder().build());
    conv = addChildBlock("conv", TimeConv.of(channels, 3, dilation));
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    NDArray h = norm.forward(store, inputs, training).singletonOrThrow();
    h = conv.forward(store, new NDList(Activation.relu(h)), training).singletonOrThrow();
    return new NDList(x.add(h));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return inputShapes;
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    norm.initialize(manager, dataType, inputShapes);
    conv.initialize(manager, dataType, inputShapes);
  }
}
