// The editor features, as plain data (offsets, Markdown). server/ maps them to LSP.

export { type Analysis, analyze } from './analysis.js';
export * from './types.js';
