// The picture a pipeline runs on: a PNG, JPEG, GIF or BMP file decoded by
// tfjs-node (tf.node.decodeImage) to 3 channels (grey repeated, alpha
// dropped), values scaled to [0, 1]. Kept at its own size for drawing, and
// resized bilinearly to what the pipeline's input takes.

import { msg } from '../../core/i18n/message.js';
import { DataError } from '../data/dataset.js';
import { dataFile, readBytes } from '../data/files.js';
import type { Tensor, Tensor3D, TF } from '../tf-types.js';

/** An RGB picture at its own size: `pixels` [height, width, 3] in [0, 1]. */
export interface Picture {
  width: number;
  height: number;
  pixels: Float32Array;
}

type DecodeImage = (contents: Uint8Array, channels?: number) => Tensor;

/** Reads and decodes the picture `path` (relative to `cwd`); a file that is not an image is a DataError naming it. */
export function readPicture(tf: TF, cwd: string, path: string): Picture {
  const decode = (tf as { node?: { decodeImage?: DecodeImage } }).node?.decodeImage;
  if (!decode) throw new DataError(msg`reading ${path} needs the native backend (@tensorflow/tfjs-node), which is not loaded; \`nn doctor\` says why`);
  const bytes = readBytes(dataFile(cwd, path));
  let image: Tensor;
  try {
    image = decode(bytes, 3); // [H, W, 3], 0..255
  } catch (e) {
    throw new DataError(msg`${path}: cannot be decoded as a PNG, JPEG, GIF or BMP image (${(e as Error).message.split('\n')[0]!.trim()})`);
  }
  const [height, width] = image.shape as [number, number, number];
  const scaled = tf.tidy(() => tf.div(tf.cast(image, 'float32'), 255));
  const pixels = Float32Array.from(scaled.dataSync());
  tf.dispose([image, scaled]);
  if (width === 0 || height === 0) throw new DataError(msg`${path}: the image is empty (${width} x ${height} pixels)`);
  return { width, height, pixels };
}

/** The picture as a batch of one [1, height, width, 3], resized bilinearly to `height` x `width` when it is not that size. */
export function pictureTensor(tf: TF, picture: Picture, height: number, width: number): Tensor {
  return tf.tidy(() => {
    const image = tf.tensor3d(picture.pixels, [picture.height, picture.width, 3]) as Tensor3D;
    const sized = picture.height === height && picture.width === width ? image : tf.image.resizeBilinear(image, [height, width], false, true);
    return tf.expandDims(sized, 0); // [1, height, width, 3]
  });
}
