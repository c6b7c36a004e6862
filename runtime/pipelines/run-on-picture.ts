// `nn run FILE --pipeline NAME --image PICTURE`: a pipeline run on a
// picture with the trained weights of the models it applies. The picture
// is resized to the pipeline's input when that has a fixed size; prompts
// (SAM's points and box) become the pipeline's other inputs; the results
// are written as JSON (boxes in the picture's pixels with class and score;
// masks as PNG files beside it) and as an SVG picture of them over the image.

import { msg } from '../../core/i18n/message.js';
import { mkdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { Host } from '../../core/host.js';
import { type Dim, isConst } from '../../core/shapes/dim.js';
import { DataError } from '../data/dataset.js';
import { encodeSamPrompt, type PromptBox, type PromptPoint } from '../data/sam-prompts.js';
import { writeFileAtomically } from '../files/atomic-files.js';
import { encodePng } from '../images/png.js';
import type { Tensor, TF } from '../tf-types.js';
import { pipelineClassNames } from './class-names.js';
import { loadPipelineModels } from './load-pipeline-models.js';
import { pipelinePicture } from './pipeline-picture.js';
import { type PipelineResults, readResults } from './pipeline-results.js';
import { pictureTensor, readPicture } from './read-picture.js';
import { runPipeline } from './run-pipeline.js';
import { describePipeline, PipelineError, tracePipeline } from './trace-pipeline.js';

export interface PictureRunRequest {
  /** the .nn file, absolute, and as the user wrote it */
  file: string;
  shownFile: string;
  host: Host;
  pipeline: string;
  /** the picture, relative to `cwd` */
  image: string;
  cwd: string;
  /** where the results go (created when missing) */
  outDir: string;
  /** a checkpoint, run or runs folder, instead of the file's runs */
  checkpoints?: string;
  /** prompts in the picture's pixels: x, y and label (1 foreground, 0 background) */
  points: PromptPoint[];
  box?: PromptBox;
}

export interface PictureRunResult {
  results: PipelineResults;
  /** the files written: the JSON first, then the picture, then any masks */
  written: string[];
  /** the checkpoint each model's weights came from */
  weightsFrom: Record<string, string>;
  warnings: string[];
}

export async function runOnPicture(tf: TF, request: PictureRunRequest): Promise<PictureRunResult> {
  const { inputs, program } = describePipeline(request.file, request.host, request.pipeline);
  const [imageInput, ...promptInputs] = inputs;
  if (!imageInput || imageInput.shape.length !== 4 || imageInput.shape[3] !== 3) {
    throw new PipelineError(msg`${request.pipeline} does not take an image [1, H, W, 3] as its first input, so it cannot run on a picture`);
  }
  const prompted = request.points.length > 0 || request.box !== undefined;
  if (prompted && promptInputs.length === 0) throw new PipelineError(msg`${request.pipeline} takes no prompts (its only input is ${imageInput.name}): leave out --point and --box`);
  const picture = readPicture(tf, request.cwd, request.image);
  // a fixed input size: the picture resized to it; an open one (H, W): the picture's own
  const size = { width: fixedOr(imageInput.shape[2]!, picture.width), height: fixedOr(imageInput.shape[1]!, picture.height) };
  const sizes = { from: size, to: { width: picture.width, height: picture.height } };
  const tensors: Tensor[] = [pictureTensor(tf, picture, size.height, size.width)];
  try {
    if (promptInputs.length > 0) tensors.push(...promptTensors(tf, request, promptInputs, sizes));
    const graph = tracePipeline(request.file, request.host, { pipeline: request.pipeline, inputShapes: tensors.map((t) => t.shape) });
    const loaded = await loadPipelineModels(tf, { file: request.file, shownFile: request.shownFile, host: request.host, graph, ...(request.checkpoints !== undefined ? { checkpoints: request.checkpoints } : {}) });
    try {
      const outputs = runPipeline(tf, graph, tensors, loaded.models);
      const results = readResults(tf, outputs, sizes, pipelineClassNames(program, graph));
      tf.dispose(outputs.map((o) => o.tensor));
      const written = writeResults(request, picture, results, loaded.weightsFrom);
      return { results, written, weightsFrom: loaded.weightsFrom, warnings: loaded.warnings };
    } finally {
      for (const model of Object.values(loaded.models)) model.dispose();
    }
  } finally {
    tf.dispose(tensors);
  }
}

const fixedOr = (d: Dim, own: number): number => (isConst(d) ? d : own);

/**
 * SAM's prompt inputs after the image, each a batch of one: points, labels,
 * boxes, mask, text (runtime/data/sam-prompts.ts), sized as the pipeline
 * declares them; points and box mapped from the picture's pixels to the
 * pipeline's input.
 */
function promptTensors(tf: TF, request: PictureRunRequest, declared: { name: string; shape: Dim[] }[], sizes: { from: { width: number; height: number }; to: { width: number; height: number } }): Tensor[] {
  if (declared.length !== 5) throw new PipelineError(msg`${request.pipeline} takes ${declared.length + 1} inputs; prompts from the command line fit SAM's six (image, points, labels, boxes, mask, text)`);
  const [points, , , mask, text] = declared as [{ shape: Dim[] }, unknown, unknown, { shape: Dim[] }, { shape: Dim[] }];
  const fixed = (d: Dim | undefined, what: string): number => {
    if (d === undefined || !isConst(d)) throw new PipelineError(msg`${request.pipeline}'s ${what} must have a fixed size to take prompts from the command line`);
    return d;
  };
  // point slots: as the pipeline declares them, or (an open N) one per point given, at least one
  const slots = points.shape[1] !== undefined && isConst(points.shape[1]) ? points.shape[1] : Math.max(1, request.points.length);
  const maskSize = fixed(mask.shape[1], 'mask input');
  const textDim = fixed(text.shape.at(-1), 'text input');
  const sx = sizes.from.width / sizes.to.width;
  const sy = sizes.from.height / sizes.to.height;
  for (const [x, y] of request.points) {
    if (x < 0 || y < 0 || x > sizes.to.width || y > sizes.to.height) throw new DataError(msg`the point ${x},${y} is outside the picture (${sizes.to.width} x ${sizes.to.height} pixels)`);
  }
  const encoded = encodeSamPrompt(
    {
      points: request.points.map(([x, y, label]) => [x * sx, y * sy, label] as const),
      ...(request.box ? { box: [request.box[0] * sx, request.box[1] * sy, request.box[2] * sx, request.box[3] * sy] as const } : {}),
    },
    { points: slots, maskSize, textDim },
  );
  return [
    tf.tensor(encoded.points, [1, slots, 2]),
    tf.tensor(encoded.labels, [1, slots], 'int32'),
    tf.tensor(encoded.boxes, [1, 4]),
    tf.tensor(encoded.mask, [1, ...declared[3]!.shape.slice(1).map((d) => fixed(d, 'mask input'))]),
    tf.tensor(encoded.text, [1, ...declared[4]!.shape.slice(1).map((d) => fixed(d, 'text input'))]),
  ];
}

/** Writes `<picture>-<pipeline>.json`, `.svg` and each mask `-mask-<i>.png` in the out folder; returns their paths. */
function writeResults(request: PictureRunRequest, picture: { width: number; height: number; pixels: Float32Array }, results: PipelineResults, weightsFrom: Record<string, string>): string[] {
  mkdirSync(request.outDir, { recursive: true });
  const stem = `${basename(request.image, extname(request.image))}-${request.pipeline}`;
  const maskFiles = results.masks.map((m, i) => {
    const name = `${stem}-mask-${i + 1}.png`;
    writeFileAtomically(join(request.outDir, name), encodePng(picture.width, picture.height, 1, m.mask.map((v) => (v ? 255 : 0))));
    return name;
  });
  const json = {
    file: request.shownFile,
    pipeline: request.pipeline,
    image: request.image,
    size: { width: picture.width, height: picture.height },
    weights: weightsFrom,
    ...(request.points.length > 0 || request.box ? { prompts: { points: request.points, ...(request.box ? { box: request.box } : {}) } } : {}),
    ...(results.boxes.length > 0 || results.masks.length === 0 ? { detections: results.boxes.map((b) => ({ box: b.box.map(round2), ...(b.class !== undefined ? { class: b.class } : {}), ...(b.classId !== undefined ? { classId: b.classId } : {}), ...(b.score !== undefined ? { score: round4(b.score) } : {}) })) } : {}),
    masks: results.masks.map((m, i) => ({ file: maskFiles[i]!, area: m.area, ...(m.score !== undefined ? { score: round4(m.score) } : {}) })),
    ...(results.other.length > 0 ? { outputs: Object.fromEntries(results.other.map((o) => [o.name, { shape: o.shape, values: o.values }])) } : {}),
  };
  const what = results.masks.length > 0 ? `${results.masks.length} mask${results.masks.length === 1 ? '' : 's'}` : `${results.boxes.length} detection${results.boxes.length === 1 ? '' : 's'}`;
  const svg = pipelinePicture(picture, results, `${request.pipeline} on ${basename(request.image)}: ${what}`, { points: request.points, ...(request.box ? { box: request.box } : {}) });
  const jsonPath = join(request.outDir, `${stem}.json`);
  const svgPath = join(request.outDir, `${stem}.svg`);
  writeFileAtomically(jsonPath, `${JSON.stringify(json, null, 2)}\n`);
  writeFileAtomically(svgPath, svg);
  return [jsonPath, svgPath, ...maskFiles.map((f) => join(request.outDir, f))];
}

const round2 = (v: number): number => Math.round(v * 100) / 100;
const round4 = (v: number): number => Math.round(v * 10000) / 10000;
