/**
 * Starts a worker thread on a module next to the caller. Under tsx (tests, benches) the module is
 * the .ts file and tsx must be registered inside the worker (Node 20 workers do not inherit loader
 * hooks); in the built package it is the .js file.
 */
import { Worker } from 'node:worker_threads';

export function startWorker(callerUrl: string, name: string, workerData: unknown): Worker {
  if (callerUrl.endsWith('.ts')) {
    const target = new URL(`./${name}.ts`, callerUrl).href;
    return new Worker(`import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(target)}); })`, { eval: true, workerData });
  }
  return new Worker(new URL(`./${name}.js`, callerUrl), { workerData });
}

/** Runs a one-shot worker that posts `{ result }` or `{ error }` once. */
export function runWorker<T>(callerUrl: string, name: string, workerData: unknown): Promise<T> {
  const worker = startWorker(callerUrl, name, workerData);
  return new Promise((resolve, reject) => {
    worker.once('message', (m: { result?: T; error?: string }) => {
      void worker.terminate();
      if (m.error !== undefined) reject(new Error(m.error));
      else resolve(m.result as T);
    });
    worker.once('error', reject);
  });
}
