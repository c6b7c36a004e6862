// Loads TensorFlow.js for training and running models, on the fastest
// backend that truly works, and says which and why:
//
//   device 'gpu'  @tensorflow/tfjs-node-gpu, or @tensorflow/tfjs-node's GPU build
//                 (NN_NATIVE_GPU=1 npm run native), on a GPU it really uses, or an error;
//   device 'auto' tfjs-node-gpu when installed, else @tensorflow/tfjs-node;
//   device 'cpu'  @tensorflow/tfjs-node;
//
// and when no native binding loads, the pure-JavaScript @tensorflow/tfjs
// (about 100x slower), with a loud warning on stderr, never silently.
// tfjs is only ever imported here, dynamically: `nn check`, `summary`, `fmt`
// and the language server never load it.

import { msg } from '../core/i18n/message.js';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as TfModule from '@tensorflow/tfjs';
import { gpuVerdict, readNvidiaDriver } from './gpu-verdict.js';
import { readInstallRecord, type InstallRecord } from './install-record.js';
import { loadedTensorflowLibrary } from './loaded-libraries.js';
import { restoreRemovedUtil } from './node-util-polyfill.js';
import { quietTensorflowLogs, withConsoleOnStderr } from './quiet-console.js';

export type Tf = typeof TfModule;
export type Device = 'cpu' | 'gpu' | 'auto';
type Write = { write(text: string): unknown };

export interface LoadedTensorflow {
  tf: Tf;
  /** 'tensorflow': the native binding; 'cpu': pure JavaScript. */
  backend: 'tensorflow' | 'cpu';
  device: 'cpu' | 'gpu';
  gpu: boolean;
  /** The package that provides the backend. */
  package: '@tensorflow/tfjs-node-gpu' | '@tensorflow/tfjs-node' | '@tensorflow/tfjs';
  versions: { tfjs: string; tfjsNode?: string; tensorflow?: string };
  /** The TensorFlow shared library in use (native backends only). */
  libraryPath?: string;
  bindingPath?: string;
  /** How the installer installed the binding, when it did. */
  install?: InstallRecord;
  /** Each finding, in order, as a sentence. */
  reasons: string[];
}

export interface LoadOptions {
  device?: Device;
  /** Where the pure-JavaScript warning goes (default: process.stderr). */
  stderr?: Write;
}

export class BackendError extends Error {}

const GPU = '@tensorflow/tfjs-node-gpu';
const NODE = '@tensorflow/tfjs-node';
const gpuNeeds = (): string => msg`tfjs-node-gpu 4.22 needs CUDA 11.2 and cuDNN 8.1`;

export async function loadTensorflow(options: LoadOptions = {}): Promise<LoadedTensorflow> {
  const device = options.device ?? 'auto';
  const stderr = options.stderr ?? process.stderr;
  const reasons: string[] = [];
  quietTensorflowLogs();
  restoreRemovedUtil();
  return withConsoleOnStderr(stderr, async () => {
    if (device !== 'cpu') {
      const gpu = await tryNative(GPU, reasons);
      if (gpu?.gpu) return gpu;
      if (device === 'gpu' && nodeIsGpuBuild()) {
        const native = await tryNative(NODE, reasons);
        if (native?.gpu) return native;
      }
      if (device === 'gpu') throw new BackendError(msg`a GPU was asked for, but ${reasons.at(-1) ?? msg`none is in use`}`);
      if (gpu) return gpu; // tfjs-node-gpu without a usable GPU still runs natively on the CPU
    }
    const native = await tryNative(NODE, reasons);
    if (native) return native;
    return pureJavaScript(reasons, stderr);
  });
}

/** The native backend from `name`, or undefined (with the reason) when it is not installed or does not load. */
async function tryNative(name: typeof GPU | typeof NODE, reasons: string[]): Promise<LoadedTensorflow | undefined> {
  const main = resolveFrom(import.meta.url, name);
  if (!main) {
    reasons.push(name === GPU ? msg`${GPU} is not installed (${gpuNeeds()})` : msg`${NODE} is not installed`);
    return undefined;
  }
  let tf: Tf;
  try {
    tf = await importMain(main);
  } catch (e) {
    reasons.push(msg`${name}'s native binding did not load: ${firstLine(e)}`);
    return undefined;
  }
  if (tf.getBackend() !== 'tensorflow') {
    reasons.push(msg`${name} loaded, but its backend is '${tf.getBackend()}', not 'tensorflow'`);
    return undefined;
  }
  const backend = tf.backend() as unknown as { binding: { TF_Version: string }; isUsingGpuDevice: boolean };
  const packageDir = dirname(dirname(main)); // main is <package>/dist/index.js
  const bindingPath = resolveBinding(main);
  reasons.push(msg`native binding loaded from ${bindingPath ?? packageDir}`);
  const install = readInstallRecord(packageDir);
  // tfjs-node built against the tensorflow GPU wheel uses a GPU like tfjs-node-gpu does
  const gpu = (name === GPU || install?.gpu !== undefined) && backend.isUsingGpuDevice === true;
  if (name === GPU) reasons.push(gpu ? msg`TensorFlow is using a GPU` : msg`${GPU} found no usable GPU and runs on the CPU (${gpuNeeds()})`);
  else if (install?.gpu) reasons.push(gpuVerdict({ build: install.gpu, usingGpu: gpu, driver: readNvidiaDriver(), libraryPath: process.env.LD_LIBRARY_PATH ?? '' }).reason);
  return {
    tf,
    backend: 'tensorflow',
    device: gpu ? 'gpu' : 'cpu',
    gpu,
    package: name,
    versions: { tfjs: tf.version.tfjs, tfjsNode: (tf.version as Record<string, string>)['tfjs-node'], tensorflow: backend.binding.TF_Version },
    libraryPath: loadedTensorflowLibrary(packageDir),
    bindingPath,
    install,
    reasons,
  };
}

async function pureJavaScript(reasons: string[], stderr: Write): Promise<LoadedTensorflow> {
  // Prefer the @tensorflow/tfjs that tfjs-node depends on (it may not be hoisted).
  const nodeMain = resolveFrom(import.meta.url, NODE);
  const main = (nodeMain && resolveFrom(pathToFileURL(nodeMain).href, '@tensorflow/tfjs')) ?? resolveFrom(import.meta.url, '@tensorflow/tfjs');
  if (!main) throw new BackendError(msg`no TensorFlow.js is installed: ${reasons.join('; ')}; run \`npm install\``);
  const tf = await importMain(main);
  await tf.setBackend('cpu');
  await tf.ready();
  reasons.push(msg`running on the pure-JavaScript CPU backend of @tensorflow/tfjs`);
  stderr.write(
    [
      'nn: WARNING: TensorFlow\'s native backend is not available, so nn runs on pure JavaScript:',
      'nn: training is about 100x slower.',
      ...reasons.slice(0, -1).map((r) => `nn:   ${r}`),
      'nn: Fix: `npm run native` in the nn folder; `nn doctor` shows the details.',
      '',
    ].join('\n'),
  );
  return { tf, backend: 'cpu', device: 'cpu', gpu: false, package: '@tensorflow/tfjs', versions: { tfjs: tf.version.tfjs }, reasons };
}

/** Is the installed @tensorflow/tfjs-node the GPU build? (read from its install record, without loading it) */
function nodeIsGpuBuild(): boolean {
  const main = resolveFrom(import.meta.url, NODE);
  return main !== undefined && readInstallRecord(dirname(dirname(main)))?.gpu !== undefined;
}

function resolveFrom(from: string, name: string): string | undefined {
  try {
    return createRequire(from).resolve(name);
  } catch {
    return undefined;
  }
}

/** Where the package's loader (node-pre-gyp) finds the binding. */
function resolveBinding(main: string): string | undefined {
  try {
    const require = createRequire(main);
    const preGyp = require('@mapbox/node-pre-gyp') as { find(packageJson: string): string };
    return preGyp.find(require.resolve('../package.json'));
  } catch {
    return undefined;
  }
}

/** A CommonJS package's exports, imported by path (tfjs is never bundled). */
async function importMain(main: string): Promise<Tf> {
  const module = (await import(pathToFileURL(main).href)) as { default?: Tf } & Tf;
  return module.default ?? module;
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0]!.trim();
}
