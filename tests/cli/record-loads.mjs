// Preloaded with `node --import` by tests/cli/startup.test.ts: on exit, writes to stderr one line
// `loaded: <package> <package> …` naming every npm package whose modules the process loaded (ES
// modules through a loader hook, CommonJS through the require cache).
import { createRequire, register } from 'node:module';
import process from 'node:process';
import { MessageChannel } from 'node:worker_threads';

const { port1, port2 } = new MessageChannel();
const urls = [];
port1.on('message', (url) => urls.push(url));
port1.unref();
const hook = `let port;
export function initialize(data) { port = data.port; }
export async function load(url, context, next) { port.postMessage(url); return next(url, context); }`;
register(`data:text/javascript,${encodeURIComponent(hook)}`, import.meta.url, { data: { port: port2 }, transferList: [port2] });
const require = createRequire(import.meta.url);
process.on('exit', () => {
  const packages = new Set();
  for (const path of [...urls, ...Object.keys(require.cache)]) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
    if (m) packages.add(m[1]);
  }
  process.stderr.write(`\nloaded: ${[...packages].sort().join(' ')}\n`);
});
