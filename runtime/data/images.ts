// images(path, size, split): a folder with one sub-folder per class,
//
//   shapes/circle/001.png  shapes/circle/002.jpg  shapes/square/001.png ...
//
// The sub-folders' names, sorted, are the classes (circle = 0, square = 1).
// Every PNG and JPEG in them is decoded by tfjs-node (tf.node.decodeImage)
// to 3 channels (grey is repeated, alpha dropped), resized bilinearly to
// `size` = [height, width] and scaled to [0, 1]: examples [height, width, 3].
// Other files, and hidden folders, are left out. The examples are shuffled
// once with a fixed seed, as mnist's are: the split mixes the classes, and
// the test set is the same in every run.

import { msg } from '../../core/i18n/message.js';
import { readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { Random } from '../random.js';
import type { Tensor, Tensor3D, TF } from '../tf-types.js';
import { DataError, type RawData } from './dataset.js';
import { type DataFile, expectFolder, readBytes, readProblem } from './files.js';

export interface ImagesOptions {
  folder: DataFile;
  /** [height, width] */
  size: [number, number];
  split: number;
  tf?: TF;
}

/** tfjs-node's image decoder, which the pure-JavaScript tfjs lacks. */
type DecodeImage = (contents: Uint8Array, channels?: number) => Tensor;

const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg']);
const SHUFFLE_SEED = 20_240_611;

export function loadImages(o: ImagesOptions): RawData {
  const { tf, decode } = imageDecoder(o.tf, o.folder.shown);
  const classNames = classFolders(o.folder);
  const files = imageFiles(o.folder, classNames);
  const order = new Random(SHUFFLE_SEED).permutation(files.length);
  const [height, width] = o.size;
  const per = height * width * 3;
  const pixels = new Float32Array(files.length * per);
  const labels = new Int32Array(files.length);
  order.forEach((index, k) => {
    const file = files[index]!;
    pixels.set(decodeResized(tf, decode, file, o.size), k * per);
    labels[k] = file.label;
  });
  return {
    description: `images: ${o.folder.shown}, ${files.length.toLocaleString('en-US')} images of ${classNames.length} class${classNames.length === 1 ? '' : 'es'} (${classNames.join(', ')}) at ${height}x${width}`,
    inputs: [{ values: pixels, shape: [height, width, 3], dtype: 'float32' }],
    target: { values: labels, shape: [], dtype: 'int32' },
    count: files.length,
    classes: classNames.length,
    classNames,
    split: o.split,
  };
}

function imageDecoder(tf: TF | undefined, shown: string): { tf: TF; decode: DecodeImage } {
  const decode = (tf as { node?: { decodeImage?: DecodeImage } } | undefined)?.node?.decodeImage;
  if (!tf || !decode) throw new DataError(msg`images(path: "${shown}") decodes PNG and JPEG files with the native backend (@tensorflow/tfjs-node), which is not loaded; \`nn doctor\` says why`);
  return { tf, decode };
}

/** The names of the class sub-folders, sorted: class id i is the i-th. */
export function classFolders(folder: DataFile): string[] {
  expectFolder(folder);
  const entries = readdirSync(folder.path, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name);
  if (names.length > 0) return names.sort();
  const loose = entries.filter((e) => e.isFile() && isImage(e.name)).length;
  if (loose > 0) throw new DataError(msg`${folder.shown}: has ${loose === 1 ? msg`${loose} image` : msg`${loose} images`} but no class sub-folders; put each class's images in a sub-folder named after the class`);
  throw new DataError(msg`${folder.shown}: is empty: no class sub-folders (one per class, holding its PNG and JPEG images)`);
}

interface ImageFile extends DataFile {
  label: number;
}

/** Every image of every class, class by class, in sorted order. */
function imageFiles(folder: DataFile, classNames: string[]): ImageFile[] {
  return classNames.flatMap((name, label) => {
    const sub = { shown: join(folder.shown, name), path: join(folder.path, name) };
    let files: string[];
    try {
      files = readdirSync(sub.path).filter(isImage).sort();
    } catch (e) {
      throw new DataError(msg`${sub.shown}: ${readProblem(e, sub)}`);
    }
    if (files.length === 0) throw new DataError(msg`${sub.shown}: the class folder '${name}' has no PNG or JPEG images`);
    return files.map((f) => ({ shown: join(sub.shown, f), path: join(sub.path, f), label }));
  });
}

const isImage = (name: string): boolean => IMAGE_EXTENSIONS.has(extname(name).toLowerCase());

/** One image as [height, width, 3] values in [0, 1]. */
function decodeResized(tf: TF, decode: DecodeImage, file: DataFile, [height, width]: [number, number]): Float32Array {
  const bytes = readBytes(file);
  const resized = tf.tidy(() => {
    let image: Tensor;
    try {
      image = decode(bytes, 3);
    } catch (e) {
      throw new DataError(msg`${file.shown}: cannot be decoded as a PNG or JPEG image (${firstLine((e as Error).message)})`);
    }
    return tf.div(tf.image.resizeBilinear(image as Tensor3D, [height, width]), 255);
  });
  const values = resized.dataSync() as Float32Array;
  resized.dispose();
  return values;
}

const firstLine = (text: string): string => text.split('\n')[0]!.trim();
