// `nn run FILE --pipeline NAME --image PICTURE [--point X,Y[,LABEL] ...]
// [--box X0,Y0,X1,Y1] [--out DIR] [--checkpoints DIR]`: a pipeline of the
// file run on a picture with its models' trained weights; the results are
// written as JSON and as an SVG picture (masks also as PNG), and the
// command says where.

import { msg } from '../core/i18n/message.js';
import { relative, resolve } from 'node:path';
import { loadTensorflow } from '../runtime/backend.js';
import type { PromptBox, PromptPoint } from '../runtime/data/sam-prompts.js';
import { PromptError } from '../runtime/data/sam-prompts.js';
import { NoWeightsError } from '../runtime/pipelines/load-pipeline-models.js';
import { runOnPicture } from '../runtime/pipelines/run-on-picture.js';
import { PipelineError } from '../runtime/pipelines/trace-pipeline.js';
import type { TF } from '../runtime/tf-types.js';
import type { ParsedArgs } from './args.js';
import { reportFailure } from './failure-message.js';
import { EXIT, type Io } from './io.js';
import { nodeHost } from './node-host.js';

/** Runs the pipeline `args` name; `usage` reports a mistake in the arguments. */
export async function runPipelineCommand(args: ParsedArgs, io: Io, usage: (message: string) => number): Promise<number> {
  const pipeline = args.options.get('pipeline')![0]!;
  const image = args.options.get('image')?.[0];
  if (image === undefined) return usage(msg`--image PICTURE is required with --pipeline`);
  for (const option of ['input', 'model', 'size']) if (args.options.has(option)) return usage(msg`--${option} is for models; a pipeline takes --image`);
  const points: PromptPoint[] = [];
  for (const text of args.options.get('point') ?? []) {
    const point = parsePoint(text);
    if (typeof point === 'string') return usage(point);
    points.push(point);
  }
  const boxText = args.options.get('box')?.[0];
  const box = boxText === undefined ? undefined : parseBox(boxText);
  if (typeof box === 'string') return usage(box);
  const outs = args.options.get('out') ?? [];
  if (outs.length > 1) return usage(msg`--out DIR is given twice: a pipeline writes its files in one folder`);
  const checkpoints = args.options.get('checkpoints')?.[0];
  const shownFile = args.positional[0]!;

  const loaded = await loadTensorflow({ device: 'auto', stderr: io.stderr });
  const tf = loaded.tf as unknown as TF;
  const outDir = resolve(io.cwd, outs[0] ?? '.');
  try {
    const run = await runOnPicture(tf, {
      file: resolve(io.cwd, shownFile),
      shownFile,
      host: nodeHost,
      pipeline,
      image,
      cwd: io.cwd,
      outDir,
      ...(checkpoints !== undefined ? { checkpoints: resolve(io.cwd, checkpoints) } : {}),
      points,
      ...(box ? { box } : {}),
    });
    for (const warning of run.warnings) io.stderr.write(`nn: warning: ${warning}\n`);
    const found = run.results.masks.length > 0 ? masksFound(run.results.masks.length) : detectionsFound(run.results.boxes.length);
    io.stdout.write(`${pipeline}: ${found}\n${run.written.map((path) => `  ${shown(io.cwd, path)}\n`).join('')}`);
    return EXIT.ok;
  } catch (e) {
    if (e instanceof PipelineError) {
      io.stderr.write(`nn: ${e.message}\n${e.diagnostics.map((d) => `  ${d.message}\n`).join('')}`);
      return e.diagnostics.length > 0 ? EXIT.problems : EXIT.usage;
    }
    if (e instanceof NoWeightsError || e instanceof PromptError) {
      io.stderr.write(`nn: ${e.message}\n`);
      return EXIT.usage;
    }
    // a bad picture, a damaged checkpoint, a full disk, a read-only folder: one line naming the place
    return reportFailure(io, e, outDir);
  }
}

/** `x,y` (a foreground point) or `x,y,label` with label 1 (foreground) or 0 (background). */
function parsePoint(text: string): PromptPoint | string {
  const parts = numbers(text);
  if (!parts || (parts.length !== 2 && parts.length !== 3)) return msg`--point takes x,y or x,y,label (pixels of the picture; label 1 foreground, 0 background), not '${text}'`;
  const label = parts[2] ?? 1;
  if (label !== 0 && label !== 1) return msg`--point ${text}: the label is 1 (foreground) or 0 (background), not ${label}`;
  return [parts[0]!, parts[1]!, label];
}

/** `x0,y0,x1,y1` with x0 < x1 and y0 < y1. */
function parseBox(text: string): PromptBox | string {
  const parts = numbers(text);
  if (!parts || parts.length !== 4) return msg`--box takes x0,y0,x1,y1 (pixels of the picture), not '${text}'`;
  const [x0, y0, x1, y1] = parts as [number, number, number, number];
  if (!(x0 < x1 && y0 < y1)) return msg`--box ${text}: x0 must be less than x1 and y0 less than y1`;
  return [x0, y0, x1, y1];
}

const masksFound = (n: number): string => (n === 1 ? msg`${n} mask` : msg`${n} masks`);
const detectionsFound = (n: number): string => (n === 1 ? msg`${n} detection` : msg`${n} detections`);

function numbers(text: string): number[] | undefined {
  const parts = text.split(',').map((p) => p.trim());
  if (parts.some((p) => p === '' || !Number.isFinite(Number(p)))) return undefined;
  return parts.map(Number);
}

/** A path as short as it reads well: relative to the working folder when inside it. */
function shown(cwd: string, path: string): string {
  const r = relative(cwd, path);
  return r.startsWith('..') ? path : r;
}
