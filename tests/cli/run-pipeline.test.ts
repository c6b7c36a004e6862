// `nn run --pipeline` end to end: a tiny YOLO-like model trained for one
// short epoch on shapes, its detection pipeline run on a hand-made picture
// of another size; the JSON and the SVG picture it writes, and the one-line
// messages for what a user can get wrong.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodePng } from '../../runtime/images/png.js';
import type { Tensor } from '../../runtime/tf-types.js';
import { testTf } from '../helpers/tf.js';
import { withoutNativeLogs } from '../helpers/native-logs.js';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'nn.js');
const nn = (args: string[], cwd: string) => {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });
  return { ...r, stderr: withoutNativeLogs(r.stderr) };
};

const TINY = `model TinyYolo {
  input image: [B, 64, 64, 3]
  output image
    -> Conv2D(4, 3, stride: 4, padding: 1) -> ReLU      // [B, 16, 16, 4]
    -> MaxPool2D(4, stride: 4)                          // [B, 4, 4, 4]
    -> Conv2D(13, 1) -> Sigmoid                         // [B, 4, 4, 13]: 2 boxes of 5, 3 classes
}

loss GridLoss {
  input pred: [N, 4, 4, 13]
  input truth: [N, 4, 4, 8]
  output sum(sq(pred[..., 0:8] - truth)) / N
}

train TinyYolo on shapes(count: 64, size: 64, objects: 2) {
  loss: GridLoss
  epochs: 1
  batch: 32
  seed: 4
}

pipeline TinyDetect {
  input image: [1, 64, 64, 3]
  let pred = image -> TinyYolo
  let boxes, scores = decode_yolo(pred, boxes: 2, classes: 3)
  let kept, kept_scores, classes = nms(boxes[0] * 64, scores[0], iou: 0.5, score: 0)
  output detections = kept
  output detection_scores = kept_scores
  output detection_classes = classes
}
`;

/** A 128 x 96 picture: a dark background and a bright orange square. */
function picture(): Buffer {
  const [width, height] = [128, 96];
  const pixels = new Uint8Array(width * height * 3).fill(20);
  for (let y = 30; y < 70; y++) for (let x = 40; x < 80; x++) pixels.set([240, 160, 40], 3 * (y * width + x));
  return encodePng(width, height, 3, pixels);
}

/** Whether every tag of the XML text is closed in order. */
function wellFormed(xml: string): boolean {
  const open: string[] = [];
  for (const [, closing, name, selfClosing] of xml.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    if (selfClosing) continue;
    if (!closing) open.push(name!);
    else if (open.pop() !== name) return false;
  }
  return open.length === 0;
}

let dir: string;
let untrained: string;

beforeAll(() => {
  untrained = mkdtempSync(join(tmpdir(), 'nn-pipeline-untrained-'));
  writeFileSync(join(untrained, 'tiny.nn'), TINY);
  writeFileSync(join(untrained, 'scene.png'), picture());
  dir = mkdtempSync(join(tmpdir(), 'nn-pipeline-'));
  writeFileSync(join(dir, 'tiny.nn'), TINY);
  writeFileSync(join(dir, 'scene.png'), picture());
  writeFileSync(join(dir, 'bad.png'), 'not an image\n');
  const trained = nn(['train', 'tiny.nn', '--json'], dir);
  expect(trained.status, trained.stderr).toBe(0);
}, 120_000);

describe('nn run --pipeline', () => {
  it('writes the detections as JSON and as an SVG picture, and says where', () => {
    const r = nn(['run', 'tiny.nn', '--pipeline', 'TinyDetect', '--image', 'scene.png', '--out', 'out'], dir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^TinyDetect: \d+ detections?\n {2}out\/scene-TinyDetect\.json\n {2}out\/scene-TinyDetect\.svg\n$/);

    const json = JSON.parse(readFileSync(join(dir, 'out', 'scene-TinyDetect.json'), 'utf8')) as {
      pipeline: string;
      size: { width: number; height: number };
      weights: Record<string, string>;
      detections: { box: number[]; class: string; classId: number; score: number }[];
    };
    expect(json.pipeline).toBe('TinyDetect');
    expect(json.size).toEqual({ width: 128, height: 96 });
    expect(json.weights['TinyYolo']).toMatch(/runs\/TinyYolo\/.+\/checkpoint-\d+$/);
    // every score is above 0, so NMS keeps at least one of the 32 boxes
    expect(json.detections.length).toBeGreaterThan(0);
    for (const d of json.detections) {
      const [x1, y1, x2, y2] = d.box as [number, number, number, number];
      expect(0 <= x1 && x1 <= x2 && x2 <= 128 && 0 <= y1 && y1 <= y2 && y2 <= 96, JSON.stringify(d)).toBe(true);
      // the model trains on shapes: its classes have the shapes' names
      expect(d.class).toBe(['square', 'circle', 'triangle'][d.classId]);
      expect(d.score).toBeGreaterThan(0);
    }
    expect(json.detections.map((d) => d.score)).toEqual([...json.detections.map((d) => d.score)].sort((a, b) => b - a));

    const svg = readFileSync(join(dir, 'out', 'scene-TinyDetect.svg'), 'utf8');
    expect(wellFormed(svg)).toBe(true);
    // the picture is shown 4 times larger (512 / 128), under a 28-unit caption: a rect where each box is
    const rects = [...svg.matchAll(/<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)" fill="none" stroke="[^"]+" stroke-width="2.5"/g)].map((m) => m.slice(1).map(Number));
    expect(rects).toHaveLength(json.detections.length);
    for (const { box } of json.detections) {
      const want = [4 * box[0]!, 28 + 4 * box[1]!, 4 * (box[2]! - box[0]!), 4 * (box[3]! - box[1]!)];
      expect(rects.some((r) => r.every((v, i) => Math.abs(v - want[i]!) < 0.1)), `a rect at ${want.join(', ')}`).toBe(true);
    }
    for (const { class: name, score } of json.detections) expect(svg).toContain(`${name} ${score.toFixed(2)}`);
    // the image inside is the picture, at its own size
    const png = /href="data:image\/png;base64,([^"]+)"/.exec(svg)![1]!;
    const tf = testTf();
    const decoded = (tf as unknown as { node: { decodeImage(b: Uint8Array, c: number): Tensor } }).node.decodeImage(Buffer.from(png, 'base64'), 3);
    expect(decoded.shape).toEqual([96, 128, 3]);
    expect(Array.from(decoded.dataSync().slice(3 * (50 * 128 + 60), 3 * (50 * 128 + 60) + 3))).toEqual([240, 160, 40]);
  });

  it('says to train first when the model has no trained weights', () => {
    const r = nn(['run', 'tiny.nn', '--pipeline', 'TinyDetect', '--image', 'scene.png'], untrained);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('nn: no trained weights for TinyYolo: train it first with nn train tiny.nn --model TinyYolo\n');
  });

  it('lists the pipelines of the file when the one named is not there', () => {
    const r = nn(['run', 'tiny.nn', '--pipeline', 'Detect', '--image', 'scene.png'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^nn: no pipeline 'Detect' in .*tiny\.nn \(pipelines: TinyDetect\)\n$/);
  });

  it('says a picture that is not an image cannot be decoded, and names a missing one', () => {
    const bad = nn(['run', 'tiny.nn', '--pipeline', 'TinyDetect', '--image', 'bad.png'], dir);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^nn: bad\.png: cannot be decoded as a PNG, JPEG, GIF or BMP image \(.*\)\n$/);
    const missing = nn(['run', 'tiny.nn', '--pipeline', 'TinyDetect', '--image', 'missing.png'], dir);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^nn: missing\.png.*no such file.*\n$/);
  });

  it('refuses prompts for a pipeline that takes none, and prompts it cannot read', () => {
    const r = nn(['run', 'tiny.nn', '--pipeline', 'TinyDetect', '--image', 'scene.png', '--point', '10,20'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('nn: TinyDetect takes no prompts (its only input is image): leave out --point and --box\n');
    const point = nn(['run', 'tiny.nn', '--pipeline', 'TinyDetect', '--image', 'scene.png', '--point', '10'], dir);
    expect(point.status).toBe(2);
    expect(point.stderr.split('\n')[0]).toBe("nn run: --point takes x,y or x,y,label (pixels of the picture; label 1 foreground, 0 background), not '10'");
    const box = nn(['run', 'tiny.nn', '--pipeline', 'TinyDetect', '--image', 'scene.png', '--box', '5,5,2,9'], dir);
    expect(box.stderr.split('\n')[0]).toBe('nn run: --box 5,5,2,9: x0 must be less than x1 and y0 less than y1');
  });

  it('keeps --image for pipelines, and its help says so', () => {
    const r = nn(['run', 'tiny.nn', '--image', 'scene.png'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('nn run: --image is for pipelines: give --pipeline NAME');
    const help = nn(['run', '--help'], dir);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('nn run FILE --pipeline NAME --image PICTURE');
  });
});
