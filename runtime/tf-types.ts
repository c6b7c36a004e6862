// The TensorFlow.js API as the runtime uses it. The module itself is loaded
// at run time (native, GPU or pure-JS backend) and passed in; this file only
// names its types.

export type TF = typeof import('@tensorflow/tfjs');
export type Tensor = import('@tensorflow/tfjs').Tensor;
export type SymbolicTensor = import('@tensorflow/tfjs').SymbolicTensor;
export type LayersModel = import('@tensorflow/tfjs').LayersModel;
export type LayerVariable = import('@tensorflow/tfjs').LayerVariable;
export type Tensor3D = import('@tensorflow/tfjs').Tensor3D;
