// Which train blocks of a .nn file train which models, from its text: the
// block's target (`train MLP on ...`) and, for an adversarial pair, the
// models named in `adversarial(generator: G, discriminator: D, ...)`. The
// Train lens is over a model; `nn train --model` takes a block's target.
// A light scan (comments and strings skipped), not the parser: the
// extension host loads no parser for this.

export interface TrainBlock {
  /** what `nn train --model` takes: the model, or the adversarial pair's name */
  target: string;
  /** the models it trains: the target, or the pair's generator and discriminator */
  models: string[];
}

export function trainBlocks(text: string): TrainBlock[] {
  const code = blankCommentsAndStrings(text);
  const blocks: TrainBlock[] = [];
  for (const m of code.matchAll(/(^|[\n;])[ \t]*train[ \t]+([A-Za-z_]\w*)[ \t]+on\b/g)) {
    const target = m[2]!;
    const open = code.indexOf('{', m.index + m[0].length);
    const body = open < 0 ? '' : code.slice(open + 1, closing(code, open, '{', '}'));
    const call = /\badversarial\s*\(/.exec(body);
    if (!call) {
      blocks.push({ target, models: [target] });
      continue;
    }
    const argsStart = call.index + call[0].length - 1;
    const args = body.slice(argsStart + 1, closing(body, argsStart, '(', ')'));
    // arguments whose value is a plain name (not a call such as normal([B, 100]))
    const models = [...args.matchAll(/(?:^|,)\s*(?:[A-Za-z_]\w*\s*:\s*)?([A-Za-z_]\w*)\s*(?=,|$)/g)].map((a) => a[1]!);
    blocks.push({ target, models: models.length > 0 ? models : [target] });
  }
  return blocks;
}

/** The train blocks that train `model`: its own block first. */
export function blocksTraining(blocks: readonly TrainBlock[], model: string): TrainBlock[] {
  const own = blocks.filter((b) => b.target === model);
  return [...own, ...blocks.filter((b) => b.target !== model && b.models.includes(model))];
}

/** The index of the bracket that closes the one at `open` (or the text's end). */
function closing(text: string, open: number, opener: string, closer: string): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === opener) depth++;
    else if (text[i] === closer && --depth === 0) return i;
  }
  return text.length;
}

/** The text with comments and string contents replaced by spaces (offsets kept). */
function blankCommentsAndStrings(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|"(?:[^"\\\n]|\\.)*"/g, (s) => (s.startsWith('"') ? `"${' '.repeat(s.length - 2)}"` : s.replace(/[^\n]/g, ' ')));
}
