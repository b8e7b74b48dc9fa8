import { describe, expect, it } from 'vitest';
import type { ReportModel } from './model.js';
import { startWorker } from './render-pool.js';

describe('render worker', () => {
  it('passes a failure inside a job back as an error, and stops when closed', async () => {
    const worker = startWorker();
    try {
      const broken = { data: [], dataColumns: [] } as unknown as ReportModel;
      await expect(
        worker.run({ kind: 'xlsx', files: [{ name: 'x.xlsx', model: broken }] }),
      ).rejects.toThrow(/render worker: .*TypeError/s);
    } finally {
      await worker.close();
    }
    await expect(worker.run({ kind: 'xlsx', files: [] })).rejects.toThrow(/render worker/);
  });
});
