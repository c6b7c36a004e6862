// Short descriptions of symbols for completion details and the outline:
// a definition's signature, a parameter's type and default, a value's shape.

import type { Definition, Node, Param } from '../../grammar/ast.js';
import { formatDim } from '../shapes/dim.js';
import { formatShape } from '../shapes/shape.js';
import { msg } from '../i18n/message.js';
import type { Value } from '../values.js';

/** The source text of a node. */
export function sourceOf(text: string, node: Node | undefined): string {
  return node ? text.slice(node.range.start, node.range.end) : '';
}

/** `int = 3`, `[int]`, `= 4 * d` */
export function paramDetail(p: Param, text: string): string {
  const type = p.type ? (p.type.list ? `[${p.type.name}]` : p.type.name) : '';
  const dflt = p.default ? `= ${sourceOf(text, p.default)}` : '';
  return [type, dflt].filter(Boolean).join(' ');
}

/** `VGGBlock(convs: int, filters: int = 64)`; `text` is the text of the file the definition is in. */
export function definitionSignature(def: Definition, text: string): string {
  return `${def.name.name}(${def.params.map((p) => `${p.name.name}${p.type || p.default ? `: ${paramDetail(p, text)}` : ''}`.replace(': = ', ' = ')).join(', ')})`;
}

/** A value in a few characters: `[B, 32] float32`, `int = 3`, `layer Dense`. */
export function describeValue(v: Value | undefined): string | undefined {
  if (!v) return undefined;
  switch (v.kind) {
    case 'tensor':
      return v.dtype === 'float32' ? formatShape(v.shape) : `${formatShape(v.shape)} ${v.dtype}`;
    case 'int':
      return `int = ${formatDim(v.value)}`;
    case 'float':
      return `float = ${v.value}`;
    case 'bool':
      return `bool = ${v.value}`;
    case 'string':
      return `string = "${v.value}"`;
    case 'list':
      return v.items.length <= 8 ? `[${v.items.map((i) => describeValue(i)?.replace(/^(int|float|bool) = /, '') ?? '?').join(', ')}]` : msg`list of ${v.items.length}`;
    case 'tuple':
      return `(${v.items.map((i) => describeValue(i) ?? '?').join(', ')})`;
    case 'layer':
      return `layer ${v.instance.spec.name}`;
    case 'layerKind':
      return `layer ${v.spec.name}`;
    case 'block':
      return `${v.instance.definition.defKind} ${v.instance.definition.name.name}`;
    case 'definition':
      return `${v.definition.defKind} ${v.definition.name.name}`;
    case 'function':
      return `function ${v.spec.name}`;
    case 'record':
      return 'record';
    case 'name':
      return v.name;
    case 'unknown':
      return undefined;
  }
}

/** The parameters a definition needs (no default). */
export function requiredParams(def: Definition): Param[] {
  return def.params.filter((p) => !p.default);
}

/** `Name(${1:a}, ${2:b})`, or the bare name when nothing is required. */
export function callSnippet(name: string, required: readonly string[], emptyParens = false): string {
  if (required.length === 0) return emptyParens ? `${name}()` : name;
  return `${name}(${required.map((r, i) => `\${${i + 1}:${r}}`).join(', ')})`;
}

/** The last segment of a path. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

