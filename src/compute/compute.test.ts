import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePlan } from '../plan/index.js';
import { addMonths, daysBetween } from '../shared/index.js';
import { snapshotId, type Engine } from '../store/index.js';
import { compute, type ResultCell, type ResultSet } from './index.js';
import { randomData, storeWith, SEED_HOURS, type Data } from './testing/random-store.js';
import {
  ageBand,
  cohort,
  inTarget,
  isProtected,
  kmQuantileRef,
  label,
  outflow,
  personOf,
  quantile,
  residenceOn,
  type Grain,
} from './testing/reference.js';

const PLAN = parsePlan(
  `
plan: { id: t, title: { nl: t, en: t }, organisation: o, period: { from: '2016-01-01', to: '2018-12-31' }, source: s }
objectives:
  - { id: SD1, level: strategic, text: { nl: a, en: a }, short: { nl: a, en: a } }
results:
  - { id: SD1.A, objective: SD1, text: { nl: a, en: a }, short: { nl: a, en: a }, status: defined,
      indicators: [inflow, stock, screenings, share, hours, outflow, flow, duration, impact] }
  - { id: SD1.B, objective: SD1, text: { nl: a, en: a }, short: { nl: a, en: a }, status: undefined, reason: { nl: r, en: r } }
populations:
  tg:
    title: { nl: d, en: d }
    definition: { nl: d, en: d }
    where:
      - { column: registrations.dutch_language_deficit, equals: true }
      - { column: persons.migration_background, equals: true }
dimensions:
  sex: { title: { nl: s, en: s }, column: persons.sex }
  age_band: { title: { nl: a, en: a }, column: persons.birth_year, age_bands: [{ code: '<25', to: 24 }, { code: 25+, from: 25 }] }
  residence_status: { title: { nl: r, en: r }, column: residence_status_spells.status }
  coaching_kind: { title: { nl: k, en: k }, column: language_coaching_hours.kind }
indicators:
  - { id: inflow, kind: count, of: inflow, population: tg, title: { nl: a, en: a }, definition: { nl: a, en: a }, breakdowns: [[sex], [age_band, sex]] }
  - { id: stock, kind: count, of: stock, population: tg, residence_at: reference, title: { nl: a, en: a }, definition: { nl: a, en: a }, breakdowns: [[residence_status]] }
  - { id: screenings, kind: count, of: events, table: actions, date: started_on, population: tg,
      where: [{ column: actions.action_type, equals: technical_screening }], title: { nl: a, en: a }, definition: { nl: a, en: a }, breakdowns: [[age_band]] }
  - id: share
    kind: share
    of: stock
    population: tg
    residence_at: reference
    numerator:
      - any:
          - { column: residence_status_spells.status, in: [recognised_refugee, subsidiary_protection] }
          - all: [{ column: residence_status_spells.status, equals: asylum_seeker }, { column: residence_status_spells.work_access, equals: work_permit_c }]
    title: { nl: a, en: a }
    definition: { nl: a, en: a }
  - { id: hours, kind: sum, table: language_coaching_hours, date: period_start, measure: hours, title: { nl: a, en: a }, definition: { nl: a, en: a }, breakdowns: [[coaching_kind]] }
  - id: outflow
    kind: cohort-outflow
    population: tg
    horizons: [6, 12, 18]
    variants: [{ type: at-work }, { type: found-work }, { type: found-work, min_days: 28 }, { type: durable, k: 6 }]
    title: { nl: a, en: a }
    definition: { nl: a, en: a }
    breakdowns: [[sex]]
  - { id: flow, kind: flow, population: tg, horizons: [6], action_types: [technical_screening, ibo], title: { nl: a, en: a }, definition: { nl: a, en: a }, breakdowns: [[age_band]] }
  - { id: duration, kind: duration, population: tg, title: { nl: a, en: a }, definition: { nl: a, en: a } }
  - { id: impact, kind: manual, result_id: SD1.A, title: { nl: a, en: a }, definition: { nl: a, en: a } }
`,
  'test.yaml',
);

const VARIANTS = [
  ['at-work', { type: 'at-work' }],
  ['found-work', { type: 'found-work', min_days: 1 }],
  ['found-work-28d', { type: 'found-work', min_days: 28 }],
  ['durable', { type: 'durable', k: 6 }],
] as const;

const totalOf = (rs: ResultSet, ind: string, extra: (c: ResultCell) => boolean = () => true) =>
  rs.cells.filter((c) => c.indicator === ind && Object.keys(c.breakdown).length === 0 && extra(c));

function periodsUpTo(asOf: string, g: Grain): string[] {
  const out: string[] = [];
  for (let d = '2015-01-01'; d <= asOf; d = addMonths(d, 3)) {
    const l = label(d, g);
    if (!out.includes(l)) out.push(l);
  }
  return out;
}

function checkAgainstReference(data: Data, rs: ResultSet, g: Grain, asOf: string) {
  const periods = periodsUpTo(asOf, g);
  const qual = (r: Data['registrations'][number]) => inTarget(data, r);
  const members = cohort(data, g, asOf, qual);
  // count inflow: total, by sex, by age band × sex
  for (const p of periods) {
    const ms = members.filter((r) => label(r.registered_on, g) === p);
    const cell = totalOf(rs, 'inflow').find((c) => c.period === p);
    expect(cell?.value ?? 0, `inflow ${p}`).toBe(ms.length);
    for (const sex of ['M', 'F']) {
      const n = ms.filter((r) => personOf(data, r.person_id).sex === sex).length;
      const c = rs.cells.find(
        (x) =>
          x.indicator === 'inflow' &&
          x.period === p &&
          x.breakdown.sex === sex &&
          !x.breakdown.age_band,
      );
      expect(c?.value ?? 0, `inflow ${p} ${sex}`).toBe(n);
      for (const ab of ['<25', '25+']) {
        const n2 = ms.filter(
          (r) =>
            personOf(data, r.person_id).sex === sex &&
            ageBand(personOf(data, r.person_id), r.registered_on) === ab,
        ).length;
        const c2 = rs.cells.find(
          (x) =>
            x.indicator === 'inflow' &&
            x.period === p &&
            x.breakdown.sex === sex &&
            x.breakdown.age_band === ab,
        );
        expect(c2?.value ?? 0, `inflow ${p} ${sex} ${ab}`).toBe(n2);
      }
    }
  }
  // stock and share on the last day of each period (or asOf)
  for (const p of periods) {
    const cell = totalOf(rs, 'stock').find((c) => c.period === p)!;
    const ref = cell.through ?? periodEnd(p, g);
    const persons = new Set(
      data.registrations
        .filter(
          (r) =>
            inTarget(data, r) &&
            r.registered_on <= ref &&
            (r.ended_on === null || r.ended_on > ref),
        )
        .map((r) => r.person_id),
    );
    expect(cell.value, `stock ${p}`).toBe(persons.size);
    const prot = [...persons].filter((pid) => isProtected(residenceOn(data, pid, ref))).length;
    const share = totalOf(rs, 'share').find((c) => c.period === p)!;
    expect(share.denominator, `share denominator ${p}`).toBe(persons.size);
    expect(share.numerator, `share numerator ${p}`).toBe(prot);
    for (const st of [
      'asylum_seeker',
      'recognised_refugee',
      'subsidiary_protection',
      'other_non_eu',
    ]) {
      const n = [...persons].filter((pid) => residenceOn(data, pid, ref)?.status === st).length;
      const c = rs.cells.find(
        (x) => x.indicator === 'stock' && x.period === p && x.breakdown.residence_status === st,
      );
      expect(c?.value ?? 0, `stock ${p} ${st}`).toBe(n);
    }
  }
  // events
  for (const p of periods) {
    const acts = data.actions.filter((a) => {
      const reg = data.registrations.find((r) => r.registration_id === a.registration_id)!;
      return (
        a.action_type === 'technical_screening' &&
        a.started_on <= asOf &&
        label(a.started_on, g) === p &&
        inTarget(data, reg)
      );
    });
    const cell = totalOf(rs, 'screenings').find((c) => c.period === p);
    expect(cell?.value ?? 0, `screenings ${p}`).toBe(acts.length);
  }
  // cohort outflow: crude where every member is observed, else censored
  for (const p of periods) {
    const ms = members.filter((r) => label(r.registered_on, g) === p);
    for (const h of [6, 12, 18])
      for (const [name, v] of VARIANTS) {
        const cell = totalOf(
          rs,
          'outflow',
          (c) => c.period === p && c.horizon === h && c.variant === name,
        )[0];
        if (!ms.length) {
          expect(cell, `outflow ${p} empty`).toBeUndefined();
          continue;
        }
        const res = ms.map((r) => outflow(data, r, h, v, asOf));
        const observed = res.every(([, o]) => o);
        expect(cell?.status, `outflow status ${p} ${h} ${name}`).toBe(observed ? 'ok' : 'censored');
        expect(cell?.denominator ?? cell?.n).toBe(ms.length);
        if (observed)
          expect(cell?.numerator, `outflow ${p} ${h} ${name}`).toBe(res.filter(([x]) => x).length);
        else if (cell?.value !== null && cell?.value !== undefined) {
          expect(cell.ci_low!).toBeLessThanOrEqual(cell.value);
          expect(cell.ci_high!).toBeGreaterThanOrEqual(cell.value);
        }
        for (const sex of ['M', 'F']) {
          const sub = ms.filter((r) => personOf(data, r.person_id).sex === sex);
          const c = rs.cells.find(
            (x) =>
              x.indicator === 'outflow' &&
              x.period === p &&
              x.horizon === h &&
              x.variant === name &&
              x.breakdown.sex === sex,
          );
          if (!sub.length) expect(c).toBeUndefined();
          else if (sub.every((r) => outflow(data, r, h, v, asOf)[1]))
            expect(c?.numerator, `outflow ${p} ${h} ${name} ${sex}`).toBe(
              sub.filter((r) => outflow(data, r, h, v, asOf)[0]).length,
            );
        }
      }
  }
  // flow within 6 months by age band
  for (const p of periods) {
    const ms = members.filter((r) => label(r.registered_on, g) === p);
    for (const ab of [undefined, '<25', '25+']) {
      const sub = ms.filter(
        (r) => !ab || ageBand(personOf(data, r.person_id), r.registered_on) === ab,
      );
      const c = rs.cells.find(
        (x) =>
          x.indicator === 'flow' &&
          x.period === p &&
          x.breakdown.age_band === ab &&
          x.horizon === 6,
      );
      if (!sub.length) continue;
      const hit = sub.filter((r) => {
        const hd = addMonths(r.registered_on, 6);
        return data.actions.some(
          (a) =>
            a.person_id === r.person_id &&
            ['technical_screening', 'ibo'].includes(a.action_type) &&
            a.started_on <= asOf &&
            a.started_on >= r.registered_on &&
            a.started_on < hd,
        );
      }).length;
      const obs = sub.every((r) => addMonths(r.registered_on, 6) <= asOf);
      expect(c?.status).toBe(obs ? 'ok' : 'censored');
      if (obs) expect(c?.numerator, `flow ${p} ${ab}`).toBe(hit);
    }
  }
  // duration registration → first personal service: KM and finished-only quartiles
  for (const p of periods) {
    const ms = members.filter((r) => label(r.registered_on, g) === p);
    if (!ms.length) continue;
    const times: number[] = [];
    const events: boolean[] = [];
    for (const r of ms) {
      const t1 = data.contacts
        .filter(
          (c) =>
            c.registration_id === r.registration_id &&
            c.kind === 'first_personal_service' &&
            c.contact_on <= asOf,
        )
        .map((c) => c.contact_on)
        .sort()[0];
      const reached = t1 !== undefined && t1 >= r.registered_on;
      const end = reached ? t1 : r.ended_on && r.ended_on <= asOf ? r.ended_on : asOf;
      times.push(daysBetween(r.registered_on, end));
      events.push(reached);
    }
    for (const [stat, q] of [
      ['p25', 0.25],
      ['median', 0.5],
      ['p75', 0.75],
    ] as const) {
      const km = totalOf(
        rs,
        'duration',
        (c) =>
          c.period === p &&
          c.measure === `registration-first-service.${stat}` &&
          c.variant === 'km',
      )[0];
      expect(km?.value ?? null, `km ${p} ${stat}`).toBe(kmQuantileRef(times, events, q));
      const fin = totalOf(
        rs,
        'duration',
        (c) =>
          c.period === p &&
          c.measure === `registration-first-service.${stat}` &&
          c.variant === 'finished-only',
      )[0];
      const ref = quantile(
        times.filter((_, i) => events[i]),
        q,
      );
      if (ref === null) expect(fin?.value ?? null).toBeNull();
      else expect(fin?.value).toBeCloseTo(ref, 9);
    }
    const open = totalOf(
      rs,
      'duration',
      (c) => c.period === p && c.measure === 'registration-first-service.open',
    )[0];
    expect(open?.value).toBe(events.filter((e) => !e).length);
  }
}

function periodEnd(p: string, g: Grain): string {
  const y = Number(p.slice(0, 4));
  const m = g === 'year' ? 12 : Number(p.slice(6)) * 3;
  return (
    addMonths(`${y}-${String(m).padStart(2, '0')}-01`, 1).replace(/-01$/, '-01') && lastDay(y, m)
  );
}
function lastDay(y: number, m: number): string {
  const next = addMonths(`${y}-${String(m).padStart(2, '0')}-01`, 1);
  const d = new Date(`${next}T00:00:00Z`);
  d.setUTCDate(0);
  return d.toISOString().slice(0, 10);
}

describe('compute against brute-force references', () => {
  const seeds = [1, 7, 42];
  const cutoffs = ['2017-12-31', '2018-09-15', '2020-12-31'];
  for (const seed of seeds)
    it(`seed ${seed}: every kind matches row-by-row counting (years and quarters, several cut-offs)`, async () => {
      const data = randomData(seed, 50);
      const engine = await storeWith(data);
      try {
        for (const asOf of cutoffs) {
          const rs = await compute(engine, PLAN, { asOf, grains: ['year', 'quarter'] });
          const years = { ...rs, cells: rs.cells.filter((c) => /^\d{4}$/.test(c.period)) };
          const quarters = { ...rs, cells: rs.cells.filter((c) => c.period.includes('Q')) };
          checkAgainstReference(data, years, 'year', asOf);
          checkAgainstReference(data, quarters, 'quarter', asOf);
        }
      } finally {
        await engine.close();
      }
    });
});

describe('compute on a fixed store', () => {
  let engine: Engine;
  let data: Data;
  beforeAll(async () => {
    data = randomData(3, 40);
    engine = await storeWith(data);
  });
  afterAll(() => engine.close());

  it('reproduces the NODW / IBO-T hours of the seed per kind and in total', async () => {
    const rs = await compute(engine, PLAN, { asOf: '2019-12-31' });
    for (const [y, v] of Object.entries(SEED_HOURS)) {
      const at = (k?: string) =>
        rs.cells.find(
          (c) => c.indicator === 'hours' && c.period === y && c.breakdown.coaching_kind === k,
        )?.value;
      expect(at('nodw')).toBe(v.nodw);
      expect(at('ibo_t')).toBe(v.ibo_t);
      expect(at(undefined)).toBe(v.nodw + v.ibo_t);
    }
    expect(rs.cells.find((c) => c.indicator === 'hours' && c.period === '2018')?.status).toBe(
      'no-data',
    );
  });

  it('gives honest status cells for results without a definition and for missing manual values', async () => {
    const rs = await compute(engine, PLAN, { asOf: '2018-06-30' });
    const b = rs.cells.filter((c) => c.result === 'SD1.B');
    expect(b.map((c) => c.period)).toEqual(['2015', '2016', '2017', '2018']);
    expect(new Set(b.map((c) => c.status))).toEqual(new Set(['not-defined']));
    expect(
      rs.cells.filter((c) => c.indicator === 'impact').every((c) => c.status === 'no-data'),
    ).toBe(true);
  });

  it('for a fully observed cohort, the Aalen–Johansen estimate equals the crude found-work rate', async () => {
    // Cut off so that 2016 cohorts are observed for 6 months but not 12.
    const asOf = '2017-06-30';
    const rs = await compute(engine, PLAN, { asOf, results: ['SD1.A'] });
    const crude = totalOf(
      rs,
      'outflow',
      (c) => c.period === '2016' && c.horizon === 6 && c.variant === 'found-work',
    )[0]!;
    expect(crude.status).toBe('ok');
    const late = totalOf(
      rs,
      'outflow',
      (c) => c.period === '2016' && c.horizon === 12 && c.variant === 'found-work',
    )[0]!;
    expect(late.status).toBe('censored');
    expect(late.ci_low).toBeLessThanOrEqual(late.value!);
    expect(late.ci_high).toBeGreaterThanOrEqual(late.value!);
    // The AJ estimator on the same data with the horizon at 6 months equals the crude rate.
    const { ajCif } = await import('./estimators.js');
    const { monthTime } = await import('./kinds/cohort-outflow.js');
    const ms = cohort(data, 'year', asOf, (r) => inTarget(data, r)).filter((r) =>
      r.registered_on.startsWith('2016'),
    );
    const times: number[] = [];
    const types: number[] = [];
    for (const r of ms) {
      const w = data.spells
        .filter(
          (s) =>
            s.person_id === r.person_id && s.started_on >= r.registered_on && s.started_on <= asOf,
        )
        .map((s) => s.started_on)
        .sort()[0];
      const end = r.ended_on && r.ended_on <= asOf ? r.ended_on : null;
      const [t, ty] = w
        ? [monthTime(r.registered_on, w), 1]
        : end && r.end_reason !== 'work'
          ? [monthTime(r.registered_on, end), 2]
          : [monthTime(r.registered_on, asOf), 0];
      times.push(t);
      types.push(ty);
    }
    expect(ajCif(times, types, 6).value).toBeCloseTo(crude.value!, 12);
  });

  it('for censored cohorts, at-work is the multi-state estimate of the job spells and durable stays below it', async () => {
    const big = randomData(11, 150);
    const eng = await storeWith(big);
    const { multiStateAJ } = await import('./survival/index.js');
    const { monthTime } = await import('./kinds/cohort-outflow.js');
    let checked = 0;
    try {
      for (const asOf of ['2016-03-31', '2016-08-15', '2016-12-31', '2017-04-30']) {
        const rs = await compute(eng, PLAN, { asOf, results: ['SD1.A'], grains: ['year'] });
        const cells = totalOf(rs, 'outflow', (c) => c.status === 'censored' && c.value !== null);
        for (const c of cells.filter((x) => x.variant === 'at-work')) {
          expect(c.estimator).toBe('multistate-aalen-johansen');
          // Paths written here from the raw spells, day by day: at work on day d when a spell
          // covers d (an end after the cut-off date is not known yet).
          const ms = cohort(big, 'year', asOf, (r) => inTarget(big, r)).filter(
            (r) => label(r.registered_on, 'year') === c.period,
          );
          const state0: number[] = [];
          const exit: number[] = [];
          const offsets = [0];
          const trTime: number[] = [];
          const trTo: number[] = [];
          for (const r of ms) {
            const t0 = r.registered_on;
            const on = (d: string) =>
              big.spells.some(
                (s) =>
                  s.person_id === r.person_id &&
                  s.started_on <= d &&
                  (s.ended_on === null || s.ended_on > asOf || s.ended_on >= d),
              );
            let st = on(t0) ? 1 : 0;
            state0.push(st);
            for (let i = 1, d = t0; d < asOf; i++) {
              d = new Date(Date.parse(`${t0}T00:00:00Z`) + i * 86_400_000)
                .toISOString()
                .slice(0, 10);
              const now = on(d) ? 1 : 0;
              if (now !== st) {
                trTime.push(monthTime(t0, d));
                trTo.push(now);
                st = now;
              }
            }
            offsets.push(trTime.length);
            exit.push(monthTime(t0, asOf));
          }
          const [ref] = multiStateAJ({ states: 2, state0, exit, offsets, trTime, trTo }, 1, [
            c.horizon!,
          ]);
          expect(c.value, `${c.period} ${c.horizon}`).toBeCloseTo(ref!.estimate, 12);
          expect(c.at_risk).toBe(ref!.nRisk);
          checked++;
        }
        for (const d of cells.filter((x) => x.variant === 'durable')) {
          expect(d.estimator).toBe('landmark-aalen-johansen');
          const aw = totalOf(
            rs,
            'outflow',
            (c) => c.period === d.period && c.horizon === d.horizon && c.variant === 'at-work',
          )[0]!;
          expect(d.value!).toBeLessThanOrEqual(aw.value! + 1e-12);
        }
      }
    } finally {
      await eng.close();
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('links every cell to a provenance record with the SQL and the snapshot', async () => {
    const rs = await compute(engine, PLAN, { asOf: '2018-06-30' });
    const ids = new Set(rs.provenance.map((p) => p.id));
    for (const c of rs.cells.filter((x) => x.indicator)) expect(ids.has(c.provenance)).toBe(true);
    for (const p of rs.provenance) {
      if (p.indicator) expect(p.sql).toMatch(/SELECT/);
      expect(p.snapshot).toBe(rs.snapshot);
    }
    // The hash of every row of the store.
    expect(rs.snapshot).toBe(await snapshotId(engine));
  });

  it('builds each shared inflow cohort once per run, records it in provenance and drops it', async () => {
    const created: string[] = [];
    const spy: Engine = Object.create(engine) as Engine;
    spy.query = (sql, params) => {
      const m = /^CREATE TEMP TABLE (\w+)/.exec(sql);
      if (m) created.push(m[1]!);
      return engine.query(sql, params);
    };
    const rs = await compute(spy, PLAN, { asOf: '2018-06-30' });
    expect(created.length).toBeGreaterThan(0);
    expect(new Set(created).size).toBe(created.length);
    for (const id of ['inflow', 'outflow', 'flow', 'duration']) {
      const sql = rs.provenance.find((p) => p.indicator === id)!.sql;
      const table = /CREATE TEMP TABLE (\w+)/.exec(sql)?.[1];
      expect(table && created.includes(table)).toBe(true);
      expect(sql).toContain(`FROM ${table}`);
    }
    const left = await engine.query(
      "SELECT count(*) AS n FROM duckdb_tables() WHERE table_name LIKE 'idw_cohort_%'",
    );
    expect(Number(left[0]!.n)).toBe(0);
  });
});
