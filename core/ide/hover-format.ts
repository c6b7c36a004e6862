// Shared by hover, inlay hints, signature help and code lenses: how values,
// counts, applications and definitions are written for the editor, and how
// a name is traced back to the statement that declares it (for its doc).

import type { Definition, Identifier, Node, Param, Program, Statement } from '../../grammar/ast.js';
import type { ApplicationRecord } from '../check/state.js';
import { msg, translated } from '../i18n/message.js';
import { type Dim, isConst, substitute, symbolName } from '../shapes/dim.js';
import { formatDimSimplest, formatShapeSimplest } from '../shapes/simplest-dim.js';
import type { DType, Value } from '../values.js';

/** `101,770`; symbolic counts as their formula, in its simplest exact form. */
export function formatCount(d: Dim): string {
  return isConst(d) ? d.toLocaleString('en-US') : formatDimSimplest(d);
}

/** A count with a short form for large numbers: `4,718,592 (4.72M)`. */
export function formatBig(d: Dim): string {
  if (!isConst(d) || Math.abs(d) < 1e6) return formatCount(d);
  const units: [number, string][] = [
    [1e12, 'T'],
    [1e9, 'G'],
    [1e6, 'M'],
  ];
  const [div, unit] = units.find(([u]) => Math.abs(d) >= u)!;
  return `${formatCount(d)} (${Number((d / div).toPrecision(3))}${unit})`;
}

/** The dtype as the language writes it, or '' for float32. */
export function dtypeSuffix(dtype: DType): string {
  return dtype === 'float32' ? '' : dtype === 'int32' ? ' int' : ' bool';
}

/** A value as source-like text: `64`, `"same"`, `[1, 2]`, `[B, 10]` for a tensor; sizes in their simplest exact form (`ceil(H/4)`). */
export function formatValue(v: Value): string {
  switch (v.kind) {
    case 'int':
      return formatDimSimplest(v.value);
    case 'float':
      return String(v.value);
    case 'bool':
      return String(v.value);
    case 'string':
      return JSON.stringify(v.value);
    case 'list':
      return formatList(v.items);
    case 'record':
      return `{ ${[...v.fields].map(([k, f]) => `${k}: ${formatValue(f)}`).join(', ')} }`;
    case 'tensor':
      return formatShapeSimplest(v.shape) + dtypeSuffix(v.dtype);
    case 'tuple':
      return `(${v.items.map(formatValue).join(', ')})`;
    case 'layerKind':
      return v.spec.name;
    case 'layer':
      return `${v.instance.spec.name}(${formatArgs(v.instance.args)})`;
    case 'definition':
      return v.definition.name.name;
    case 'block':
      return `${v.instance.definition.name.name}(${formatArgs(v.instance.args)})`;
    case 'function':
      return v.spec.name;
    case 'name':
      return v.name;
    case 'unknown':
      return '?';
  }
}

/** The most items of a list written out; a longer one ends with how many more it holds. */
const LIST_ITEMS_SHOWN = 8;

/** `[[B, 16, 16, 4], [B, 8, 8, 8]]`; a long list: its first items, then `... 92 more`. */
function formatList(items: readonly Value[]): string {
  if (items.length <= LIST_ITEMS_SHOWN) return `[${items.map(formatValue).join(', ')}]`;
  const shown = items.slice(0, LIST_ITEMS_SHOWN - 2).map(formatValue);
  return `[${shown.join(', ')}, ... ${items.length - shown.length} more]`;
}

/** `filters: 64, kernel: 3, stride: 1` (arguments with no value are left out). */
export function formatArgs(args: Readonly<Record<string, Value>>): string {
  return Object.entries(args)
    .filter(([, v]) => v.kind !== 'unknown')
    .map(([k, v]) => `${k}: ${formatValue(v)}`)
    .join(', ');
}

/** Several shapes: `[B, 10]`, or `[B, 10], [B, 4]`. */
export function formatShapes(shapes: readonly Dim[][]): string {
  return shapes.map((s) => formatShapeSimplest(s)).join(', ');
}

/** FLOPs of one example: the leading symbolic axis of the first input (the batch) is taken as 1. */
export function perExample(app: ApplicationRecord, d: Dim): Dim {
  const lead = app.inputs[0]?.[0];
  const name = lead === undefined ? undefined : symbolName(lead);
  return name === undefined ? d : substitute(d, new Map([[name, 1]]));
}

/** The Markdown lines describing one application: shapes, weights, FLOPs. */
export function applicationLines(app: ApplicationRecord, sharedUses = 1): string[] {
  const lines = [`\`${formatShapes(app.inputs)}\` → \`${formatShapes(app.outputs)}\``];
  if (app.target.kind === 'layer') {
    const layer = app.target.layer;
    const trainable = app.trainable ?? 0;
    const nonTrainable = app.nonTrainable ?? 0;
    let weights = !isConst(nonTrainable) || nonTrainable !== 0
      ? msg`Parameters: ${formatCount(trainable)} trainable, ${formatCount(nonTrainable)} non-trainable`
      : msg`Parameters: ${formatCount(trainable)}`;
    if (layer.binding !== undefined && (!isConst(trainable) || trainable !== 0 || !isConst(nonTrainable) || nonTrainable !== 0)) {
      weights = sharedUses > 1
        ? msg`${weights} (shared: \`${layer.binding}\` is applied ${sharedUses} times)`
        : msg`${weights} (bound to \`${layer.binding}\`: shared wherever it is applied)`;
    }
    lines.push(weights);
    if (app.flops !== undefined) lines.push(msg`FLOPs per example: ${formatBig(perExample(app, app.flops))}`);
  }
  return lines;
}

/** How many applications in the recording use the same layer instance as `app`. */
export function usesOfLayer(applications: ReadonlyMap<Node, ApplicationRecord>, app: ApplicationRecord): number {
  if (app.target.kind !== 'layer') return 1;
  return layerUses(applications).get(app.target.layer.id) ?? 0;
}

/** Applications per layer id, counted once per recording (a recording does not change once checked). */
const usesByRecording = new WeakMap<ReadonlyMap<Node, ApplicationRecord>, Map<number, number>>();

function layerUses(applications: ReadonlyMap<Node, ApplicationRecord>): Map<number, number> {
  let uses = usesByRecording.get(applications);
  if (uses === undefined) {
    uses = new Map();
    for (const app of applications.values()) if (app.target.kind === 'layer') uses.set(app.target.layer.id, (uses.get(app.target.layer.id) ?? 0) + 1);
    usesByRecording.set(applications, uses);
  }
  return uses;
}

/** A parameter as written: `convs: int`, `ff: int = 4 * d`. */
export function paramText(p: Param, text: string): string {
  const type = p.type ? `: ${p.type.list ? `[${p.type.name}]` : p.type.name}` : '';
  const dflt = p.default ? ` = ${text.slice(p.default.range.start, p.default.range.end)}` : '';
  return `${p.name.name}${type}${dflt}`;
}

/** `block VGGBlock(convs: int, filters: int)` */
export function definitionSignature(def: Definition, text: string): string {
  const params = def.params.length > 0 || def.emptyParens ? `(${def.params.map((p) => paramText(p, text)).join(', ')})` : '';
  return `${def.defKind} ${def.name.name}${params}`;
}

/** The statements of a body and of every nested body, in source order. */
export function* statementsOf(body: readonly Statement[]): Generator<Statement> {
  for (const s of body) {
    yield s;
    if (s.kind === 'RepeatStmt' || s.kind === 'For') yield* statementsOf(s.body);
    if (s.kind === 'IfStmt') {
      yield* statementsOf(s.then);
      let e = s.else;
      while (e) {
        if (Array.isArray(e)) {
          yield* statementsOf(e);
          e = undefined;
        } else {
          yield e;
          yield* statementsOf(e.then);
          e = e.else;
        }
      }
    }
  }
}

export type Declaration =
  | { kind: 'param'; param: Param; id: Identifier }
  | { kind: 'input' | 'let' | 'output' | 'loop'; statement: Statement; id: Identifier; doc?: string };

/**
 * Where `name` is declared in `def`: a parameter, an input, a `let`, a named
 * output or a loop variable (the last declaration starting before `before`, else the first).
 */
export function findDeclaration(def: Definition, name: string, before = Infinity): Declaration | undefined {
  const found: Declaration[] = [];
  for (const p of def.params) if (p.name.name === name) found.push({ kind: 'param', param: p, id: p.name });
  for (const s of statementsOf(def.body)) {
    if (s.kind === 'Input' && s.name.name === name) found.push({ kind: 'input', statement: s, id: s.name, ...(s.doc !== undefined ? { doc: s.doc } : {}) });
    if (s.kind === 'Let') for (const id of s.names) if (id.name === name) found.push({ kind: 'let', statement: s, id, ...(s.doc !== undefined ? { doc: s.doc } : {}) });
    if (s.kind === 'Output' && s.name?.name === name) found.push({ kind: 'output', statement: s, id: s.name, ...(s.doc !== undefined ? { doc: s.doc } : {}) });
    if ((s.kind === 'For' || s.kind === 'RepeatStmt') && s.variable?.name === name) found.push({ kind: 'loop', statement: s, id: s.variable });
  }
  const earlier = found.filter((d) => d.id.range.start <= before);
  return earlier[earlier.length - 1] ?? found[0];
}

/** The definition of this file that contains `offset`. */
export function definitionAt(program: Program, offset: number): Definition | undefined {
  return program.items.find((i): i is Definition => i.kind === 'Definition' && i.range.start <= offset && offset <= i.range.end);
}

/** The doc comment of a declaration, if any, as `authorDoc` shows it. */
export function declarationDoc(d: Declaration): string | undefined {
  return authorDoc(d.kind === 'param' ? d.param.doc : d.doc);
}

/**
 * A `///` doc as the editor shows it. The bundled specs' docs have a Chinese
 * version in the catalogue, keyed by their exact English, so a spec opened
 * from examples/ teaches in the editor's language while its file stays in
 * English; any other doc, or a bundled one that was edited, shows as written.
 */
export function authorDoc(doc: string): string;
export function authorDoc(doc: string | undefined): string | undefined;
export function authorDoc(doc: string | undefined): string | undefined {
  return doc === undefined ? undefined : translated(doc);
}
