// The request guards: a bug never kills the server; a user's error passes through;
// a command's bug is a JSON-RPC InternalError, not a result.

import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import { describe, expect, test, vi } from 'vitest';
import { guard, guardCommand } from '../../server/safe.js';

const bug = (): never => {
  throw new TypeError('cannot read properties of undefined');
};
const refusal = (): never => {
  throw new ResponseError(ErrorCodes.InvalidParams, 'cannot rename this');
};

describe('guard', () => {
  test('answers a bug with the fallback and logs it on stderr', () => {
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(guard('hover', null, bug)(undefined)).toBeNull();
      expect(write).toHaveBeenCalledWith('nn-language-server: hover failed: cannot read properties of undefined\n');
    } finally {
      write.mockRestore();
    }
  });

  test('passes a ResponseError through, and an answer as it is', () => {
    expect(() => guard('rename', null, refusal)(undefined)).toThrow(ResponseError);
    expect(guard('hover', null, (n: number) => n + 1)(1)).toBe(2);
  });
});

describe('guardCommand', () => {
  test('answers a bug with an InternalError naming the command', () => {
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      let thrown: unknown;
      try {
        guardCommand('nn.summary', bug)(undefined);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(ResponseError);
      expect(thrown).toMatchObject({ code: ErrorCodes.InternalError, message: expect.stringMatching(/^nn\.summary failed: an internal error/) });
      expect(write).toHaveBeenCalledWith('nn-language-server: nn.summary failed: cannot read properties of undefined\n');
    } finally {
      write.mockRestore();
    }
  });

  test('passes a ResponseError through unchanged, and a result as it is', () => {
    expect(() => guardCommand('nn.summary', refusal)(undefined)).toThrow(expect.objectContaining({ code: ErrorCodes.InvalidParams, message: 'cannot rename this' }));
    expect(guardCommand('nn.summary', () => ({ model: 'Net' }))(undefined)).toEqual({ model: 'Net' });
  });
});
