// A small XML parser for the tests of the pictures: enough of XML to say
// whether an SVG document is well formed (one root, every tag closed in
// order, attributes quoted, entities known) and to find its elements with
// their attributes and text.

export interface XmlElement {
  tag: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** the element's own text (entities decoded), its children's left out */
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&([a-z]+|#\d+|#x[0-9a-f]+);|&/gi, (m, name: string | undefined) => {
    if (name === undefined) throw new Error(`a bare & in ${JSON.stringify(s)}`);
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    const v = ENTITIES[name];
    if (v === undefined) throw new Error(`unknown entity ${m}`);
    return v;
  });
}

/** The document's root element; throws on anything not well formed. */
export function parseXml(text: string): XmlElement {
  const body = text.replace(/^<\?xml[^>]*\?>/, '').trim();
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let at = 0;
  const token = /<!--[\s\S]*?-->|<\/([A-Za-z][\w:.-]*)\s*>|<([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|([^<]+)/y;
  while (at < body.length) {
    token.lastIndex = at;
    const m = token.exec(body);
    if (!m) throw new Error(`not XML at ${at}: ${JSON.stringify(body.slice(at, at + 40))}`);
    at = token.lastIndex;
    const [, close, open, attrText, selfClose, chars] = m;
    if (chars !== undefined) {
      if (stack.length === 0) {
        if (chars.trim() !== '') throw new Error('text outside the root');
        continue;
      }
      stack.at(-1)!.text += decode(chars);
    } else if (close !== undefined) {
      const top = stack.pop();
      if (!top || top.tag !== close) throw new Error(`</${close}> closes <${top?.tag ?? 'nothing'}>`);
    } else if (open !== undefined) {
      if (stack.length === 0 && root) throw new Error('a second root element');
      const attrs: Record<string, string> = {};
      for (const a of (attrText ?? '').matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        if (a[1]! in attrs) throw new Error(`attribute ${a[1]} twice on <${open}>`);
        attrs[a[1]!] = decode(a[2] ?? a[3] ?? '');
      }
      const el: XmlElement = { tag: open, attrs, children: [], text: '' };
      if (stack.length > 0) stack.at(-1)!.children.push(el);
      else root = el;
      if (selfClose !== '/') stack.push(el);
    }
  }
  if (stack.length > 0) throw new Error(`<${stack.at(-1)!.tag}> is not closed`);
  if (!root) throw new Error('no root element');
  return root;
}

export function wellFormed(text: string): boolean {
  try {
    return parseXml(text).tag === 'svg';
  } catch {
    return false;
  }
}

/** Every element under `root` (itself included) with this tag, in document order. */
export function elements(root: XmlElement, tag: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    if (e.tag === tag) out.push(e);
    e.children.forEach(walk);
  };
  walk(root);
  return out;
}

/** The texts of every <text> element, in order. */
export function texts(root: XmlElement): string[] {
  return elements(root, 'text').map((e) => e.text);
}

/** Elements whose class attribute holds `name`. */
export function byClass(root: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    if ((e.attrs['class'] ?? '').split(/\s+/).includes(name)) out.push(e);
    e.children.forEach(walk);
  };
  walk(root);
  return out;
}

export const num = (e: XmlElement, attr: string): number => Number(e.attrs[attr]);
