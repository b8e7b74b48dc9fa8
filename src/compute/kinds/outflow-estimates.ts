/**
 * Estimates for cohort-outflow cells whose members are not all observed up to the horizon (see
 * docs/statistics.md, "Outflow to work for a cohort still being followed"):
 * - found-work: Aalen–Johansen cumulative incidence of the first qualifying job (other exits
 *   compete), read just before the horizon;
 * - at-work: multi-state Aalen–Johansen probability of being at work on the horizon day (not at
 *   work ⇄ at work, from the job spells);
 * - durable: at work on the horizon day (as at-work) × at work k months later given at work then
 *   (landmark Aalen–Johansen from the horizon), with the variance of the product from the
 *   influence of each member on both factors.
 */
import type { Indicator } from '../../plan/index.js';
import type { Row } from '../../store/index.js';
import {
  ajCifAt,
  ajFit,
  comparePaths,
  msFit,
  msPath,
  type AjFit,
  type MsFit,
} from '../estimators.js';
import type { CellDraft, KindContext, QueryPlan, RunFn } from '../ir.js';
import { statementNamed } from './cohort.js';

type Variant = Extract<Indicator, { kind: 'cohort-outflow' }>['variants'][number];

/** Minimum job length of a variant in days (1 for at-work and durable). */
export const minDaysOf = (v: Variant) => (v.type === 'found-work' ? v.min_days : 1);

/** A censored cell waiting for its estimate. */
export interface CensoredCell {
  readonly cell: CellDraft;
  readonly v: Variant;
  readonly h: number;
  readonly period: string;
}

/** Cell key: period and the breakdown's dim=code pairs in name order. */
const keyOf = (period: string, b: Readonly<Record<string, string>>) =>
  [
    period,
    ...Object.keys(b)
      .sort()
      .map((k) => `${k}=${b[k]}`),
  ].join('|');

/** Row indices per cell key: each member row counts in the total and in each breakdown group. */
function indexRows(ctx: KindContext, rows: readonly Row[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  const setDims = ctx.sets.map((set) =>
    [...ctx.fixed, ...set].sort().map((d) => [`|${d}=`, `d_${d}`] as const),
  );
  for (let i = 0; i < rows.length; i++) {
    const m = rows[i]!;
    for (const dims of setDims) {
      let k = String(m.period);
      for (const [label, col] of dims) k += label + String(m[col]);
      const l = index.get(k);
      if (l) l.push(i);
      else index.set(k, [i]);
    }
  }
  return index;
}

/** Fills value, interval, `at_risk` and `estimator` of every censored cell (value null: nobody left). */
export async function fillEstimates(
  ctx: KindContext,
  qp: QueryPlan,
  run: RunFn,
  cells: readonly CensoredCell[],
): Promise<void> {
  const fw = cells.filter((c) => c.v.type === 'found-work');
  const ms = cells.filter((c) => c.v.type !== 'found-work');
  if (fw.length) fillCif(ctx, fw, await run(statementNamed(qp, 'censored-members')));
  if (ms.length) fillMultiState(ctx, ms, await run(statementNamed(qp, 'censored-spells')));
}

/**
 * Aalen–Johansen CIF of work (other exits compete, censored where a job start can no longer be
 * judged) for censored found-work cells. One fit per cohort, breakdown group and minimum job
 * length, read at each censored cell's horizon.
 */
function fillCif(ctx: KindContext, cells: readonly CensoredCell[], members: readonly Row[]): void {
  const index = indexRows(ctx, members);
  const column = new Map<string, Float64Array>();
  const columnOf = (name: string) => {
    let c = column.get(name);
    if (!c) column.set(name, (c = Float64Array.from(members, (m) => Number(m[name]))));
    return c;
  };
  const fits = new Map<string, AjFit | null>();
  for (const t of cells) {
    t.cell.estimator = 'aalen-johansen';
    const key = keyOf(t.period, t.cell.breakdown);
    const md = minDaysOf(t.v);
    const fk = `${md}|${key}`;
    let fit = fits.get(fk);
    if (fit === undefined) {
      const idx = index.get(key) ?? [];
      const tc = columnOf(`t_${md}`);
      const sc = columnOf(`s_${md}`);
      const times = Float64Array.from(idx, (i) => tc[i]!);
      const types = Int32Array.from(idx, (i) => sc[i]!);
      fit = idx.length ? ajFit(times, types) : null;
      fits.set(fk, fit);
    }
    const cif = ajCifAt(fit, t.h);
    t.cell.at_risk = cif.atRisk;
    // Nobody left at risk at the horizon: the curve is only carried forward, never publish it.
    if (cif.atRisk === 0 || cif.value === null) continue;
    Object.assign(t.cell, { value: cif.value, ci_low: cif.low, ci_high: cif.high });
  }
}

/**
 * Multi-state estimates for censored at-work and durable cells: the members' job spells become
 * paths (not at work ⇄ at work); one fit per cohort and breakdown group.
 */
function fillMultiState(
  ctx: KindContext,
  cells: readonly CensoredCell[],
  rows: readonly Row[],
): void {
  // One row per member and spell (or one row without a spell): group rows by member first.
  const firstRow: number[] = [];
  const spellsOf: number[][] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const id = `${String(r.period)}|${String(r.person_id)}`;
    let m = seen.get(id);
    if (m === undefined) {
      seen.set(id, (m = firstRow.length));
      firstRow.push(i);
      spellsOf.push([]);
    }
    if (r.t_in !== null && r.t_in !== undefined) spellsOf[m]!.push(i);
  }
  // Each member's path once, in canonical order: every group then lists its members in that order.
  const order = firstRow.map((i, m) => ({
    row: rows[i]!,
    path: msPath({
      exit: Number(rows[i]!.t_exit),
      spells: spellsOf[m]!.map((k) => [
        Number(rows[k]!.t_in),
        rows[k]!.t_out === null || rows[k]!.t_out === undefined ? null : Number(rows[k]!.t_out),
      ]),
    }),
  }));
  order.sort((a, b) => comparePaths(a.path, b.path));
  const index = indexRows(
    ctx,
    order.map((o) => o.row),
  );
  // The horizons read per group, so that each group is fitted once for all of them.
  const horizons = new Map<string, number[]>();
  for (const t of cells) {
    const key = keyOf(t.period, t.cell.breakdown);
    horizons.set(key, [...(horizons.get(key) ?? []), t.h]);
  }
  const fits = new Map<string, MsFit | null>();
  for (const t of cells) {
    const key = keyOf(t.period, t.cell.breakdown);
    let fit = fits.get(key);
    if (fit === undefined) {
      const idx = index.get(key) ?? [];
      fit = idx.length
        ? msFit(
            idx.map((m) => order[m]!.path),
            horizons.get(key),
          )
        : null;
      fits.set(key, fit);
    }
    const k = t.v.type === 'durable' ? t.v.k : null;
    t.cell.estimator = k === null ? 'multistate-aalen-johansen' : 'landmark-aalen-johansen';
    if (!fit) continue;
    const est = k === null ? fit.atWork(t.h) : fit.durable(t.h, k);
    t.cell.at_risk = est.atRisk;
    if (est.atRisk === 0 || est.value === null) continue;
    Object.assign(t.cell, { value: est.value, ci_low: est.low, ci_high: est.high });
  }
}
