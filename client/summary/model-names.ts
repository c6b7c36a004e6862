// The models a `.nn` text defines, found by their `model Name` lines, with
// the offset of each: enough to offer a pick before the language server has
// answered anything. Pure: no `vscode`, unit-tested.

export interface ModelAt {
  name: string;
  /** offset of the `model` keyword */
  start: number;
}

const MODEL_LINE = /^[ \t]*model[ \t]+([A-Za-z_]\w*)/gm;

export function modelNames(text: string): ModelAt[] {
  return [...text.matchAll(MODEL_LINE)].map((m) => ({ name: m[1]!, start: m.index! + m[0].indexOf('model') }));
}

/** The models, the one defined around `offset` (the last starting before it) first. */
export function modelsNearestFirst(text: string, offset: number): string[] {
  const models = modelNames(text);
  const around = models.filter((m) => m.start <= offset).pop();
  return around ? [around.name, ...models.filter((m) => m !== around).map((m) => m.name)] : models.map((m) => m.name);
}
