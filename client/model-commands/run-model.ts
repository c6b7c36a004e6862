// NN: Run Model: one .npy per model input (the inputs' names and shapes
// from the language server's summary), `nn run FILE --model M --input ...
// --out ...` into `<folder of the file>/outputs/<model>-<time>/`, then a
// Markdown preview of the outputs: shapes, values, and pictures of the
// outputs that look like images (PNG files written beside the .npy files).

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import * as vscode from 'vscode';
import type { Summary } from '../../core/summary.js';
import { NpyFormatError, parseNpy } from '../../runtime/data/npy-format.js';
import type { NnContext } from '../context.js';
import { requireTrust } from '../context.js';
import { requireRuntime } from '../runtime.js';
import { checkpointsArgs } from './checkpoints.js';
import { runWithProgress } from './run-with-progress.js';
import { cliWarnings } from './cli-failure.js';
import { pickModelTarget } from './model-target.js';
import { imagePng, previewArray } from './output-preview.js';
import { outputFileNames, outputFolder, outputsMarkdown, type ShownOutput } from './run-outputs.js';

export async function runModel(nn: NnContext, fileArg?: unknown, modelArg?: unknown, checkpointsArg?: unknown): Promise<void> {
  if (!requireTrust()) return;
  const target = await pickModelTarget(fileArg, modelArg, 'run');
  if (!target) return;
  const runtime = await requireRuntime(nn);
  if (!runtime) return;
  let summary: Summary;
  try {
    summary = await nn.server.command<Summary>('nn.summary', [target.file, target.model]);
  } catch (e) {
    throw new Error(vscode.l10n.t("Cannot read {0}'s inputs: {1}", target.model, e instanceof Error ? e.message : String(e)));
  }
  const inputs: { name: string; path: string }[] = [];
  let lastFolder = vscode.Uri.file(dirname(target.file));
  for (const input of summary.inputs) {
    const picked = await vscode.window.showOpenDialog({
      title: vscode.l10n.t("{0}: a .npy for input '{1}' [{2}] ({3} of {4})", target.model, input.name, input.shape.join(', '), inputs.length + 1, summary.inputs.length),
      openLabel: vscode.l10n.t('Use for {0}', input.name),
      filters: { [vscode.l10n.t('NumPy arrays')]: ['npy'] },
      canSelectMany: false,
      defaultUri: lastFolder,
    });
    const file = picked?.[0];
    if (!file) return;
    lastFolder = vscode.Uri.file(dirname(file.fsPath));
    inputs.push({ name: input.name, path: file.fsPath });
  }
  const at = new Date();
  const folder = outputFolder(dirname(target.file), target.model, at);
  mkdirSync(folder, { recursive: true });
  const files = outputFileNames(summary.outputs.map((o) => o.name));
  const args = [
    'run',
    target.file,
    '--model',
    target.model,
    ...inputs.flatMap((i) => ['--input', i.path]),
    ...files.flatMap((f) => ['--out', join(folder, f)]),
    ...checkpointsArgs(target.file, target.model, checkpointsArg),
  ];
  const result = await runWithProgress(nn, runtime, target.file, args, vscode.l10n.t('Running {0}…', target.model));
  if (!result) return;
  const outputs = summary.outputs.map((o, i) => showOutput(folder, o.name, files[i]!));
  const document = join(folder, 'outputs.md');
  writeFileSync(
    document,
    outputsMarkdown({
      model: target.model,
      source: basename(target.file),
      at,
      inputs: inputs.map((i) => ({ name: i.name, path: relative(dirname(target.file), i.path) || basename(i.path) })),
      outputs,
      warnings: cliWarnings(result.stderrTail),
    }),
  );
  await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.file(document));
}

/** Reads an output .npy back, previews it, and writes its picture when it looks like images. */
function showOutput(folder: string, name: string, file: string): ShownOutput {
  let array;
  try {
    array = parseNpy(readFileSync(join(folder, file)));
  } catch (e) {
    const why = e instanceof NpyFormatError ? `${file} ${e.message}` : vscode.l10n.t('cannot read {0}: {1}', file, e instanceof Error ? e.message : String(e));
    return { name, file, preview: { shape: [], type: 'float32', stats: undefined, nonFinite: 0, rows: [why] } };
  }
  const preview = previewArray(array);
  const png = imagePng(array, preview);
  if (!png) return { name, file, preview };
  const pngFile = file.replace(/\.npy$/, '.png');
  writeFileSync(join(folder, pngFile), png);
  return { name, file, preview, png: pngFile };
}
