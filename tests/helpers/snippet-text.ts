// The text a VS Code snippet inserts when every placeholder keeps its
// default: `${1:Dense}` -> `Dense`, `${2|a,b|}` -> `a` (or the option
// chosen), `$1` -> the default of placeholder 1 wherever it is given, `$0` ->
// ``, `${TM_FILENAME_BASE:net}` -> `net`. Escapes `\$`, `\}`, `\\` (and `\,`
// `\|` inside choices) give the character. The syntax is VS Code's snippet
// grammar (tabstops, placeholders, choices, variables).

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'tabstop'; index: number; body?: Node[] }
  | { kind: 'choice'; index: number; options: string[] }
  | { kind: 'variable'; name: string; body?: Node[] };

class Reader {
  pos = 0;
  constructor(readonly src: string) {}
  peek(n = 0): string | undefined {
    return this.src[this.pos + n];
  }
  startsWith(s: string): boolean {
    return this.src.startsWith(s, this.pos);
  }
}

const DIGITS = /^\d+/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/** Parses until `}` (inside a placeholder) or the end. */
function parseNodes(r: Reader, nested: boolean): Node[] {
  const nodes: Node[] = [];
  let text = '';
  const flush = () => {
    if (text) nodes.push({ kind: 'text', text });
    text = '';
  };
  while (r.pos < r.src.length) {
    const c = r.peek() as string;
    if (c === '\\' && r.peek(1) !== undefined && '$}\\'.includes(r.peek(1) as string)) {
      text += r.peek(1);
      r.pos += 2;
    } else if (nested && c === '}') {
      break;
    } else if (c === '$') {
      const node = parseDollar(r);
      if (node) {
        flush();
        nodes.push(node);
      } else {
        text += '$';
        r.pos++;
      }
    } else {
      text += c;
      r.pos++;
    }
  }
  flush();
  return nodes;
}

/** `$1`, `${1}`, `${1:...}`, `${1|a,b|}`, `$NAME`, `${NAME:...}`; undefined when `$` is plain text. */
function parseDollar(r: Reader): Node | undefined {
  const rest = r.src.slice(r.pos + 1);
  const digits = DIGITS.exec(rest)?.[0];
  if (digits) {
    r.pos += 1 + digits.length;
    return { kind: 'tabstop', index: Number(digits) };
  }
  const name = NAME.exec(rest)?.[0];
  if (name) {
    r.pos += 1 + name.length;
    return { kind: 'variable', name };
  }
  if (!rest.startsWith('{')) return undefined;
  const start = r.pos;
  r.pos += 2;
  const inner = r.src.slice(r.pos);
  const index = DIGITS.exec(inner)?.[0];
  const variable = index ? undefined : NAME.exec(inner)?.[0];
  if (!index && !variable) {
    r.pos = start;
    return undefined;
  }
  r.pos += (index ?? variable ?? '').length;
  if (index && r.startsWith('|')) {
    r.pos++;
    const options: string[] = [];
    let option = '';
    while (r.pos < r.src.length && !r.startsWith('|}')) {
      const c = r.peek() as string;
      if (c === '\\' && r.peek(1) !== undefined && ',|\\$}'.includes(r.peek(1) as string)) {
        option += r.peek(1);
        r.pos += 2;
      } else if (c === ',') {
        options.push(option);
        option = '';
        r.pos++;
      } else {
        option += c;
        r.pos++;
      }
    }
    if (!r.startsWith('|}')) throw new Error(`unterminated choice at ${start}: ${r.src.slice(start, start + 40)}`);
    options.push(option);
    r.pos += 2;
    return { kind: 'choice', index: Number(index), options };
  }
  let body: Node[] | undefined;
  if (r.startsWith(':')) {
    r.pos++;
    body = parseNodes(r, true);
  }
  if (!r.startsWith('}')) throw new Error(`unterminated placeholder at ${start}: ${r.src.slice(start, start + 40)}`);
  r.pos++;
  return index ? { kind: 'tabstop', index: Number(index), ...(body ? { body } : {}) } : { kind: 'variable', name: variable as string, ...(body ? { body } : {}) };
}

export function parseSnippet(body: string): Node[] {
  return parseNodes(new Reader(body), false);
}

function walk(nodes: Node[], visit: (n: Node) => void): void {
  for (const n of nodes) {
    visit(n);
    if ((n.kind === 'tabstop' || n.kind === 'variable') && n.body) walk(n.body, visit);
  }
}

/** Every choice of the snippet: its placeholder index and options. */
export function snippetChoices(body: string): { index: number; options: string[] }[] {
  const out: { index: number; options: string[] }[] = [];
  walk(parseSnippet(body), (n) => {
    if (n.kind === 'choice') out.push({ index: n.index, options: n.options });
  });
  return out;
}

/** The inserted text: each placeholder's default (or, for a choice, `chosen[index]` or its first option). */
export function snippetText(body: string, chosen: Record<number, string> = {}): string {
  const nodes = parseSnippet(body);
  const defaults = new Map<number, Node[] | string>();
  walk(nodes, (n) => {
    if (n.kind === 'choice' && !defaults.has(n.index)) defaults.set(n.index, chosen[n.index] ?? (n.options[0] as string));
    if (n.kind === 'tabstop' && n.body && !defaults.has(n.index)) defaults.set(n.index, n.body);
  });
  const render = (list: Node[], seen: Set<number>): string =>
    list
      .map((n) => {
        if (n.kind === 'text') return n.text;
        if (n.kind === 'variable') return n.body ? render(n.body, seen) : '';
        if (n.index === 0 || seen.has(n.index)) return '';
        const d = defaults.get(n.index);
        if (d === undefined) return '';
        return typeof d === 'string' ? d : render(d, new Set([...seen, n.index]));
      })
      .join('');
  return render(nodes, new Set());
}
