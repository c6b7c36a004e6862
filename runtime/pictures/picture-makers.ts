// Every kind of picture a supervised run may draw, one maker per task: the
// run draws the pictures of each maker that fits it. A new task is one
// file with a `PictureMaker` and one line here.

import { attentionPictures } from './attention-pictures.js';
import { classificationPictures } from './classification-pictures.js';
import { detectionPictures } from './detection-pictures.js';
import type { PictureMaker } from './picture-run.js';
import { segmentationPictures } from './segmentation-pictures.js';

export const PICTURE_MAKERS: readonly PictureMaker[] = [classificationPictures, detectionPictures, attentionPictures, segmentationPictures];
