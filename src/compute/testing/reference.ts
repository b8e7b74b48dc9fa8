// Test support: brute-force references computed row by row from the generated data, written
// independently of the engine's SQL (plain loops over arrays, `addMonths` from shared/dates).
import { addMonths, daysBetween, fromEpochDay, toEpochDay } from '../../shared/index.js';
import type { Data, Person, Registration } from './random-store.js';

export type Grain = 'year' | 'quarter';
export const label = (d: string, g: Grain) =>
  g === 'year'
    ? d.slice(0, 4)
    : `${d.slice(0, 4)}-Q${Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1}`;

export const inTarget = (data: Data, r: Registration) =>
  r.dutch_language_deficit && personOf(data, r.person_id).migration_background;
export const personOf = (data: Data, id: string): Person =>
  data.persons.find((p) => p.person_id === id)!;

export function ageBand(p: Person, d: string): string {
  const age = Number(d.slice(0, 4)) - p.birth_year;
  return age <= 24 ? '<25' : '25+';
}

/** Residence spell valid on day d. */
export function residenceOn(data: Data, pid: string, d: string) {
  return data.residence
    .filter(
      (s) => s.person_id === pid && s.valid_from <= d && (s.valid_to === null || s.valid_to >= d),
    )
    .sort((a, b) => (a.valid_from < b.valid_from ? 1 : -1))[0];
}
export const isProtected = (s: { status: string; work_access: string } | undefined) =>
  !!s &&
  (s.status === 'recognised_refugee' ||
    s.status === 'subsidiary_protection' ||
    (s.status === 'asylum_seeker' && s.work_access === 'work_permit_c'));

/** First qualifying registration per person and period (the cohort), up to asOf. */
export function cohort(
  data: Data,
  g: Grain,
  asOf: string,
  qualifies: (r: Registration) => boolean,
) {
  const best = new Map<string, Registration>();
  for (const r of data.registrations) {
    if (r.registered_on > asOf || !qualifies(r)) continue;
    const k = `${r.person_id}|${label(r.registered_on, g)}`;
    const cur = best.get(k);
    if (
      !cur ||
      r.registered_on < cur.registered_on ||
      (r.registered_on === cur.registered_on && r.registration_id < cur.registration_id)
    )
      best.set(k, r);
  }
  return [...best.values()];
}

const known = (d: string | null, asOf: string) => (d !== null && d <= asOf ? d : null);

export function atWork(data: Data, pid: string, day: string, asOf: string): boolean {
  return data.spells.some(
    (s) =>
      s.person_id === pid &&
      s.started_on <= asOf &&
      s.started_on <= day &&
      (known(s.ended_on, asOf) === null || s.ended_on! >= day),
  );
}

export function foundWork(
  data: Data,
  pid: string,
  t0: string,
  hd: string,
  minDays: number,
  asOf: string,
): boolean {
  return data.spells.some((s) => {
    if (s.person_id !== pid || s.started_on > asOf) return false;
    const end = known(s.ended_on, asOf) ?? asOf;
    return s.started_on >= t0 && s.started_on < hd && daysBetween(s.started_on, end) + 1 >= minDays;
  });
}

/** Outcome of one cohort member for a variant: [hit, observed]. */
export function outflow(
  data: Data,
  r: Registration,
  h: number,
  variant: { type: string; min_days?: number; k?: number },
  asOf: string,
): [boolean, boolean] {
  const hd = addMonths(r.registered_on, h);
  if (variant.type === 'at-work') return [atWork(data, r.person_id, hd, asOf), hd <= asOf];
  if (variant.type === 'found-work') {
    // Settled once a job starting the day before the horizon day could have lasted min_days.
    const md = variant.min_days ?? 1;
    return [
      foundWork(data, r.person_id, r.registered_on, hd, md, asOf),
      fromEpochDay(toEpochDay(hd) + md - 1) <= asOf,
    ];
  }
  const hk = addMonths(hd, variant.k ?? 6);
  return [atWork(data, r.person_id, hd, asOf) && atWork(data, r.person_id, hk, asOf), hk <= asOf];
}

/** Type-7 quantile of a sorted copy. */
export function quantile(xs: number[], p: number): number | null {
  if (!xs.length) return null;
  const v = [...xs].sort((a, b) => a - b);
  const h = (v.length - 1) * p;
  const lo = Math.floor(h);
  return v[lo]! + (h - lo) * (v[Math.min(lo + 1, v.length - 1)]! - v[lo]!);
}

/** Kaplan–Meier by its definition: S just after each event time; the first time S ≤ 1 − p (R's rule). */
export function kmQuantileRef(times: number[], events: boolean[], p: number): number | null {
  const ts = [...new Set(times.filter((_, i) => events[i]))].sort((a, b) => a - b);
  let s = 1;
  for (let i = 0; i < ts.length; i++) {
    const t = ts[i]!;
    const n = times.filter((x) => x >= t).length;
    const d = times.filter((x, j) => x === t && events[j]).length;
    s = s * (1 - d / n);
    // R's rule: S exactly 1 − p on a flat segment gives its midpoint; the last segment ends at the
    // last follow-up time.
    if (Math.abs(s - (1 - p)) < 1e-12) return (t + (ts[i + 1] ?? Math.max(...times))) / 2;
    if (s < 1 - p) return t;
  }
  return null;
}
