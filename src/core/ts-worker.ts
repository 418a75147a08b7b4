// A worker thread running a TypeScript module. Node 20 does not pass the parent's loader hooks to
// workers, and `--import tsx` in execArgv is not honoured there, so the worker loads the module
// through tsx's ESM API (the "import" export of tsx/esm/api, found from its package.json).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

const TSX_API = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;

/** Starts `moduleUrl` (a .ts file URL) in a new worker thread. */
export function tsWorker(moduleUrl: URL, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  const boot = `import(${JSON.stringify(TSX_API)}).then((m) => m.tsImport(${JSON.stringify(moduleUrl.href)}, ${JSON.stringify(import.meta.url)}));`;
  return new Worker(boot, { ...options, eval: true });
}
