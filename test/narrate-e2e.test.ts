// End to end: the seed's NODW/IBO-T hours loaded into a store, computed by the engine, protected for
// the board, then narrated. The findings must state the minister's figures, correctly.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compute } from '../src/compute/index.js';
import { narrate } from '../src/narrate/index.js';
import { loadPlan, nonPersonalIndicators } from '../src/plan/index.js';
import { DEFAULT_THRESHOLDS, protect } from '../src/protect/index.js';
import { openStore } from '../src/store/index.js';

const HOURS: [string, number, number][] = [
  ['2014', 7656, 2177],
  ['2015', 5873, 2717],
  ['2016', 4926, 2347],
  ['2017', 3809, 4182],
];

describe('seed hours → store → compute → protect → narrate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'idw-narrate-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("states the seed's figures without a part larger than the whole", async () => {
    const engine = await openStore(join(dir, 'e2e.duckdb'));
    try {
      for (const [year, nodw, ibot] of HOURS)
        for (const [kind, hours] of [
          ['nodw', nodw],
          ['ibo_t', ibot],
        ] as const)
          await engine.query(
            'INSERT INTO language_coaching_hours (kind, period_start, period_end, hours) VALUES ($1, CAST($2 AS DATE), CAST($3 AS DATE), $4)',
            [kind, `${year}-01-01`, `${year}-12-31`, hours],
          );
      const { plan } = await loadPlan('plans/integratie-door-werk.yaml');
      const rs = await compute(engine, plan, { asOf: '2017-12-31', results: ['NODW-IBOT'] });
      // Hours count no persons, so the board's (and the public's) protection shows every cell.
      const board = protect(rs, {
        audience: 'board',
        thresholds: DEFAULT_THRESHOLDS,
        nonPersonal: nonPersonalIndicators(plan.indicators),
      });
      expect(board.cells.every((c) => c.disclosure === 'shown')).toBe(true);
      const findings = narrate(board.cells, plan);
      const nl = findings.map((f) => f.text.nl).join('\n');
      const en = findings.map((f) => f.text.en).join('\n');
      expect(nl).toContain(
        'tussen 2014 en 2016 daalde het totaal met 2.560 uren, van 9.833 naar 7.273, terwijl NODW met 2.730 uren daalde en IBO-T met 170 uren steeg.',
      );
      expect(nl).toContain('IBO-T met 540 uren steeg');
      expect(nl).toContain(
        'NODW met 3.847 uren daalde en IBO-T met 2.005 uren steeg. NODW daalde elk jaar.',
      );
      expect(en).toContain('while NODW fell by 2,730 hours and IBO-T rose by 170 hours.');
      expect(en).toContain('IBO-T rose by 2,005 hours. NODW fell every year.');
      expect(nl).not.toMatch(/waarvan [^.]*2\.730/);
      expect(findings.some((f) => f.type === 'decomposition')).toBe(true);
    } finally {
      await engine.close();
    }
  });
});
