// The memory a run needs, estimated from the traced graph before anything
// is allocated, and the memory there is (the system's, or a container's
// cgroup limit): a model too large is refused with both numbers.

import { describe, expect, it } from 'vitest';
import { traceModel } from '../../../core/graph/trace.js';
import type { CallPlan } from '../../../core/train/plan.js';
import { activationBytes, availableMemory, checkMemory, formatBytes, NotEnoughMemoryError, optimizerSlots, trainingMemory } from '../../../runtime/train/memory-estimate.js';
import { memoryHost } from '../../helpers/memory-host.js';

function graphOf(body: string, input = '[B, 784]') {
  const traced = traceModel('/m.nn', memoryHost({ '/m.nn': `model M {\n  input x: ${input}\n  output x -> ${body}\n}\n` }));
  if (!traced.ok) throw new Error(traced.message);
  return traced.graph;
}

const adam: CallPlan = { name: 'Adam', args: { lr: 0.001 } } as CallPlan;
const sgd = (momentum?: number): CallPlan => ({ name: 'SGD', args: momentum === undefined ? { lr: 0.1 } : { lr: 0.1, momentum } }) as CallPlan;

describe('the memory a run needs', () => {
  it('counts the optimizer state by its slots per weight', () => {
    expect(optimizerSlots(adam)).toBe(2);
    expect(optimizerSlots({ name: 'AdamW', args: {} } as CallPlan)).toBe(2);
    expect(optimizerSlots({ name: 'RMSprop', args: {} } as CallPlan)).toBe(2);
    expect(optimizerSlots(sgd())).toBe(0);
    expect(optimizerSlots(sgd(0.9))).toBe(1);
  });

  it('is the weights, their gradients, the optimizer state and a batch of activations', () => {
    const graph = graphOf('Dense(10)');
    // 784 * 10 + 10 weights
    const need = trainingMemory([graph], adam, 32);
    expect(need.weights).toBe(7850 * 4);
    expect(need.gradients).toBe(7850 * 4);
    expect(need.optimizerState).toBe(7850 * 4 * 2);
    // the input [32, 784] and the output [32, 10]
    expect(activationBytes(graph, 32)).toBe((32 * 784 + 32 * 10) * 4);
    expect(need.total).toBe(need.weights + need.gradients + need.optimizerState + need.activations);
  });

  it('refuses a model of ten billion weights with what it needs and what there is', () => {
    const graph = graphOf('Dense(100000) -> ReLU -> Dense(100000) -> Dense(10) -> Softmax');
    expect(graph.params.trainable).toBe(10_079_600_010);
    const run = { name: 'Huge', graphs: [graph], optimizer: adam, batch: 32, device: 'cpu' as const };
    expect(() => checkMemory(run, () => 3.1e9)).toThrow(NotEnoughMemoryError);
    expect(() => checkMemory(run, () => 3.1e9)).toThrow(
      "Huge needs 161 GB of memory to train (40.3 GB of weights, 40.3 GB for their gradients, 80.6 GB for Adam's state, about 38.5 MB for the activations of a batch of 32); 3.1 GB are available",
    );
    // on a GPU the weights live in its own memory, which is not measured
    expect(() => checkMemory({ ...run, device: 'gpu' }, () => 3.1e9)).not.toThrow();
  });

  it('lets a small model train', () => {
    expect(() => checkMemory({ name: 'M', graphs: [graphOf('Dense(10)')], optimizer: adam, batch: 32, device: 'cpu' }, () => 1e9)).not.toThrow();
  });

  it('writes bytes for people', () => {
    expect(formatBytes(7.6e9)).toBe('7.6 GB');
    expect(formatBytes(512e6)).toBe('512 MB');
    expect(formatBytes(1500)).toBe('1.5 kB');
    expect(formatBytes(12)).toBe('12 bytes');
  });
});

describe('the memory there is', () => {
  const files = (entries: Record<string, string>) => (path: string) => entries[path];

  it('is the system available memory without a cgroup limit', () => {
    expect(availableMemory(files({}), 8e9)).toBe(8e9);
    expect(availableMemory(files({ '/sys/fs/cgroup/memory.max': 'max\n' }), 8e9)).toBe(8e9);
    // cgroup v1 writes "no limit" as a huge number
    expect(availableMemory(files({ '/sys/fs/cgroup/memory/memory.limit_in_bytes': '9223372036854771712\n' }), 8e9)).toBe(8e9);
  });

  it("is at most a container's limit less what it uses, page cache it can drop not counted", () => {
    const v2 = files({
      '/sys/fs/cgroup/memory.max': '4000000000\n',
      '/sys/fs/cgroup/memory.current': '3000000000\n',
      '/sys/fs/cgroup/memory.stat': 'anon 1000000000\nfile 2000000000\ninactive_file 1500000000\nactive_file 500000000\n',
    });
    expect(availableMemory(v2, 8e9)).toBe(2.5e9);
    const v1 = files({ '/sys/fs/cgroup/memory/memory.limit_in_bytes': '2000000000', '/sys/fs/cgroup/memory/memory.usage_in_bytes': '500000000' });
    expect(availableMemory(v1, 8e9)).toBe(1.5e9);
    // the system's own figure wins when it is lower
    expect(availableMemory(v1, 1e9)).toBe(1e9);
  });
});
