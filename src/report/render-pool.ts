import { Worker } from 'node:worker_threads';
import { runJob, type RenderJob, type RenderedFile } from './render-jobs.js';

/** Runs render jobs, on a worker thread or on the current one. */
export interface Renderer {
  run(job: RenderJob): Promise<RenderedFile[]>;
  /** Stops the worker (if any); pending jobs are rejected. */
  close(): Promise<void>;
}

/** Jobs on the current thread, one after the other. */
export const inThread: Renderer = { run: runJob, close: async () => {} };

/**
 * Starts one worker thread for render jobs, so a second core renders the PDF while this thread
 * renders the charts, the HTML, the Word documents and the workbooks. From the compiled build
 * (dist/) the worker loads the compiled entry; from the TypeScript sources (tests, or tsx) it
 * registers tsx first. The same `runJob` runs on either thread: the bytes do not depend on where a
 * file was made.
 */
export function startWorker(): Renderer {
  const compiled = import.meta.url.endsWith('.js');
  const entry = new URL(`./render-worker.${compiled ? 'js' : 'ts'}`, import.meta.url).href;
  const boot = compiled
    ? `import(${JSON.stringify(entry)})`
    : `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((t) => { t.register(); return import(${JSON.stringify(entry)}); })`;
  const worker = new Worker(boot, { eval: true });
  const pending = new Map<
    number,
    { resolve: (f: RenderedFile[]) => void; reject: (e: Error) => void }
  >();
  let next = 0;
  let failure: Error | undefined;
  const failAll = (e: Error) => {
    failure ??= e;
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  worker.on('message', (m: { id: number; files?: RenderedFile[]; error?: string }) => {
    const p = pending.get(m.id);
    pending.delete(m.id);
    if (m.error !== undefined) p?.reject(new Error(`render worker: ${m.error}`));
    else p?.resolve(m.files ?? []);
  });
  worker.on('error', (e) => failAll(e));
  worker.on('exit', (code) => failAll(new Error(`render worker stopped (exit code ${code})`)));
  return {
    run(job) {
      if (failure) return Promise.reject(failure);
      const id = next++;
      return new Promise<RenderedFile[]>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, job });
      });
    },
    async close() {
      failure ??= new Error('render worker closed');
      await worker.terminate();
    },
  };
}
