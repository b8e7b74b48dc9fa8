// Hand-made protected result set covering every result of the IDW plan, for the report's tests and
// benchmark: several years and quarters, breakdowns, censored cohorts, suppressed cells and the
// NODW/IBO-T hours of the minister's answer. Not exported by the stage.
import type { Finding } from '../narrate/index.js';
import type { Plan } from '../plan/index.js';
import { cellKey, type ResultCell, type ResultSet } from '../compute/index.js';
import {
  DEFAULT_THRESHOLDS,
  protect,
  type Audience,
  type ProtectedResultSet,
} from '../protect/index.js';

/** Minimal deterministic generator (LCG) so the fixture is the same on every run. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

const YEARS = ['2015', '2016', '2017'];
const QUARTERS = ['2017-Q1', '2017-Q2', '2017-Q3', '2017-Q4', '2018-Q1'];
/** The hours table of the minister's answer (question 3). */
export const NODW_HOURS: Record<string, { nodw: number; ibo_t: number }> = {
  '2014': { nodw: 7656, ibo_t: 2177 },
  '2015': { nodw: 5873, ibo_t: 2717 },
  '2016': { nodw: 4926, ibo_t: 2347 },
  '2017': { nodw: 3809, ibo_t: 4182 },
};

type Base = Omit<ResultCell, 'provenance'>;

/** Months between the end of a cohort year and the cut-off date (2018-03-31). */
const observedMonths = (year: string) => (2018 - Number(year) - 1) * 12 + 3 + 12;

/**
 * Cells for every result and series of the plan, protected for `audience` by the real protect stage
 * (default thresholds; residence status is special data, dropped for the public).
 */
export function fixtureResultSet(plan: Plan, audience: Audience = 'board'): ProtectedResultSet {
  const rnd = lcg(42);
  const cells: ResultCell[] = [];
  const add = (c: Base) => cells.push({ ...c, provenance: `prov-${c.indicator}` });
  const unitOf = new Map(plan.indicators.map((i) => [i.id, i.unit]));
  for (const r of plan.results) {
    if (r.status === 'undefined' || r.status === 'to-explore') continue;
    for (const ind of r.indicators) {
      const kind = plan.indicators.find((i) => i.id === ind)!.kind;
      const unit = unitOf.get(ind) ?? 'count';
      const base = { result: r.id, indicator: ind, measure: 'value', unit, breakdown: {} };
      if (kind === 'cohort-outflow') {
        for (const y of YEARS)
          for (const h of [6, 12, 18, 24, 30]) {
            const den = 9000 + Math.floor(rnd() * 1000);
            const share = 0.2 + h / 100 + rnd() * 0.04;
            const num = Math.round(den * share);
            const open = h > observedMonths(y);
            const c = { ...base, period: y, cohort: y, horizon: h, variant: 'at-work' };
            add(
              open
                ? { ...c, value: null, status: 'censored' }
                : {
                    ...c,
                    value: num / den,
                    numerator: num,
                    denominator: den,
                    n: den,
                    status: 'ok',
                  },
            );
            if (h === 12 && !open)
              for (const [dim, code, size] of [
                ['sex', 'M', 0.62],
                ['sex', 'F', 0.38],
                ['residence_status', 'recognised_refugee', 0.5],
                ['residence_status', 'asylum_seeker', 0.0006],
                ['region', 'ant', 0.3],
                ['region', 'bru', 0.15],
                ['origin_group', 'maghreb', 0.2],
                ['origin_group', 'sub_saharan_africa', 0.25],
                ['education_level', 'low', 0.5],
                ['dutch_level', 'basic', 0.3],
                ['age_band', '<25', 0.2],
                ['age_band', '50+', 0.1],
              ] as const) {
                const d = Math.round(den * size);
                const k = Math.round(d * (share + (rnd() - 0.5) * 0.05));
                add({
                  ...c,
                  breakdown: { [dim]: code },
                  value: k / d,
                  numerator: k,
                  denominator: d,
                  n: d,
                  status: 'ok',
                });
              }
          }
        // the youngest cohort at 6 months: a Kaplan–Meier estimate, marked censored
        add({
          ...base,
          period: '2017',
          cohort: '2017',
          horizon: 6,
          variant: 'found-work',
          value: 0.241,
          ci_low: 0.23,
          ci_high: 0.252,
          n: 9500,
          status: 'censored',
        });
        continue;
      }
      if (kind === 'duration') {
        for (const y of YEARS)
          for (const [m, v] of [
            ['p25', 20],
            ['median', 45],
            ['p75', 120],
          ] as const)
            add({
              ...base,
              measure: m,
              variant: 'km',
              period: y,
              value: v + Math.floor(rnd() * 10),
              n: 8000,
              status: 'ok',
            });
        continue;
      }
      if (kind === 'manual') {
        add({ ...base, period: '2017', value: 3.4, status: 'ok' });
        continue;
      }
      const share = kind === 'share' || kind === 'flow';
      const scale = share ? 5000 : 200 + Math.floor(rnd() * 20000);
      for (const p of [...YEARS, ...QUARTERS]) {
        const q = p.includes('Q');
        const den = Math.round(scale * (q ? 0.25 : 1) * (0.8 + rnd() * 0.4));
        const horizon = kind === 'flow' ? 6 : undefined;
        if (share) {
          const num = Math.round(den * (0.3 + rnd() * 0.3));
          add({
            ...base,
            period: p,
            horizon,
            value: num / den,
            numerator: num,
            denominator: den,
            n: den,
            status: 'ok',
          });
        } else add({ ...base, period: p, value: den, n: den, status: 'ok' });
        if (!q)
          for (const [code, f] of [
            ['M', 0.6],
            ['F', 0.399],
            ['X', 0.001],
          ] as const) {
            const v = Math.round(den * f);
            add({
              ...base,
              period: p,
              horizon,
              breakdown: { sex: code },
              value: share ? 0.4 : v,
              n: v,
              ...(share ? { numerator: Math.round(v * 0.4), denominator: v } : {}),
              status: 'ok',
            });
          }
      }
    }
  }
  for (const [y, h] of Object.entries(NODW_HOURS)) {
    const base = {
      result: 'NODW-IBOT',
      indicator: 'coaching-hours',
      measure: 'hours',
      unit: 'hours',
      period: y,
      status: 'ok' as const,
    };
    add({ ...base, breakdown: { coaching_kind: 'nodw' }, value: h.nodw });
    add({ ...base, breakdown: { coaching_kind: 'ibo_t' }, value: h.ibo_t });
    add({ ...base, breakdown: {}, value: h.nodw + h.ibo_t });
  }
  const raw: ResultSet = {
    plan: { id: plan.plan.id, hash: 'planhash0123abcd' },
    asOf: '2018-03-31',
    snapshot: 'snap0123456789ab',
    synthetic: true,
    cells,
    provenance: [],
  };
  return protect(raw, {
    audience,
    thresholds: DEFAULT_THRESHOLDS,
    specialDimensions: ['residence_status'],
  });
}

/** A few findings in the shape the narrate stage produces. */
export function fixtureFindings(rs: ProtectedResultSet): Finding[] {
  const key = (result: string, period: string, b: Record<string, string> = {}) => {
    const c = rs.cells.find(
      (x) => x.result === result && x.period === period && cellKeyB(x.breakdown) === cellKeyB(b),
    );
    return c ? cellKey(c) : '';
  };
  return [
    {
      id: 'NODW-IBOT-change-2014-2016',
      result: 'NODW-IBOT',
      type: 'change',
      text: {
        nl: 'Tussen 2014 en 2016 daalde het aantal gepresteerde uren met 2.560, van 9.833 naar 7.273.',
        en: 'Between 2014 and 2016 the hours delivered fell by 2,560, from 9,833 to 7,273.',
      },
      cells: [key('NODW-IBOT', '2014'), key('NODW-IBOT', '2016')],
      claim: { op: 'change', from: 9833, to: 7273, delta: -2560 },
    },
    {
      id: 'SD1.B-note',
      result: 'SD1.B',
      type: 'note',
      text: {
        nl: 'Voor het instroomcohort 2017 zijn de horizonten van 18 maanden en meer nog niet waarneembaar.',
        en: 'For the 2017 inflow cohort, horizons of 18 months and more are not yet observable.',
      },
      cells: [],
      claim: { op: 'note' },
    },
  ];
}

const cellKeyB = (b: Record<string, string>) => JSON.stringify(Object.entries(b).sort());
