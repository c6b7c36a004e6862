// The summary view: a table of the model's layers (path indented by block
// nesting, kind, output shape, parameters, FLOPs) with the totals; a click on
// a layer selects its source, a click on a block folds it. Colours come from
// the VS Code theme's CSS variables. `body[data-ready]` is set after the
// first table is drawn.

import { l10n } from '../shared/l10n.js';
import { initialData, onMessage, vscodeApi } from '../shared/vscode-api.js';
import type { FromSummaryView, Summary, SummaryViewState, ToSummaryView } from './protocol.js';
import { isHidden, type TableRow, tableRows, totals } from './rows.js';
import './style.css';

const api = vscodeApi<SummaryViewState>();
const post = (message: FromSummaryView): void => api.postMessage(message);
const saved = api.getState();
const initial = initialData<SummaryViewState>();
const collapsed = new Set<string>(saved?.collapsed ?? []);
const identity = initial ?? saved;
const keepState = (): void => {
  if (identity) api.setState({ file: identity.file, model: identity.model, collapsed: [...collapsed] });
};
keepState();
let rows: TableRow[] = [];

const app = document.getElementById('app')!;
const header = element('header', 'summary-header');
const problem = element('div', 'problem');
problem.hidden = true;
const table = element('table');
table.id = 'summary';
app.append(header, problem, table);

onMessage<ToSummaryView>((message) => {
  if (message.type === 'summary') {
    problem.hidden = true;
    table.classList.remove('stale');
    render(message.summary);
  } else {
    problem.textContent = message.message;
    problem.hidden = false;
    table.classList.add('stale');
  }
  document.body.dataset.ready = 'true';
});
post({ type: 'ready' });

function render(summary: Summary): void {
  rows = tableRows(summary);
  const inputs = summary.inputs.map((i) => `${i.name} [${i.shape.join(', ')}]`).join(', ');
  const outputs = summary.outputs.map((o) => `${o.name} [${o.shape.join(', ')}]`).join(', ');
  const t = totals(summary);
  header.replaceChildren(
    element('h1', '', summary.model),
    element('div', 'io', `${inputs}  →  ${outputs}`),
    element('div', 'totals', `${l10n.t('{0} parameters ({1} trainable, {2} non-trainable)', t.params, t.trainable, t.nonTrainable)} · ${l10n.t('{0} FLOPs per example', t.flops)}`),
  );

  const head = element('thead');
  head.append(tr([l10n.t('Layer'), l10n.t('Kind'), l10n.t('Output shape'), l10n.t('Parameters'), 'FLOPs'].map((h, i) => element('th', i >= 3 ? 'count' : '', h))));
  const body = element('tbody');
  for (const row of rows) body.append(rowElement(row));
  const foot = element('tfoot');
  foot.append(
    totalRow(l10n.t('Total parameters'), t.params, t.flops, 'total'),
    totalRow(l10n.t('Trainable parameters'), t.trainable, '', 'trainable'),
    totalRow(l10n.t('Non-trainable parameters'), t.nonTrainable, '', 'non-trainable'),
  );
  table.replaceChildren(head, body, foot);
  applyCollapsed();
}

function rowElement(row: TableRow): HTMLTableRowElement {
  const label = element('td', 'path');
  label.style.paddingLeft = `${0.5 + row.depth * 1.25}em`;
  if (row.type === 'block') label.append(element('span', 'twisty'));
  label.append(element('span', 'name', row.label));
  const r = tr([label, element('td', 'kind', row.kind), element('td', 'shape', row.output), element('td', 'count', row.params), element('td', 'count', row.flops)]);
  r.className = row.type;
  r.dataset.path = row.path;
  r.title = row.path;
  if (row.type === 'block') {
    r.tabIndex = 0;
    const toggle = (): void => {
      if (collapsed.has(row.path)) collapsed.delete(row.path);
      else collapsed.add(row.path);
      keepState();
      applyCollapsed();
    };
    r.addEventListener('click', toggle);
    r.addEventListener('keydown', (e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), toggle()));
  } else if (row.source) {
    const source = row.source;
    r.classList.add('linked');
    r.tabIndex = 0;
    r.title = l10n.t('{0}: go to its source', row.path);
    r.addEventListener('click', () => post({ type: 'reveal', source }));
    r.addEventListener('keydown', (e) => e.key === 'Enter' && post({ type: 'reveal', source }));
  }
  return r;
}

function totalRow(label: string, params: string, flops: string, name: string): HTMLTableRowElement {
  const r = tr([element('td', 'path', label), element('td'), element('td'), element('td', 'count', params), element('td', 'count', flops)]);
  r.dataset.total = name;
  return r;
}

function applyCollapsed(): void {
  const byPath = new Map(rows.map((r) => [r.path, r]));
  for (const r of table.querySelectorAll<HTMLTableRowElement>('tbody tr')) {
    const row = byPath.get(r.dataset.path ?? '');
    if (!row) continue;
    r.hidden = isHidden(row, collapsed);
    if (row.type === 'block') r.classList.toggle('collapsed', collapsed.has(row.path));
  }
}

function tr(cells: HTMLElement[]): HTMLTableRowElement {
  const r = document.createElement('tr');
  r.append(...cells);
  return r;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}
