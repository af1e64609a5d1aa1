/** Worker thread of scan-files.ts. */
import { parentPort, workerData } from 'node:worker_threads';
import { describeError } from '../../core/errors.js';
import { scanFiles, type ScanFilesInput } from './scan-files.js';

try {
  parentPort!.postMessage({ result: await scanFiles(workerData as ScanFilesInput) });
} catch (err) {
  parentPort!.postMessage({ error: describeError(err) });
}
