// Entry of the render worker thread (started by `render-pool.ts`): runs each job it is sent and
// posts the files back, or the error.
import { parentPort } from 'node:worker_threads';
import { runJob, type RenderJob } from './render-jobs.js';

const port = parentPort;
if (!port) throw new Error('render-worker.ts runs only as a worker thread');
port.on('message', (msg: { readonly id: number; readonly job: RenderJob }) => {
  runJob(msg.job).then(
    (files) => port.postMessage({ id: msg.id, files }),
    (e: unknown) =>
      port.postMessage({
        id: msg.id,
        error: e instanceof Error ? (e.stack ?? e.message) : String(e),
      }),
  );
});
