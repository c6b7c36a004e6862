// `nn train FILE [--model NAME] [--json] ...`: trains the model of a train
// block on the native TensorFlow backend. The file is checked first
// (without loading TensorFlow); problems are reported like `nn check`.
// SIGINT, or a `{"type":"stop"}` line on stdin, stops after the current
// batch with a checkpoint saved, and exit status 130. Every failure is one
// line on stderr (and an `error` event with --json): exit status 3 for a
// run that diverged, 2 for the others (failure-message.ts).
// `--explain` takes the run's first step only and shows it layer by layer
// (runtime/explain/, cli/explain-output.ts): it trains nothing and saves no
// checkpoint. `--engine torch` trains in PyTorch instead (train-torch.ts).

import { msg } from '../core/i18n/message.js';
import { statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Diagnostic } from '../core/diagnostics/diagnostic.js';
import { planTraining } from '../core/train/plan.js';
import { LineIndex } from '../core/text/line-index.js';
import { loadTensorflow } from '../runtime/backend.js';
import { explainTraining } from '../runtime/explain/explain-training.js';
import type { Emit } from '../runtime/train/events.js';
import { recordEvents } from '../runtime/train/events-file.js';
import { runTraining } from '../runtime/train/run-training.js';
import type { StopSignal } from '../runtime/train/supervised.js';
import { TrainError } from '../runtime/train/trace-model.js';
import { BackendError } from '../runtime/backend.js';
import { UnsupportedModelError } from '../runtime/export/pytorch/generate-module.js';
import { probePython, type PythonReport } from '../runtime/python/find-python.js';
import { seedOf } from '../runtime/train/run-training.js';
import { exportTorchProgram } from '../runtime/train/torch-export.js';
import type { TorchDevice } from '../runtime/train/torch-engine.js';
import { torchInstead, trainWithTorch } from './train-torch.js';
import { parseArgs } from './args.js';
import { explainDisplay, explainJsonLines } from './explain-output.js';
import { describeFailure, type Failure } from './failure-message.js';
import { toText } from './format-diagnostic.js';
import { EXIT, type Io, printHelp } from './io.js';
import { nodeHost } from './node-host.js';
import { jsonLines, progressDisplay } from './train-output.js';

export const TRAIN_USAGE = 'usage: nn train FILE [--model NAME] [--json] [--epochs N] [--batch N] [--seed N] [--device cpu|gpu|auto] [--resume] [--out DIR] [--explain] [--eager] [--engine tfjs|torch [--device cuda] [--nproc N] [--amp bf16] [--fsdp]]';

/** The command's help, in the language chosen; the usage line and option names stay as typed. */
export function trainHelp(): string {
  return `${TRAIN_USAGE}

${msg`Trains a model on the native TensorFlow backend, as its train block says, and
writes the run (checkpoints, events, pictures) into a folder of its own,
runs/<name>/<run-id>/ beside FILE. FILE may hold several train blocks: --model
picks one (a train block, not a model). Ctrl-C finishes the batch, saves a
checkpoint and exits with 130.`}
  --model NAME         ${msg`the train block to run (default: the file's only one)`}
  --epochs N, --batch N, --seed N
                       ${msg`override the train block's settings`}
  --device cpu|gpu|auto
                       ${msg`where to train (default auto: a GPU when TensorFlow sees one)`}
  --resume             ${msg`start a new run from the newest intact checkpoint of this train block`}
  --out DIR            ${msg`put the run folders in DIR instead of runs/<name>/ beside FILE`}
  --json               ${msg`JSON Lines events instead of a progress bar (docs/events.md)`}
  --explain            ${msg`take one step only and show each layer's activations, gradients and update`}
  --eager              ${msg`run each step op by op, as TensorFlow.js does (default: each step as one
                       TensorFlow graph, on the native backend, where the step allows it)`}
  --engine tfjs|torch  ${msg`tfjs (the default), or torch: the train block exported to PyTorch
                       (model.py, train.py, data/ in the run folder's torch/) and trained by
                       the Python that has torch (NN_PYTHON, else python3; \`nn doctor\` says
                       which): the same events, checkpoints in the run folder, --resume`}
  --device cuda        ${msg`(torch) train on the GPU (gpu means the same; default: CUDA when PyTorch sees it)`}
  --nproc N            ${msg`(torch) N processes under torch.distributed.run (DDP; one per GPU)`}
  --amp bf16, --fsdp   ${msg`(torch) bfloat16 autocast; FSDP2 sharding`}
${msg`With --device gpu and no GPU that TensorFlow.js can use, training goes to
PyTorch when it sees CUDA, and says so.`}
`;
}

/** Exit status after a stop request (as after SIGINT). */
export const EXIT_STOPPED = 130;

export async function trainCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { flags: ['json', 'resume', 'explain', 'fsdp', 'eager'], options: ['model', 'epochs', 'batch', 'seed', 'device', 'out', 'engine', 'nproc', 'amp'] });
  if ('error' in args) return usage(io, args.error);
  if ('help' in args) return printHelp(io, trainHelp());
  if (args.positional.length !== 1) return usage(io, args.positional.length === 0 ? msg`no file given` : msg`give one file`);
  const json = args.flags.has('json');
  const explain = args.flags.has('explain');
  if (explain && args.flags.has('resume')) return usage(io, msg`--explain shows the first step from the initial weights; it does not take --resume`);
  // every event of a run is also kept in its run folder (runtime/train/events-file.ts)
  const recorder = recordEvents(json ? jsonLines(io.stdout) : progressDisplay(io.stdout, io.interactive ?? false, io.stderr, io.columns));
  // the folder the run writes in, for a failed write that does not say where (the run's own folder once it starts)
  let place: string | undefined;
  const emit: Emit = (e) => {
    if (e.type === 'start' && e.runDir !== undefined) place = e.runDir;
    recorder.emit(e);
  };
  const path = args.positional[0]!;
  const file = resolve(io.cwd, path);
  const overrides: { epochs?: number; batch?: number; seed?: number } = {};
  for (const name of ['epochs', 'batch', 'seed'] as const) {
    const raw = args.options.get(name)?.[0];
    if (raw === undefined) continue;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < (name === 'seed' ? 0 : 1)) return usage(io, name === 'seed' ? msg`--${name} takes a whole number, not '${raw}'` : msg`--${name} takes a whole number of at least 1, not '${raw}'`);
    overrides[name] = n;
  }
  const engine = args.options.get('engine')?.[0] ?? 'tfjs';
  if (engine !== 'tfjs' && engine !== 'torch') return usage(io, msg`--engine takes tfjs or torch, not '${engine}'`);
  const torch = torchOptions(args, engine === 'torch');
  if (typeof torch === 'string') return usage(io, torch);
  if (explain && engine === 'torch') return usage(io, msg`--explain shows a step of the tfjs engine; it does not take --engine torch`);
  let device = args.options.get('device')?.[0];
  if (device === 'cuda' && engine === 'torch') device = 'gpu';
  if (device !== undefined && device !== 'cpu' && device !== 'gpu' && device !== 'auto') return usage(io, engine === 'torch' ? msg`--device takes cpu, gpu or auto (or cuda), not '${device}'` : device === 'cuda' ? msg`--device takes cpu, gpu or auto, not '${device}': cuda is for --engine torch` : msg`--device takes cpu, gpu or auto, not '${device}'`);
  const target = args.options.get('model')?.[0];
  const outDir = args.options.get('out')?.[0];
  if (outDir !== undefined) {
    place = resolve(io.cwd, outDir);
    const notFolder = notAFolder(place);
    if (notFolder) return fail(io, emit, json, { message: msg`--out ${outDir} ${notFolder}; give a folder`, exit: EXIT.usage, fields: { path: place } });
  }

  // Check the file before loading TensorFlow: a mistake is reported in milliseconds.
  const planned = planTraining(file, nodeHost, target);
  if (!planned.ok) return reportProblems(io, emit, json, path, file, planned.message, planned.diagnostics);

  const stop: StopSignal = { requested: false };
  const detach = listenForStop(io, stop, json);
  try {
    const onTorch = (python?: PythonReport) => {
      const plan = { ...planned.plan, ...overrides };
      // one seed for the data's split and the initial weights the export writes
      const seeded = { ...plan, seed: seedOf(plan) };
      const asked = device ?? planned.plan.device;
      const torchDevice: TorchDevice | undefined = asked === 'gpu' ? 'cuda' : asked === 'cpu' ? 'cpu' : undefined;
      return trainWithTorch({
        io, emit, file, plan: seeded, ...(outDir !== undefined ? { outDir: resolve(io.cwd, outDir) } : {}),
        ...(torchDevice !== undefined ? { device: torchDevice } : {}),
        nproc: torch.nproc, resume: args.flags.has('resume'), extraArgs: torch.extraArgs, stop,
        ...(python ? { python } : {}),
        fail: (failure) => fail(io, emit, json, failure),
        exportProgram: async (dir) => {
          const loaded = await loadTensorflow({ device: 'cpu', stderr: io.stderr });
          return exportTorchProgram(loaded.tf as never, { file, host: nodeHost, plan: seeded, dir });
        },
      });
    };
    if (engine === 'torch') return await onTorch();
    const loaded = await loadTensorflow({ device: device ?? planned.plan.device, stderr: io.stderr }).catch(async (e: unknown) => {
      // --device gpu and no GPU for TensorFlow.js: PyTorch's, when it sees one
      if (!(e instanceof BackendError) || (device ?? planned.plan.device) !== 'gpu') throw e;
      const python = probePython();
      const instead = torchInstead(python);
      if (instead === undefined) throw e;
      emit({ type: 'warning', message: `${e.message}; ${instead}` });
      return python;
    });
    if (!('tf' in loaded)) return await onTorch(loaded);
    if (loaded.backend !== 'tensorflow') emit({ type: 'warning', message: msg`no native TensorFlow backend: training runs on pure JavaScript, about 100 times slower (run \`nn doctor\` to see why)` });
    // what a run and an explained step both take
    const request = {
      file,
      host: nodeHost,
      ...(target !== undefined ? { target } : {}),
      tf: loaded.tf as never,
      backend: { name: loaded.backend, device: loaded.device },
      ...(outDir !== undefined ? { outDir: resolve(io.cwd, outDir) } : {}),
      overrides,
    };
    if (explain) {
      await explainTraining({ ...request, emit: json ? explainJsonLines(io.stdout) : explainDisplay(io.stdout, io.cwd) });
      return EXIT.ok;
    }
    const result = await runTraining({
      ...request,
      resume: args.flags.has('resume'),
      eager: args.flags.has('eager'),
      emit,
      stop,
    });
    emit({ type: 'end', reason: result.reason, epochs: result.epochs, metrics: result.metrics, seconds: result.seconds });
    return result.reason === 'stopped' ? EXIT_STOPPED : EXIT.ok;
  } catch (e) {
    if (e instanceof TrainError) return reportProblems(io, emit, json, path, file, e.message, e.diagnostics);
    if (e instanceof UnsupportedModelError) return fail(io, emit, json, { message: `--engine torch: ${e.message}`, exit: EXIT.usage, fields: {} });
    const failure = describeFailure(e, place);
    if (failure) return fail(io, emit, json, failure);
    // a bug: the stream still ends with an error event; the command line says the rest
    emit({ type: 'error', message: msg`internal error: ${e instanceof Error ? e.message : String(e)}` });
    throw e;
  } finally {
    detach();
    recorder.close();
  }
}

/** A failure of the run: an error event (the display writes it on stderr for people), and with --json also one line on stderr. */
function fail(io: Io, emit: Emit, json: boolean, failure: Failure): number {
  emit({ type: 'error', message: failure.message, ...failure.fields });
  if (json) io.stderr.write(`nn: ${failure.message}\n`);
  return failure.exit;
}

/** Why `path` cannot be the folder of runs (it is a file), or undefined: it is a folder, or does not exist yet. */
function notAFolder(path: string): string | undefined {
  try {
    return statSync(path).isDirectory() ? undefined : msg`is a file, not a folder`;
  } catch {
    return undefined;
  }
}

/** Problems in the .nn file: as `nn check` prints them, or as error events with their places. */
function reportProblems(io: Io, emit: Emit, json: boolean, path: string, file: string, message: string, diagnostics: Diagnostic[]): number {
  const lines = (f: string | undefined) => {
    const text = nodeHost.readFile(f ?? file);
    return text === undefined ? undefined : new LineIndex(text);
  };
  if (json) {
    if (diagnostics.length === 0) emit({ type: 'error', message });
    for (const d of diagnostics) {
      const p = lines(d.file)?.position(d.range.start);
      emit({ type: 'error', message: d.message, file: d.file ?? file, ...(p ? { line: p.line + 1, column: p.character + 1 } : {}) });
    }
  } else {
    io.stderr.write(`nn: ${message.replaceAll(file, path)}\n`);
    for (const d of diagnostics) io.stderr.write(`${toText(d, path, lines, (f) => (f ? relative(io.cwd, f) : path))}\n`);
  }
  return diagnostics.length > 0 ? EXIT.problems : EXIT.usage;
}

/** SIGINT (twice: exit at once) and `{"type":"stop"}` lines on stdin request a stop. Returns a function that stops listening. */
function listenForStop(io: Io, stop: StopSignal, json: boolean): () => void {
  let interrupts = 0;
  const onSignal = () => {
    interrupts++;
    if (interrupts > 1) process.exit(EXIT_STOPPED);
    stop.requested = true;
    if (!json) io.stderr.write(`\nnn: ${msg`stopping after this batch (saving a checkpoint); press Ctrl-C again to quit now`}\n`);
  };
  process.on('SIGINT', onSignal);
  let buffered = '';
  const onData = (chunk: Buffer | string) => {
    buffered += chunk.toString();
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      try {
        if ((JSON.parse(line) as { type?: string }).type === 'stop') stop.requested = true;
      } catch {
        // not a message for us
      }
    }
  };
  const stdin = io.stdin && !io.stdin.isTTY ? io.stdin : undefined;
  if (stdin) {
    stdin.on('data', onData);
    (stdin as { unref?: () => void }).unref?.();
  }
  // the reader of the events went away (the editor closed): stop the graceful way; the events file keeps the rest
  // (the listener stays: a broken pipe found while writing the last events must not become an uncaught error)
  const stdout = io.stdout as { on?: (event: 'error', listener: () => void) => unknown };
  if (json)
    stdout.on?.('error', () => {
      stop.requested = true;
    });
  return () => {
    process.off('SIGINT', onSignal);
    stdin?.off('data', onData);
  };
}

/** `--nproc`, `--amp` and `--fsdp`, which only the torch engine takes; or what is wrong with them. */
function torchOptions(args: { options: Map<string, string[]>; flags: Set<string> }, torch: boolean): { nproc: number; extraArgs: string[] } | string {
  const nprocText = args.options.get('nproc')?.[0];
  const amp = args.options.get('amp')?.[0];
  const given = [nprocText !== undefined && '--nproc', amp !== undefined && '--amp', args.flags.has('fsdp') && '--fsdp'].filter((o): o is string => o !== false);
  if (!torch && given.length > 0) return given.length === 1 ? msg`${given.join(', ')} is for --engine torch` : msg`${given.join(', ')} are for --engine torch`;
  const nproc = nprocText === undefined ? 1 : Number(nprocText);
  if (!Number.isInteger(nproc) || nproc < 1) return msg`--nproc takes a whole number of at least 1, not '${nprocText}'`;
  if (amp !== undefined && amp !== 'bf16') return msg`--amp takes bf16, not '${amp}'`;
  return { nproc, extraArgs: [...(amp !== undefined ? ['--amp', amp] : []), ...(args.flags.has('fsdp') ? ['--fsdp'] : [])] };
}

function usage(io: Io, message: string): number {
  io.stderr.write(`nn train: ${message}\n${TRAIN_USAGE}\n`);
  return EXIT.usage;
}
