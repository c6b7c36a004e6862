// The pictures of a supervised run, drawn after an epoch's evaluation when
// `samples: { every }` says so (and after the last epoch): each fitting
// maker's pictures written as `samples/epoch-0003-<name>.svg` in the run's
// folder, each announced by a `sample` event. A picture that cannot be
// drawn is a warning, once, and its maker is left out for the rest of the run.

import { msg } from '../../core/i18n/message.js';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import type { RawData } from '../data/dataset.js';
import { writeFileAtomically } from '../files/atomic-files.js';
import type { Emit } from '../train/events.js';
import { PICTURE_MAKERS } from './picture-makers.js';
import type { DrawPictures, PictureMaker, PictureRun } from './picture-run.js';

export const SAMPLES_FOLDER = 'samples';

/** Examples a picture shows when `samples: { count }` does not say. */
export const DEFAULT_COUNT = 16;

/** `epoch-0003-predictions.svg` */
export const pictureFileName = (epoch: number, name: string): string => `epoch-${String(epoch).padStart(4, '0')}-${name}.svg`;

/** After epoch `epoch` (1-based): the pictures of the run, when they are due. */
export type EpochPictures = (epoch: number) => void;

export function epochPictures(run: PictureRun, place: { runDir: string; emit: Emit }, makers: readonly PictureMaker[] = PICTURE_MAKERS): EpochPictures | undefined {
  const every = run.plan.samples?.every ?? 1;
  if (every <= 0 || run.count <= 0) return undefined;
  const drawers = new Map<string, DrawPictures>();
  for (const maker of makers) {
    const draw = prepared(maker, run, place.emit);
    if (draw) drawers.set(maker.task, draw);
  }
  if (drawers.size === 0) return undefined;
  const dir = join(place.runDir, SAMPLES_FOLDER);
  return (epoch) => {
    if (epoch % every !== 0 && epoch !== run.plan.epochs) return;
    for (const [task, draw] of drawers) {
      let pictures;
      try {
        pictures = draw(epoch);
      } catch (e) {
        drawers.delete(task);
        place.emit({ type: 'warning', message: msg`the ${task} pictures cannot be drawn (${e instanceof Error ? e.message : String(e)}); training goes on without them` });
        continue;
      }
      mkdirSync(dir, { recursive: true });
      for (const p of pictures) {
        const path = join(dir, pictureFileName(epoch, p.name));
        writeFileAtomically(path, p.svg);
        place.emit({ type: 'sample', epoch, path, kind: p.kind });
      }
    }
  };
}

function prepared(maker: PictureMaker, run: PictureRun, emit: Emit): DrawPictures | undefined {
  try {
    return maker.prepare(run);
  } catch (e) {
    emit({ type: 'warning', message: msg`the ${maker.task} pictures cannot be drawn (${e instanceof Error ? e.message : String(e)}); training goes on without them` });
    return undefined;
  }
}

/** The pictures of a supervised run on `raw` data (the shapes and class names it gives), or undefined when none fits or `samples: { every: 0 }`. */
export function supervisedPictures(
  o: { tf: PictureRun['tf']; plan: PictureRun['plan']; model: PictureRun['model']; raw: RawData; heldOut: PictureRun['heldOut'] },
  place: { runDir: string; emit: Emit },
): EpochPictures | undefined {
  const run: PictureRun = {
    tf: o.tf,
    plan: o.plan,
    model: o.model,
    heldOut: o.heldOut,
    inputShapes: o.raw.inputs.map((i) => i.shape),
    ...(o.raw.target ? { targetShape: o.raw.target.shape } : {}),
    ...(o.raw.classes !== undefined ? { classes: o.raw.classes } : {}),
    ...(o.raw.classNames ? { classNames: o.raw.classNames } : {}),
    count: o.plan.samples?.count ?? DEFAULT_COUNT,
  };
  return epochPictures(run, place);
}
