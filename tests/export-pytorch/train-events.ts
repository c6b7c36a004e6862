// The schema of docs/events.md (runtime/train/events.ts's TrainEvent) as a
// check of one parsed event: the problems found, none when it fits. train.py
// prints the same events as the tfjs engine; its tests check them here.

type Json = Record<string, unknown>;

const number = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const string = (v: unknown) => typeof v === 'string' && v.length > 0;
const numbers = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every(number);

/** Required fields by event type, each with its test; optional fields are checked when present. */
const SCHEMA: Record<string, { required: Record<string, (v: unknown) => boolean>; optional?: Record<string, (v: unknown) => boolean> }> = {
  start: {
    required: {
      name: string,
      models: (v) => Array.isArray(v) && v.every((m: Json) => string(m['name']) && number(m['parameters']) && number(m['trainableParameters'])),
      data: string,
      examples: (v) => numbers(v) && ['train', 'test', 'validation'].every((k) => number((v as Json)[k])),
      epochs: number,
      batchesPerEpoch: number,
      backend: string,
      device: (v) => v === 'cpu' || v === 'gpu',
      firstEpoch: number,
    },
    optional: { runId: string, pid: number, file: string, runDir: string, resumedFrom: string, batchSize: number },
  },
  batch: { required: { epoch: number, batch: number, batches: number, loss: number }, optional: { logs: numbers, examplesPerSecond: number, elapsed: number } },
  epoch: { required: { epoch: number, epochs: number, logs: numbers, seconds: number, learningRate: number } },
  sample: { required: { epoch: number, path: string, kind: string } },
  checkpoint: { required: { epoch: number, path: string } },
  warning: { required: { message: string } },
  end: { required: { reason: (v) => v === 'completed' || v === 'stopped' || v === 'early-stopping', epochs: number, metrics: numbers, seconds: number } },
  error: { required: { message: string }, optional: { file: string, line: number, column: number, epoch: number, batch: number, tensor: string, path: string } },
};

/** What is wrong with an event against docs/events.md (empty: nothing). */
export function eventProblems(event: Json): string[] {
  const type = event['type'];
  const schema = typeof type === 'string' ? SCHEMA[type] : undefined;
  if (!schema) return [`an event of unknown type ${JSON.stringify(type)}`];
  const problems: string[] = [];
  for (const [field, test] of Object.entries(schema.required)) if (!test(event[field])) problems.push(`${type}.${field}: ${JSON.stringify(event[field])}`);
  for (const [field, value] of Object.entries(event)) {
    if (field === 'type' || field in schema.required) continue;
    const test = schema.optional?.[field];
    if (!test) problems.push(`${type}.${field}: a field docs/events.md does not have`);
    else if (!test(value)) problems.push(`${type}.${field}: ${JSON.stringify(value)}`);
  }
  return problems;
}
