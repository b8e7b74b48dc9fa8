import { describe, expect, it } from 'vitest';
import { loadPlan, resultsInPlanOrder } from '../plan/index.js';
import { formatNumber, formatPercent } from '../shared/index.js';
import { buildReport } from './build-report.js';
import { fixtureFindings, fixtureResultSet, NODW_HOURS } from './test-fixture.js';
import { writeReport } from './write-report.js';

const { plan } = await loadPlan(
  new URL('../../plans/integratie-door-werk.yaml', import.meta.url).pathname,
);
const rs = fixtureResultSet(plan);
const findings = fixtureFindings(rs);
const opts = { lang: 'nl', audience: 'board', asOf: '2018-03-31' } as const;
const quarterly = buildReport(plan, rs, findings, { ...opts, kind: 'quarterly' });
const headings = quarterly.blocks.flatMap((b) => (b.type === 'heading' ? [b.id] : []));

describe('report model', () => {
  it('has a section for every measurable result and series, in plan order', () => {
    const expected = [
      ...resultsInPlanOrder(plan).map((r) => `r-${r.id}`),
      ...plan.series.map((s) => `r-${s.id}`),
    ];
    expect(headings.filter((h) => h.startsWith('r-'))).toEqual(expected);
    expect(expected).toHaveLength(22);
  });

  it('shows SD4.A and SD3.A as open items with their reason', () => {
    for (const id of ['SD4.A', 'SD3.A']) {
      const i = quarterly.blocks.findIndex((b) => b.type === 'heading' && b.id === `r-${id}`);
      const warning = quarterly.blocks
        .slice(i, i + 4)
        .find((b) => b.type === 'paragraph' && b.style === 'warning');
      expect(warning, id).toBeDefined();
      expect((warning as { text: string }).text).toContain(
        plan.results.find((r) => r.id === id)!.reason!.nl,
      );
    }
  });

  it('summarises every result with its latest fully observed value', () => {
    const summary = quarterly.blocks.find((b) => b.type === 'table' && b.table.id === 'summary');
    expect(summary?.type).toBe('table');
    const rows = summary!.type === 'table' ? summary!.table.rows : [];
    expect(rows).toHaveLength(22);
    // NODW-IBOT: the latest total is 2017: 3809 + 4182, change on 2016 = 7991 − 7273.
    const nodw = rows.find((r) => r[1]!.text.startsWith('NODW-IBOT'))!;
    expect(nodw[2]!.text).toBe(formatNumber(3809 + 4182, 'nl'));
    expect(nodw[4]!.text).toBe(`+${formatNumber(7991 - 7273, 'nl')}`);
  });

  it('lays out the hours table like the minister’s answer: NODW, IBO-T and total per year', () => {
    const t = quarterly.blocks.find((b) => b.type === 'table' && b.table.id === 'NODW-IBOT-parts');
    expect(t?.type).toBe('table');
    if (t?.type !== 'table') return;
    expect(t.table.columns).toEqual(['Periode', 'NODW', 'IBO-T', 'Totaal']);
    for (const [y, h] of Object.entries(NODW_HOURS)) {
      const row = t.table.rows.find((r) => r[0]!.text === y)!;
      expect(row.map((c) => c.value)).toEqual([null, h.nodw, h.ibo_t, h.nodw + h.ibo_t]);
    }
  });

  it('prints symbols, never numbers, for suppressed and unobservable cells', () => {
    const cells = quarterly.blocks.flatMap((b) => (b.type === 'table' ? b.table.rows.flat() : []));
    const byKey = new Map(
      rs.cells.map((c) => [
        `${c.result}|${c.indicator}|${c.measure}|${c.period}|${c.cohort ?? ''}|${c.horizon ?? ''}|${c.variant ?? ''}|${Object.entries(
          c.breakdown,
        )
          .sort()
          .map(([k, v]) => `${k}=${v}`)
          .join(',')}`,
        c,
      ]),
    );
    let suppressed = 0;
    for (const mc of cells.filter((c) => c.key)) {
      const c = byKey.get(mc.key!)!;
      expect(c, mc.key).toBeDefined();
      if (c.disclosure === 'suppressed') {
        suppressed++;
        expect(mc.text).toBe(c.symbol);
        expect(mc.value).toBeNull();
      } else if (c.unit === 'share')
        expect(mc.text.replace('*', '')).toBe(formatPercent(c.value!, 'nl'));
    }
    expect(suppressed).toBeGreaterThan(0);
  });

  it('never gives the public a residence-status breakdown', () => {
    const pub = fixtureResultSet(plan, 'public');
    const m = buildReport(plan, pub, findings, { ...opts, audience: 'public', kind: 'quarterly' });
    expect(JSON.stringify(m)).not.toContain('residence_status');
    expect(JSON.stringify(quarterly)).toContain('residence_status');
  });

  it('refuses cells protected for another audience', async () => {
    await expect(
      writeReport(
        plan,
        rs,
        findings,
        { ...opts, audience: 'public', version: 'test', formats: ['html'] },
        async () => {},
      ),
    ).rejects.toThrow(/REPORT_AUDIENCE_MISMATCH/);
  });

  it('is plain data: JSON round trip gives the same model', () => {
    expect(JSON.parse(JSON.stringify(quarterly))).toEqual(quarterly);
  });

  it('writes the English report with English words and number style', () => {
    const en = buildReport(plan, rs, findings, { ...opts, lang: 'en', kind: 'overview' });
    const t = en.blocks.find((b) => b.type === 'table' && b.table.id === 'NODW-IBOT-parts');
    expect(t?.type === 'table' && t.table.rows[0]!.map((c) => c.text)).toEqual([
      '2014',
      '7,656',
      '2,177',
      '9,833',
    ]);
    expect(en.title).toBe('Overview per objective and measurable result');
  });

  it('marks a year cut short by the cut-off date in table headers and leaves it out of charts', () => {
    const years = [
      ...new Set(rs.cells.map((c) => c.period).filter((p) => /^\d{4}$/.test(p))),
    ].sort();
    const last = years.at(-1)!;
    const cut = {
      ...rs,
      cells: rs.cells.map((c) => (c.period === last ? { ...c, through: `${last}-03-31` } : c)),
    };
    const model = buildReport(plan, cut, [], { ...opts, kind: 'quarterly' });
    const tables = model.blocks.flatMap((b) => (b.type === 'table' ? [b] : []));
    const headers = tables.flatMap((tb) => tb.table.columns);
    expect(headers).toContain(`${last} (t/m 31 maart ${last})`);
    expect(headers).not.toContain(last);
    const before = JSON.stringify(quarterly.blocks.filter((b) => b.type === 'chart'));
    const after = JSON.stringify(model.blocks.filter((b) => b.type === 'chart'));
    expect(before).toContain(`"period":"${last}"`);
    expect(after).not.toContain(`"period":"${last}"`);
    // The overview sheets (Excel, Word) head the year by the report's own cut-off date.
    const early = buildReport(plan, cut, [], { ...opts, asOf: `${last}-03-31`, kind: 'overview' });
    const sheetHeads = early.sheets.flatMap((sh) => sh.table.columns);
    expect(sheetHeads).toContain(`${last} (t/m 31 maart ${last})`);
    expect(sheetHeads).not.toContain(last);
    expect(quarterly.sheets.flatMap((sh) => sh.table.columns)).toContain(last);
  });
});
