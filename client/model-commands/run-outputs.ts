// Where NN: Run Model writes (`<folder of the .nn file>/outputs/<model>-<time>/`,
// one `<output name>.npy` per model output) and the Markdown document it
// shows there: the inputs, and for each output its shape, values and
// picture. Pure.

import { join } from 'node:path';
import { l10n } from '../l10n.js';
import { type ArrayPreview, formatValue, shownImages } from './output-preview.js';

/** `<folder>/outputs/<model>-20261202-104500` (local time) */
export function outputFolder(fileFolder: string, model: string, at: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const stamp = `${at.getFullYear()}${two(at.getMonth() + 1)}${two(at.getDate())}-${two(at.getHours())}${two(at.getMinutes())}${two(at.getSeconds())}`;
  return join(fileFolder, 'outputs', `${model}-${stamp}`);
}

/** A file name for each output name: safe characters, no two alike. */
export function outputFileNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.map((name, i) => {
    const base = name.replace(/[^A-Za-z0-9_.-]/g, '_').replace(/^\.+/, '') || `output${i}`;
    let file = `${base}.npy`;
    for (let n = 2; seen.has(file); n++) file = `${base}-${n}.npy`;
    seen.add(file);
    return file;
  });
}

export interface ShownOutput {
  name: string;
  /** the .npy's file name in the output folder */
  file: string;
  preview: ArrayPreview;
  /** the picture's file name in the output folder, when there is one */
  png?: string;
}

export interface RunReport {
  model: string;
  source: string;
  at: Date;
  inputs: { name: string; path: string }[];
  outputs: ShownOutput[];
  warnings: string[];
}

export function outputsMarkdown(report: RunReport): string {
  const lines = [`# ${l10n.t('{0}: outputs', report.model)}`, '', `\`nn run ${report.source} --model ${report.model}\`, ${report.at.toLocaleString()}.`, ''];
  for (const warning of report.warnings) lines.push(`> **${l10n.t('Warning:')}** ${warning}`, '');
  lines.push(`## ${l10n.t('Inputs')}`, '', `| ${l10n.t('input')} | ${l10n.t('file')} |`, '|---|---|', ...report.inputs.map((i) => `| ${i.name} | \`${i.path}\` |`), '');
  for (const out of report.outputs) lines.push(...outputSection(out));
  return lines.join('\n');
}

function outputSection(out: ShownOutput): string[] {
  const p = out.preview;
  const stats = p.stats ? l10n.t('min {0}, max {1}, mean {2}', formatValue(p.stats.min), formatValue(p.stats.max), formatValue(p.stats.mean)) : l10n.t('no finite values');
  const lines = [
    `## ${out.name}: [${p.shape.join(', ')}] ${p.type}`,
    '',
    `[${out.file}](${encodeURI(out.file)}): ${p.nonFinite > 0 ? l10n.t('{0}, {1} NaN or infinite.', stats, p.nonFinite) : l10n.t('{0}.', stats)}`,
    '',
  ];
  if (p.argmax) lines.push(l10n.t("Largest value's index in each row (argmax): {0}", `${p.argmax.join(', ')}${p.shape[0]! > p.argmax.length ? ', …' : ''}`), '');
  lines.push('```text', ...p.rows, '```', '');
  if (out.png && p.image) {
    const shown = shownImages(p.image);
    const size = `${p.image.width}×${p.image.height}, ${p.image.channels === 3 ? 'RGB' : l10n.t('grey')}`;
    const as = shown === 1 ? l10n.t('As a picture ({0}):', size) : p.image.count > shown ? l10n.t('As {0} pictures (of {1}) ({2}):', shown, p.image.count, size) : l10n.t('As {0} pictures ({1}):', shown, size);
    lines.push(as, '', `![${out.name}](${encodeURI(out.png)})`, '');
  }
  return lines;
}
