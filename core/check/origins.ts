// Where a tensor came from, for messages ("expected ..., found ... (output of Conv2D)").

import type { RelatedInfo } from '../diagnostics/diagnostic.js';
import { msg } from '../i18n/message.js';
import type { Value } from '../values.js';

/** ` (output of Conv2D)`, or nothing for values that are not tensors. */
export function describeOrigin(v: Value): string {
  return v.kind === 'tensor' ? msg` (${v.origin.what})` : '';
}

/** Related information pointing at where a tensor was made. */
export function originRelated(v: Value, label: string): RelatedInfo[] {
  if (v.kind !== 'tensor') return [];
  const info: RelatedInfo = { range: v.origin.range, message: msg`${label}: ${v.origin.what}` };
  if (v.origin.file !== undefined) info.file = v.origin.file;
  return [info];
}
