// One scenario's editor: a run folder in the system's temp folder, a fresh
// workspace, the packaged extension installed into a fresh code-server, and
// headless chromium on its workbench. close() keeps the logs and a
// screenshot under e2e-results/<name>/, ends every process the scenario
// started and deletes the run folder.

import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openWorkbench, VIEWPORT } from './browser.js';
import { installExtension, runFolders, startCodeServer, type RunningCodeServer } from './code-server.js';
import { installNotificationRecorder, notifications, recordConsoleErrors, type Notification } from './notifications.js';
import { packagedExtension, RESULTS } from './paths.js';
import { processesMarked } from './processes.js';
import { quietSettings, type Settings } from './settings.js';
import { makeWorkspace, type ExtraFiles } from './workspace.js';

export interface ScenarioOptions {
  /** folder name of its results: screenshots and logs */
  name: string;
  /** settings on top of the quiet ones */
  settings?: Settings;
  /** true: workspace trust is on and the folder is not trusted (restricted mode) */
  untrusted?: boolean;
  /** extra workspace files by relative path */
  files?: ExtraFiles;
}

export interface Scenario {
  page: Page;
  /** the workspace folder (absolute) */
  workspace: string;
  consoleErrors: string[];
  notifications(): Promise<Notification[]>;
  /** milliseconds of each step, written to e2e-results/<name>/timings.json */
  timings: Record<string, number>;
  /** times `step` under `label` */
  time<T>(label: string, step: () => Promise<T>): Promise<T>;
  /** e2e-results/<name>/<label>.png */
  screenshot(label: string): Promise<string>;
  close(): Promise<void>;
}

export async function startScenario(o: ScenarioOptions): Promise<Scenario> {
  const results = join(RESULTS, o.name);
  rmSync(results, { recursive: true, force: true });
  mkdirSync(results, { recursive: true });
  const run = mkdtempSync(join(tmpdir(), `nn-e2e-${o.name}-`));
  const marker = `${o.name}-${process.pid}-${Date.now()}`;
  const folders = runFolders(run);
  const workspace = makeWorkspace(join(run, 'workspace'), o.files);
  const started = performance.now();
  const timings: Record<string, number> = {};
  const time = async <T>(label: string, step: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await step();
    } finally {
      timings[label] = Math.round(performance.now() - t0);
    }
  };

  let server: RunningCodeServer | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    const t0 = performance.now();
    await browser?.close().catch(() => undefined);
    const strays = server ? await server.stop() : [];
    timings.teardown = Math.round(performance.now() - t0);
    timings.total = Math.round(performance.now() - started);
    keepLogs(run, results);
    const activation = activationTime(results);
    if (activation !== undefined) timings['activation (the extension log)'] = activation;
    writeFileSync(join(results, 'timings.json'), `${JSON.stringify({ ...timings, strays }, null, 2)}\n`);
    const left = processesMarked(marker);
    rmSync(run, { recursive: true, force: true });
    if (left.length > 0) throw new Error(`processes of scenario ${o.name} outlived its teardown: ${left.join(', ')}`);
  };

  try {
    const { vsix } = packagedExtension();
    await time('install', () => installExtension(folders, vsix, marker));
    server = await time('start', () => startCodeServer({ folders, workspace, marker, trust: o.untrusted === true, settings: { ...quietSettings(o.untrusted === true), ...o.settings } }));
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: VIEWPORT });
    await installNotificationRecorder(page);
    const consoleErrors = recordConsoleErrors(page);
    await time('workbench', () => openWorkbench(page, server!.url, workspace));
    return {
      page,
      workspace,
      consoleErrors,
      notifications: () => notifications(page),
      timings,
      time,
      screenshot: async (label) => {
        const path = join(results, `${label}.png`);
        await page.screenshot({ path });
        return path;
      },
      close,
    };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}

/** The time the extension logs for its own activation (`activated in N ms` in its output channel 'nn'). */
function activationTime(results: string): number | undefined {
  const logs = join(results, 'logs');
  if (!existsSync(logs)) return undefined;
  for (const session of readdirSync(logs)) {
    const channel = join(logs, session, 'exthost1', packagedExtension().id, 'nn.log');
    const m = existsSync(channel) ? /activated in (\d+) ms/.exec(readFileSync(channel, 'utf8')) : null;
    if (m) return Number(m[1]);
  }
  return undefined;
}

/** Copies code-server's log and the workbench logs (extension host, output channels) into the results. */
function keepLogs(run: string, results: string): void {
  const log = join(run, 'code-server.log');
  if (existsSync(log)) cpSync(log, join(results, 'code-server.log'));
  const logs = join(run, 'user-data', 'logs');
  if (existsSync(logs)) cpSync(logs, join(results, 'logs'), { recursive: true });
}
