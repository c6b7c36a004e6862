// The command line speaks the user's language: Chinese from LANG (or
// LC_ALL, LC_MESSAGES) or from --lang zh, English otherwise, byte for byte
// as before. What programs read stays English: the `path:line:col:
// error[NNxxxx]:` prefix, option names, --json keys; a --json message
// follows the language. The real binary, in a child process.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'nn.js');

/** The environment without any language setting, plus `language`. */
function environment(language: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG', 'LANGUAGE']) delete env[name];
  return { ...env, ...language };
}

function nn(args: string[], language: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', env: environment(language) });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nn-locale-'));
  // an image fed to Dense without Flatten: NN2002
  writeFileSync(join(dir, 'flatten.nn'), 'model M {\n  input x: [B, 28, 28, 1]\n  output x -> Dense(10)\n}\n');
  writeFileSync(join(dir, 'ok.nn'), 'model M {\n  input x: [B, 28, 28, 1]\n  output x -> Conv2D(8, 3) -> Flatten() -> Dense(10)\n}\n');
});

const ENGLISH_NN2002 = 'flatten.nn:3:15: error[NN2002]: Dense acts on the last axis of a rank-4 input here; flatten the image features first';
const CHINESE_NN2002 = 'flatten.nn:3:15: error[NN2002]: Dense 只作用于最后一个轴，而这里的输入秩为 4：请先把图像特征展平';

describe('nn check in Chinese', () => {
  const ways: [string, string[], Record<string, string>][] = [
    ['LANG=zh_CN.UTF-8', ['check', 'flatten.nn'], { LANG: 'zh_CN.UTF-8' }],
    ['LC_ALL=zh_CN.UTF-8 over LANG=en_US.UTF-8', ['check', 'flatten.nn'], { LANG: 'en_US.UTF-8', LC_ALL: 'zh_CN.UTF-8' }],
    ['--lang zh', ['--lang', 'zh', 'check', 'flatten.nn'], {}],
    ['--lang=zh after the command', ['check', 'flatten.nn', '--lang=zh'], { LANG: 'en_US.UTF-8' }],
  ];
  it.each(ways)('%s: the NN2002 message, its note and fix, and the summary line', (_, args, language) => {
    const r = nn(args, language);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(CHINESE_NN2002);
    expect(lines).toContain('  help: 在 Dense 之前插入 Flatten');
    expect(r.stderr).toBe('1 个错误\n');
  });

  it('--lang en overrides a Chinese LANG', () => {
    const r = nn(['--lang', 'en', 'check', 'flatten.nn'], { LANG: 'zh_CN.UTF-8' });
    expect(r.stdout.split('\n')[0]).toBe(ENGLISH_NN2002);
    expect(r.stderr).toBe('1 error\n');
  });

  it('--json keeps its keys, code and range, with the message in Chinese', () => {
    const chinese = JSON.parse(nn(['check', '--json', 'flatten.nn'], { LANG: 'zh_CN.UTF-8' }).stdout);
    const english = JSON.parse(nn(['check', '--json', 'flatten.nn']).stdout);
    const diagnostic = chinese.files[0].diagnostics[0];
    expect(Object.keys(diagnostic)).toEqual(['severity', 'code', 'message', 'range']);
    expect(diagnostic.message).toBe('Dense 只作用于最后一个轴，而这里的输入秩为 4：请先把图像特征展平');
    expect({ ...diagnostic, message: undefined }).toEqual({ ...english.files[0].diagnostics[0], message: undefined });
  });

  it('refuses a language it does not know, in the language of the environment', () => {
    expect(nn(['--lang', 'fr', 'check', 'ok.nn'])).toMatchObject({ code: 2, stderr: "nn: --lang takes zh or en, not 'fr'\n" });
    expect(nn(['--lang', 'fr', 'check', 'ok.nn'], { LANG: 'zh_CN.UTF-8' })).toMatchObject({ code: 2, stderr: "nn: --lang 只能取 zh 或 en，不能是 'fr'\n" });
  });
});

describe('nn summary and help in Chinese', () => {
  it('writes the table headings and totals in Chinese, the columns aligned by terminal width', () => {
    const r = nn(['summary', 'ok.nn'], { LANG: 'zh_CN.UTF-8' });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('模型：M');
    const header = lines.find((l) => l.startsWith('层'))!;
    expect(header.split(/\s{2,}/)).toEqual(['层', '种类', '输出形状', '参数量', 'FLOPs']);
    expect(lines).toContain('参数总量：54,170');
    expect(lines).toContain('可训练参数：54,170');
    // a Chinese character takes two columns: the numbers end in the column where the heading's FLOPs ends
    const row = lines.find((l) => l.startsWith('Dense_1'))!;
    const columns = (text: string) => [...text].reduce((n, c) => n + (/[\u4e00-\u9fff]/.test(c) ? 2 : 1), 0);
    expect(columns(row)).toBe(columns(header));
  });

  it('explains nn and each command in Chinese, keeping the usage lines and option names', () => {
    const help = nn(['--help'], { LANG: 'zh_CN.UTF-8' });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('nn：一门描述神经网络的语言');
    expect(help.stdout).toContain('usage: nn check FILE... [--json]\n    找出每个语法和形状错误');
    const train = nn(['train', '--help', '--lang', 'zh']);
    expect(train.stdout).toMatch(/^usage: nn train FILE \[--model NAME\]/);
    expect(train.stdout).toContain('  --resume             从这个 train 块最新的完好检查点开始一次新的训练');
  });

  it('reports a usage mistake in Chinese after the command name', () => {
    const r = nn(['summary', 'ok.nn', '--set', 'oops'], { LANG: 'zh_CN.UTF-8' });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe("nn summary: --set 的格式是 name=value，不能是 'oops'");
  });
});

describe('without a language setting', () => {
  it('speaks English, as before', () => {
    const r = nn(['check', 'flatten.nn']);
    expect(r.stdout.split('\n')[0]).toBe(ENGLISH_NN2002);
    expect(r.stdout).toContain('  help: Insert Flatten before Dense');
    expect(r.stderr).toBe('1 error\n');
    expect(nn(['summary', 'ok.nn']).stdout.split('\n').slice(0, 2)).toEqual(['Model: M', 'Inputs: x [B, 28, 28, 1]']);
  });

  const commands = ['check flatten.nn', 'check --json flatten.nn', 'summary ok.nn', '--help', 'train --help', 'summary'];
  it.each(commands)('nn %s is byte for byte the English of --lang en', (command) => {
    const args = command.split(' ');
    const plain = nn(args);
    expect(plain).toEqual(nn(['--lang', 'en', ...args], { LANG: 'zh_CN.UTF-8' }));
    expect(plain.stdout + plain.stderr).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
