import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cellKey } from '../compute/index.js';
import { parsePlan } from '../plan/index.js';
import type { ProtectedCell } from '../protect/index.js';
import { checkFinding } from './check-finding.js';
import { narrate } from './narrate.js';
import { cell, seedCells } from './test-cells.js';
import type { Finding } from './types.js';

const plan = parsePlan(
  readFileSync('plans/example-small.yaml', 'utf8'),
  'plans/example-small.yaml',
);
const seed = seedCells();
const seedFindings = narrate(seed, plan);
const find = (fs: Finding[], type: string, inText: string): Finding => {
  const f = fs.find((x) => x.type === type && x.text.en.includes(inText));
  if (!f) throw new Error(`no ${type} finding with ${inText}`);
  return f;
};
const codes = (f: Finding, cells: readonly ProtectedCell[]): string[] =>
  checkFinding(f, cells).map((p) => p.en);
const swap = (f: Finding, nl: [string, string], en: [string, string]): Finding => ({
  ...f,
  text: { nl: f.text.nl.replace(...nl), en: f.text.en.replace(...en) },
});

/** Outflow shares 2019–2021 (a rate: changes are percentage points). */
const rates = [
  cell({ result: 'SD1.B', indicator: 'outflow', unit: 'share', period: '2019', value: 0.252 }),
  cell({ result: 'SD1.B', indicator: 'outflow', unit: 'share', period: '2021', value: 0.284 }),
];

describe('checkFinding accepts what narrate produced', () => {
  it('passes every seed finding and a rate change', () => {
    for (const f of seedFindings) expect(codes(f, seed)).toEqual([]);
    const [r] = narrate(rates, plan).filter((f) => f.type === 'change');
    expect(r!.text.nl).toContain('steeg de waarde met 3,2 procentpunt, van 25,2 % naar 28,4 %');
    expect(r!.text.en).toContain('the value rose by 3.2 percentage points, from 25.2% to 28.4%');
    expect(codes(r!, rates)).toEqual([]);
  });
});

describe('checkFinding rejects deliberately wrong findings', () => {
  const d16 = find(seedFindings, 'decomposition', 'and 2016');

  it('a wrong sign in the words', () => {
    const bad = swap(
      d16,
      ['IBO-T met 170 uren steeg', 'IBO-T met 170 uren daalde'],
      ['IBO-T rose by 170', 'IBO-T fell by 170'],
    );
    expect(codes(bad, seed).join()).toMatch(/direction word contradicts increase for IBO-T/);
  });

  it('a wrong sign in the claim', () => {
    const claim = structuredClone(d16.claim) as { total: { delta: number; direction: string } };
    claim.total.direction = 'increase';
    expect(codes({ ...d16, claim }, seed).join()).toMatch(
      /direction increase where the cells give decrease/,
    );
  });

  it("a part larger than the whole under 'of which' (the seed's own sentence)", () => {
    const bad: Finding = {
      ...d16,
      claim: { ...d16.claim, connector: 'of-which' },
      text: {
        nl: 'Uren NODW en IBO-T: tussen 2014 en 2016 daalde het totaal met 2.560 uren, van 9.833 naar 7.273, waarvan NODW 2.730 uren en IBO-T 170 uren. NODW daalde elk jaar.',
        en: 'NODW and IBO-T hours: between 2014 and 2016 the total fell by 2,560 hours, from 9,833 to 7,273, of which NODW 2,730 hours and IBO-T 170 hours. NODW fell every year.',
      },
    };
    const msgs = codes(bad, seed).join();
    expect(msgs).toMatch(/"of which" with a part larger than the whole/);
    // Also when only the text (not the claim) says "of which".
    const textOnly = swap(d16, ['terwijl', 'waarvan'], ['while', 'of which']);
    expect(codes(textOnly, seed).join()).toMatch(/"of which" with a part not within the whole/);
  });

  it('per cent where percentage points are due', () => {
    const [r] = narrate(rates, plan).filter((f) => f.type === 'change');
    const pct = swap(r!, ['3,2 procentpunt', '3,2 %'], ['3.2 percentage points', '3.2%']);
    expect(codes(pct, rates).join()).toMatch(/text lacks 3,2\|points.*text states 3,2\|percent/);
    const word = swap(
      r!,
      ['3,2 procentpunt', '3,2 procent'],
      ['3.2 percentage points', '3.2 per cent'],
    );
    expect(codes(word, rates).join()).toMatch(/"per cent"/);
  });

  it('a rounded number that hides or flips the comparison', () => {
    const cells = [cell({ period: '2020', value: 10.4 }), cell({ period: '2021', value: 10.6 })];
    const [c] = narrate(cells, plan, {}).filter((f) => f.type === 'change');
    // Generated with one decimal because 10 → 11 would not be what happened and 10 → 10 would hide it.
    expect(c!.text.en).toContain('rose by 0.2 hours (+1.9%), from 10.4 to 10.6');
    const rounded: Finding = {
      ...c!,
      claim: { ...c!.claim, decimals: 0 },
      text: {
        nl: c!.text.nl.replace('0,2 uren', '0 uren').replace('10,4', '10').replace('10,6', '11'),
        en: c!.text.en.replace('0.2 hours', '0 hours').replace('10.4', '10').replace('10.6', '11'),
      },
    };
    expect(codes(rounded, cells).join()).toMatch(/rounded numbers hide or flip the change/);
  });

  it('a number in the text that the cells do not give', () => {
    const bad = swap(d16, ['2.560 uren', '2.650 uren'], ['2,560 hours', '2,650 hours']);
    expect(codes(bad, seed).join()).toMatch(
      /nl: text lacks 2\.560\|plain.*text states 2\.650\|plain/,
    );
  });

  it('numbers swapped between from and to, or between groups', () => {
    const fromTo = swap(
      d16,
      ['van 9.833 naar 7.273', 'van 7.273 naar 9.833'],
      ['from 9,833 to 7,273', 'from 7,273 to 9,833'],
    );
    expect(codes(fromTo, seed).join()).toMatch(/numbers in another order/);
    const level = find(seedFindings, 'level', '2017');
    const groups = swap(
      level,
      ['NODW 3.809 en IBO-T 4.182', 'IBO-T 3.809 en NODW 4.182'],
      ['NODW 3,809 and IBO-T 4,182', 'IBO-T 3,809 and NODW 4,182'],
    );
    expect(codes(groups, seed).join()).toMatch(/NODW is not followed by its own number 3\.809/);
  });

  it('a comparison that uses a suppressed or censored value', () => {
    const hidden = seed.map((c) =>
      c.period === '2016' && Object.keys(c.breakdown).length === 0
        ? {
            ...c,
            value: null,
            disclosure: 'suppressed' as const,
            reason: 'secondary' as const,
            symbol: 'x',
          }
        : c,
    );
    expect(codes(d16, hidden).join()).toMatch(
      /compares a censored, suppressed, incomplete or undefined value/,
    );
    const censored = seed.map((c) =>
      c.period === '2016' ? { ...c, status: 'censored' as const } : c,
    );
    expect(codes(d16, censored).join()).toMatch(/compares a censored/);
  });

  it('a claim that reads a cell the finding does not list, or a missing cell', () => {
    const missing = { ...d16, cells: d16.cells.slice(1) };
    expect(codes(missing, seed).join()).toMatch(/does not list/);
    expect(codes(d16, seed.slice(3)).join()).toMatch(/not in the results/);
  });

  it("'every year' without the cells to show it", () => {
    const d15 = find(seedFindings, 'decomposition', 'and 2015');
    const bad = {
      ...d15,
      text: {
        nl: `${d15.text.nl} IBO-T steeg elk jaar.`,
        en: `${d15.text.en} IBO-T rose every year.`,
      },
    };
    expect(codes(bad, seed).join()).toMatch(/every period without the cells/);
  });

  it('a highest group that is not the highest, or a hidden group', () => {
    const groups = ['low', 'medium', 'high'].map((code, i) =>
      cell({ period: '2021', value: [120, 300, 80][i]!, breakdown: { education: code } }),
    );
    const cells = [cell({ period: '2021', value: 500 }), ...groups];
    const [x] = narrate(cells, plan).filter((f) => f.type === 'extremes');
    expect(x!.text.nl).toBe(
      'Uren NODW en IBO-T: in 2021 was de waarde het hoogst voor middengeschoolden (300 uren) en het laagst voor hooggeschoolden (80 uren), een verschil van 220 uren.'.replace(
        'Uren NODW en IBO-T',
        'coaching-hours',
      ),
    );
    expect(codes(x!, cells)).toEqual([]);
    const wrong = swap(
      x!,
      ['hoogst voor middengeschoolden', 'hoogst voor laaggeschoolden'],
      ['highest for medium-skilled', 'highest for low-skilled'],
    );
    expect(codes(wrong, cells).join()).toMatch(/is not called highest/);
    const hiddenLow = cells.map((c) =>
      c.breakdown['education'] === 'low'
        ? { ...c, disclosure: 'suppressed' as const, value: null }
        : c,
    );
    expect(narrate(hiddenLow, plan).some((f) => f.type === 'extremes')).toBe(false);
    expect(codes(x!, hiddenLow).join()).toMatch(/compares a censored, suppressed/);
  });

  it('groups whose words hold "en"/"and" (age bands, origin groups) are named and checked', () => {
    for (const [dim, codesHiLo] of [
      ['age_band', ['<25', '25-34', '50+']],
      ['origin_group', ['maghreb', 'middle_east', 'afghanistan_pakistan']],
    ] as const) {
      const groups = codesHiLo.map((code, i) =>
        cell({ period: '2021', value: [300, 120, 80][i]!, breakdown: { [dim]: code } }),
      );
      const cells = [cell({ period: '2021', value: 500 }), ...groups];
      const [x] = narrate(cells, plan).filter((f) => f.type === 'extremes');
      expect(codes(x!, cells)).toEqual([]);
      const low = dim === 'age_band' ? '50 jaar en ouder' : 'Afghanistan en Pakistan';
      expect(x!.text.nl).toContain(`het laagst voor ${low} (80 uren)`);
      expect(x!.text.en).toContain(
        `lowest for ${dim === 'age_band' ? '50 and over' : 'Afghanistan and Pakistan'} (80 hours)`,
      );
    }
  });

  it('never compares a period cut short by the cut-off date, and says why', () => {
    const full = seedCells();
    const cut = full.map((c) => (c.period === '2017' ? { ...c, through: '2017-03-31' } : c));
    const findings = narrate(cut, plan);
    const compares = findings.filter((f) => f.type !== 'note');
    expect(compares.length).toBeGreaterThan(0);
    for (const f of compares) expect(f.text.nl).not.toContain('2017');
    const note = findings.find((f) => f.type === 'note' && f.text.nl.includes('2017'));
    expect(note?.text.en).toMatch(/not yet complete/);
    // The same sentences on the full data compare 2017; on the cut data the checker refuses them.
    const with2017 = narrate(full, plan).filter(
      (f) => f.type !== 'note' && f.text.nl.includes('2017'),
    );
    expect(with2017.length).toBeGreaterThan(0);
    for (const f of with2017)
      expect(codes(f, cut).join()).toMatch(/compares a censored, suppressed/);
  });

  it('compares years with years and quarters with quarters, never one with the other', () => {
    const quarters = ['Q1', 'Q2', 'Q3', 'Q4'].map((q, i) =>
      cell({ period: `2017-${q}`, value: [1900, 2100, 2000, 1991][i]! }),
    );
    const cells = [...seedCells().filter((c) => !Object.keys(c.breakdown).length), ...quarters];
    const byKey = new Map(cells.map((c) => [cellKey(c), c]));
    const findings = narrate(cells, plan);
    expect(findings.some((f) => f.text.en.includes('quarter'))).toBe(true);
    for (const f of findings) {
      const grains = new Set(f.cells.map((k) => byKey.get(k)!.period.length));
      expect(grains.size, f.text.en).toBe(1);
    }
  });

  it('a target met that was not met', () => {
    const cells = [
      cell({ result: 'SD1.A', indicator: 'inflow', unit: 'persons', period: '2021', value: 1040 }),
    ];
    const [t] = narrate(cells, plan).filter((f) => f.type === 'target');
    expect(t!.text.nl).toBe(
      'Instroom: in 2021 bedroeg de waarde 1.040 personen, 40 personen boven de doelstelling van ten hoogste 1.000 personen: niet gehaald.',
    );
    expect(checkFinding(t!, cells, { plan })).toEqual([]);
    const bad = { ...t!, claim: { ...t!.claim, met: true } };
    expect(codes(bad, cells).join()).toMatch(/target met where the gap says otherwise/);
    const other = { ...t!, claim: { ...t!.claim, target: 1040, gap: 0, met: true } };
    expect(
      checkFinding(other, cells, { plan })
        .map((p) => p.en)
        .join(),
    ).toMatch(/not one of the plan targets/);
  });

  it('a note about a value that is shown', () => {
    const cells = [...seed, cell({ period: '2018', value: null, status: 'censored' })];
    const note = narrate(cells, plan).find((f) => f.type === 'note')!;
    expect(note.text.en).toBe(
      'NODW and IBO-T hours: for 2018 not yet fully observable (censored); no comparison uses these values.'.replace(
        'NODW and IBO-T hours',
        'coaching-hours',
      ),
    );
    const bad = { ...note, cells: [cellKey(seed[0]!)] };
    expect(codes(bad, cells).join()).toMatch(/not every cell is censored/);
  });
});
