import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../plan/index.js';
import { narrate } from './narrate.js';
import { cell, SEED_HOURS, seedCells } from './test-cells.js';

const plan = parsePlan(
  readFileSync('plans/integratie-door-werk.yaml', 'utf8'),
  'plans/integratie-door-werk.yaml',
);
const golden = (name: string): URL => new URL(`../../test/golden/narrate/${name}`, import.meta.url);

/** Compares with the golden file; `UPDATE_GOLDEN=1` rewrites it (never in CI). */
function matchGolden(name: string, text: string): void {
  const file = golden(name);
  if (process.env.UPDATE_GOLDEN === '1' && !process.env.CI) writeFileSync(file, text);
  expect(existsSync(file), `${name} missing: run npm run golden:update`).toBe(true);
  expect(text).toBe(readFileSync(file, 'utf8'));
}

describe('NODW/IBO-T hours 2014–2017 (the seed)', () => {
  const findings = narrate(seedCells(), plan);
  const nl = findings.map((f) => f.text.nl).join('\n') + '\n';
  const en = findings.map((f) => f.text.en).join('\n') + '\n';

  it('matches the golden sentences in Dutch and English', () => {
    matchGolden('nodw-ibot.nl.txt', nl);
    matchGolden('nodw-ibot.en.txt', en);
  });

  it("states the seed's published figures, with the parts beside the total, never 'of which'", () => {
    // Figures as the minister's answer states them (2560, 2730, 540, 170, 2005), checked against the table.
    const [t14, , t16] = SEED_HOURS.total;
    expect(t14 - t16).toBe(2560);
    expect(SEED_HOURS.nodw[0] - SEED_HOURS.nodw[2]).toBe(2730);
    expect(nl).toContain(
      'tussen 2014 en 2016 daalde het totaal met 2.560 uren, van 9.833 naar 7.273, terwijl NODW met 2.730 uren daalde en IBO-T met 170 uren steeg.',
    );
    expect(en).toContain(
      'between 2014 and 2016 the total fell by 2,560 hours, from 9,833 to 7,273, while NODW fell by 2,730 hours and IBO-T rose by 170 hours.',
    );
    expect(nl).toContain('tussen 2014 en 2015 daalde het totaal met 1.243 uren');
    expect(nl).toContain('IBO-T met 540 uren steeg');
    expect(en).toContain('IBO-T rose by 540 hours');
    expect(nl).toMatch(
      /tussen 2014 en 2017 .*NODW met 3\.847 uren daalde en IBO-T met 2\.005 uren steeg\. NODW daalde elk jaar\./,
    );
    expect(en).toMatch(
      /between 2014 and 2017 .*NODW fell by 3,847 hours and IBO-T rose by 2,005 hours\. NODW fell every year\./,
    );
    expect(nl).not.toMatch(/waarvan [^.]*2\.730/);
    expect(en).not.toMatch(/of which [^.]*2,730/);
  });

  it('lists the cells each finding reads', () => {
    const d = findings.find((f) => f.type === 'decomposition' && f.text.en.includes('2016'))!;
    expect(d.cells).toContain('NODW-IBOT|coaching-hours|value|2014||||');
    expect(d.cells).toContain('NODW-IBOT|coaching-hours|value|2016||||kind=nodw');
    expect(d.claim).toMatchObject({ op: 'decomposition', total: { delta: -2560 } });
  });
});

describe('an example plan: breakdown, target, cohorts at one horizon, censored and suppressed cells', () => {
  const small = parsePlan(
    readFileSync('plans/example-small.yaml', 'utf8'),
    'plans/example-small.yaml',
  );
  const inflow = { result: 'SD1.A', indicator: 'inflow', unit: 'persons' };
  const outflow = {
    result: 'SD1.B',
    indicator: 'outflow',
    unit: 'share',
    horizon: 12,
    variant: 'at-work',
  };
  const edu = (period: string, values: number[]) =>
    ['low', 'medium', 'high'].map((code, i) =>
      cell({ ...inflow, period, value: values[i]!, breakdown: { education: code } }),
    );
  const cells = [
    cell({ ...inflow, period: '2020', value: 1180 }),
    ...edu('2020', [600, 380, 200]),
    cell({ ...inflow, period: '2021', value: 960 }),
    ...edu('2021', [510, 300, 150]),
    cell({ ...outflow, period: '2019', cohort: '2019', value: 0.352 }),
    cell({ ...outflow, period: '2020', cohort: '2020', value: 0.318 }),
    cell({
      ...outflow,
      period: '2021',
      cohort: '2021',
      value: null,
      status: 'censored',
      disclosure: 'suppressed',
      reason: 'not-observable',
      symbol: '.',
    }),
    cell({ ...outflow, period: '2020', cohort: '2020', value: 0.341, breakdown: { sex: 'M' } }),
    cell({ ...outflow, period: '2020', cohort: '2020', value: 0.287, breakdown: { sex: 'F' } }),
    cell({
      ...outflow,
      period: '2020',
      cohort: '2020',
      value: null,
      breakdown: { sex: 'X' },
      disclosure: 'suppressed',
      reason: 'primary-count',
      symbol: 'x',
    }),
  ];
  const findings = narrate(cells, small);

  it('matches the golden sentences in Dutch and English', () => {
    matchGolden('example-small.nl.txt', findings.map((f) => f.text.nl).join('\n') + '\n');
    matchGolden('example-small.en.txt', findings.map((f) => f.text.en).join('\n') + '\n');
  });

  it('compares cohorts only at the same horizon and never the censored one', () => {
    const c = findings.filter((f) => f.type === 'cohort-comparison');
    expect(c).toHaveLength(1);
    expect(c[0]!.text.nl).toContain('3,4 procentpunt lager');
    expect(findings.some((f) => f.type === 'note' && f.text.en.includes('censored'))).toBe(true);
    expect(findings.some((f) => f.type === 'extremes' && f.result === 'SD1.B')).toBe(false);
  });
});
