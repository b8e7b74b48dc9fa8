import { describe, expect, it } from 'vitest';
import { boardSummary } from '../src/narrate/index.js';
import { loadPlan } from '../src/plan/index.js';
import { fixtureResultSet, NODW_HOURS } from '../src/report/test-fixture.js';

const { plan } = await loadPlan(
  new URL('../plans/integratie-door-werk.yaml', import.meta.url).pathname,
);
const rs = fixtureResultSet(plan);
const paragraphs = boardSummary(plan, rs.cells);
const byId = new Map(paragraphs.map((p) => [p.id, p]));

describe('the first page for the board', () => {
  it('has a paragraph for every strategic objective and for the series parliament asked for', () => {
    expect(paragraphs.map((p) => p.id)).toEqual(['SD1', 'SD2', 'SD3', 'SD4', 'NODW-IBOT']);
    expect(byId.get('SD1')!.heading.nl).toBe('SD1 Snel en duurzaam aan het werk');
  });

  it("states the hours of the minister's table and their change, computed here from the table", () => {
    const total = (y: string) => NODW_HOURS[y]!.nodw + NODW_HOURS[y]!.ibo_t;
    const diff = total('2017') - total('2016');
    const nl = (n: number) => n.toLocaleString('nl-BE');
    expect(byId.get('NODW-IBOT')!.text.nl).toBe(
      `Uren NODW en IBO-T: ${nl(total('2017'))} uren in 2017, ${nl(diff)} uren meer dan een jaar eerder.`,
    );
    expect(byId.get('NODW-IBOT')!.text.en).toBe(
      `NODW and IBO-T hours: ${total('2017').toLocaleString('en-GB')} hours in 2017, ${diff} hours more than a year earlier.`,
    );
  });

  it('names SD1.B by its headline (at work 12 months after inflow) beside the published 36 %', () => {
    const sd1 = byId.get('SD1')!.text.nl;
    expect(sd1).toContain('Uitstroom naar werk (aan het werk na 12 maanden)');
    expect(sd1).toContain('Ter vergelijking: 36,0 % (VDAB, ingeschreven 2015–2017).');
  });

  it('names open results by their id and reads every number from a listed cell', () => {
    expect(byId.get('SD4')!.text.nl).toMatch(
      /^SD4\.A: het plan legt er geen indicator voor vast\./,
    );
    const keys = new Set(rs.cells.map((c) => `${c.result}|${c.indicator}`));
    for (const p of paragraphs)
      for (const k of p.cells) expect(keys.has(k.split('|').slice(0, 2).join('|'))).toBe(true);
  });
});
