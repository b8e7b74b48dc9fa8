// One CSV row with a field of N MiB between two ordinary rows: is it quarantined, how long, how
// much memory? `npx tsx bench/long-line.ts 300` (docs/performance-import.md, "Very long lines").
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFiles } from '../src/ingest/index.js';
import { openStore } from '../src/store/index.js';

const mib = Number(process.argv[2] ?? 300);
const dir = mkdtempSync(join(tmpdir(), 'idw-long-line-'));
const file = join(dir, 'persons.csv');
const fd = openSync(file, 'w');
writeSync(
  fd,
  'person_id;birth_year;sex;education_level;nationality;first_nationality;migration_background;origin_group\nP1;1985;M;low;SY;SY;true;middle_east\nP2;1985;M;low;SY;SY;true;',
);
const chunk = Buffer.alloc(1 << 20, 'x');
for (let i = 0; i < mib; i++) writeSync(fd, chunk);
writeSync(fd, '\nP3;1985;M;low;SY;SY;true;middle_east\n');
closeSync(fd);
const store = await openStore(join(dir, 'store.duckdb'));
const t0 = performance.now();
const s = await importFiles(store, {
  paths: [file],
  key: { bytes: Buffer.from('long-line-bench-key-0123456') },
});
const seconds = (performance.now() - t0) / 1000;
await store.close();
rmSync(dir, { recursive: true, force: true });
process.stdout.write(
  `${mib} MiB line: read ${s.totals.read} = loaded ${s.totals.loaded} + quarantined ${s.totals.quarantined} (${Object.keys(s.byCode).join(', ')}); ${seconds.toFixed(1)} s; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB\n`,
);
