// The language server as the extension starts it: `node server.mjs --node-ipc`.
import { main } from '../server/main.js';

main(process.argv.slice(2));
