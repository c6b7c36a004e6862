// The queue of documents waiting for their check: one check per macrotask,
// in turn; a document queued again while it waits keeps its place, and one
// queued again by its own check goes behind the others, so none starves.

import { expect, test } from 'vitest';
import { CheckQueue } from '../../server/check-queue.js';

/** Resolves once the queue has run `n` checks. */
function checksDone(queue: CheckQueue, n: number): Promise<void> {
  return new Promise((resolve) => {
    const poll = (): void => (queue.checks >= n ? resolve() : void setImmediate(poll));
    poll();
  });
}

test('in turn, one per macrotask; queued again while waiting keeps its place', async () => {
  const order: string[] = [];
  const macrotasks: string[] = [];
  const queue = new CheckQueue((uri) => order.push(uri));
  queue.add('a');
  queue.add('b');
  queue.add('a'); // still waiting: keeps its place, checked once
  queue.add('c');
  // between two checks, other macrotasks run (the connection's messages)
  const tick = (): void => {
    macrotasks.push(order.join(''));
    if (order.length < 3) setImmediate(tick);
  };
  setImmediate(tick);
  await checksDone(queue, 3);
  expect(order).toEqual(['a', 'b', 'c']);
  // every check ran in a macrotask of its own: something else ran between each two
  expect(macrotasks).toEqual(expect.arrayContaining(['a', 'ab']));
});

test('a document re-queued by its own check goes behind the others: round robin', async () => {
  const order: string[] = [];
  let busy = 4;
  const queue = new CheckQueue((uri) => {
    order.push(uri);
    // 'busy' changes again each time it is checked (an editor typing without a pause)
    if (uri === 'busy' && --busy > 0) queue.add('busy');
  });
  queue.add('busy');
  queue.add('quiet');
  queue.add('other');
  await checksDone(queue, 6);
  expect(order).toEqual(['busy', 'quiet', 'other', 'busy', 'busy', 'busy']);
});

test('a document removed while it waits is not checked', async () => {
  const order: string[] = [];
  const queue = new CheckQueue((uri) => order.push(uri));
  queue.add('a');
  queue.add('b');
  queue.delete('a');
  expect(queue.has('a')).toBe(false);
  await checksDone(queue, 1);
  expect(order).toEqual(['b']);
});
