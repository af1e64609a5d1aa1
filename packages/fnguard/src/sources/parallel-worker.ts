/** Worker thread of parallel.ts: loads its share of the files and posts the model back. */
import { parentPort, workerData } from 'node:worker_threads';
import { describeError } from '../core/errors.js';
import { loadModel } from './load.js';
import type { WorkerInput } from './parallel.js';

const input = workerData as WorkerInput;
try {
  const model = await loadModel({ root: input.root, iacFiles: input.files, allPaths: input.allPaths, diagnostics: [] }, { maxFileBytes: input.maxFileBytes });
  parentPort!.postMessage({ result: model });
} catch (err) {
  parentPort!.postMessage({ error: describeError(err) });
}
