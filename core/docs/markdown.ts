// Layer and function documentation as Markdown: one section per entry.
// The reference pages (docs/layers.md, docs/functions.md, and in Chinese
// docs/zh/layers.md, docs/zh/functions.md) and editor hovers render the same
// text from the same catalog entries, in the current language.

import type { BindableParam } from '../check/bind-args.js';
import { describeType } from '../check/bind-args.js';
import type { LayerSpec, Literal } from '../catalog/layer-spec.js';
import type { FunctionSpec } from '../functions/function-spec.js';
import { msg, translated } from '../i18n/message.js';
import { categoryTitle } from './category-titles.js';

type DocParam = BindableParam & { doc: string };

/** Where a translated page's English original lies, relative to the page: `../layers.md`. */
export interface ReferenceOptions {
  original?: string;
}

function literal(l: Literal): string {
  if (typeof l === 'string') return `"${l}"`;
  if (Array.isArray(l)) return `[${l.join(', ')}]`;
  return String(l);
}

/** `Conv2D(filters, kernel, stride: 1, padding: "valid", ...)` */
export function signature(name: string, params: readonly DocParam[]): string {
  const parts = params.map((p) => (p.default !== undefined ? `${p.name}: ${literal(p.default)}` : p.optional ? `${p.name}?` : p.name));
  return `${name}(${parts.join(', ')})`;
}

function paramTable(params: readonly DocParam[]): string[] {
  if (params.length === 0) return [msg`No parameters.`];
  const rows = params.map((p) => {
    const dflt = p.default !== undefined ? `\`${literal(p.default)}\`` : p.optional ? msg`optional` : msg`required`;
    return `| \`${p.name}\` | ${describeType(p)} | ${dflt} | ${translated(p.doc).replace(/\|/g, '\\|')} |`;
  });
  return [msg`| parameter | type | default | meaning |`, '|---|---|---|---|', ...rows];
}

export function layerMarkdown(spec: LayerSpec): string {
  const inputs = spec.inputs.max === 0 ? msg`no inputs` : spec.inputs.names.slice(0, spec.inputs.max).join(', ');
  return [`### ${spec.name}`, '', '```nn', signature(spec.name, spec.params), '```', '', translated(spec.doc), '', msg`Inputs: ${inputs}.`, '', ...paramTable(spec.params), ''].join('\n');
}

export function functionMarkdown(spec: FunctionSpec): string {
  const note = spec.pipelineOnly ? ['', msg`A pipeline step: only inside a \`pipeline\` definition.`] : [];
  return [`### ${spec.name}`, '', '```nn', signature(spec.name, spec.params), '```', '', translated(spec.doc), ...note, '', ...paramTable(spec.params), ''].join('\n');
}

function byCategory<T extends { category: string; name: string }>(items: readonly T[], render: (t: T) => string): string[] {
  const categories = [...new Set(items.map((i) => i.category))];
  return categories.flatMap((c) => [`## ${categoryTitle(c)}`, '', ...items.filter((i) => i.category === c).map(render)]);
}

/** A translated page's first line: the link back to the English page it follows. */
function originalLink(options: ReferenceOptions): string[] {
  if (options.original === undefined) return [];
  const name = options.original.split('/').pop()!;
  return [msg`The English original: [${name}](${options.original})`, ''];
}

export function layerReference(layers: readonly LayerSpec[], options: ReferenceOptions = {}): string {
  return [
    ...originalLink(options),
    `# ${msg`Layers`}`,
    '',
    msg`<!-- Generated from core/catalog by \`npm run docs\`; do not edit by hand. -->`,
    '',
    msg`Every layer kind \`nn\` knows, with its parameters. In a pipeline a layer is applied to the value on its left (\`x -> Conv2D(64, 3)\`); called with tensors it is applied to them (\`LayerNorm(x + y)\`, \`MultiHeadAttention(8, 512)(q, k, v)\`); bound to a name it shares its weights wherever it is applied.`,
    '',
    ...byCategory(layers, layerMarkdown),
  ].join('\n');
}

export function functionReference(functions: readonly FunctionSpec[], options: ReferenceOptions = {}): string {
  return [
    ...originalLink(options),
    `# ${msg`Functions`}`,
    '',
    msg`<!-- Generated from core/functions by \`npm run docs\`; do not edit by hand. -->`,
    '',
    msg`Built-in tensor functions: math inside models, losses and pipelines, with no weights. In a pipeline the piped tensor is the first argument (\`x -> reshape([B, 784])\` is \`reshape(x, [B, 784])\`).`,
    '',
    ...byCategory(functions, functionMarkdown),
  ].join('\n');
}
