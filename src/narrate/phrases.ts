import {
  formatNumber,
  formatPercent,
  formatPeriod,
  formatPoints,
  formatValue,
  isRateUnit,
  type Lang,
} from '../shared/index.js';
import type { Direction } from './claims.js';
import { nextPeriod } from './series.js';

/** How a number is written in a sentence: a level, a difference (points for rates) or a relative change. */
export interface Amounts {
  /** A level with its unit word: `2.560 uren`, `28,4 %`. */
  level(v: number): string;
  /** A level without a unit word (rates keep `%`): `2.560`, `28,4 %`. */
  value(v: number): string;
  /** The size of a difference with its unit word: `170 uren`, `3,2 procentpunt`. */
  diff(d: number): string;
  /** A signed relative change: `+6,0 %`, `−26,0 %`. */
  relative(r: number): string;
}

export interface LevelArgs {
  period: string;
  cohortHorizon?: number;
  hasParts: boolean;
  total: number;
  parts: { label: string; value: number }[];
}
export interface ChangeArgs {
  from: string;
  to: string;
  ofTotal: boolean;
  fromValue: number;
  toValue: number;
  delta: number;
  relative: number | null;
  direction: Direction;
}
export interface CohortArgs {
  horizon: number;
  from: string;
  to: string;
  fromValue: number;
  toValue: number;
  delta: number;
  direction: Direction;
}
export interface PartChange {
  label: string;
  delta: number;
  direction: Direction;
  monotone: boolean;
}
export interface DecompositionArgs {
  from: string;
  to: string;
  /** Granularity of the periods, for "every year". */
  step: 'year' | 'quarter' | 'month';
  connector: 'of-which' | 'while';
  total: { fromValue: number; toValue: number; delta: number; direction: Direction };
  parts: PartChange[];
}
export interface ExtremesArgs {
  period: string;
  highest: { label: string; value: number };
  lowest: { label: string; value: number };
  gap: number;
}
export interface TargetArgs {
  period: string;
  value: number;
  target: number;
  kind: 'at-least' | 'at-most';
  gap: number;
  met: boolean;
  /** Before the target period: the path's value in `period`, and the target's own period. */
  path?: number;
  targetPeriod?: string;
}
/** One result on the first page (see `board-summary.ts`). */
export interface BoardItemArgs {
  /** The result's short title. */
  label: string;
  /** Measure, variant and horizon in words, when the headline is one of several lines. */
  what?: string;
  /** The period is an inflow cohort (outflow, durations). */
  cohort: boolean;
  /** A share: differences are in percentage points, "hoger/lager" rather than "meer/minder". */
  rate: boolean;
  period?: string;
  value?: number;
  /** The change on the same period a year earlier (both complete). */
  change?: { from: string; delta: number };
  /** An estimate for a cohort not yet fully observed, with its 95 % interval. */
  estimate?: { period: string; value: number; low: number; high: number };
  verdict?: {
    status: 'met' | 'not-met' | 'on-track' | 'off-track' | 'unclear' | 'pending' | 'no-data';
    target: number;
    period: string;
    kind: 'at-least' | 'at-most';
  };
  benchmark?: { value: number; label: string };
  open?: 'not-defined' | 'to-explore' | 'no-data';
}
/** Why a figure of an already reported period changed. */
export type SinceReason = 'now-complete' | 'definition' | 'new-data';
export interface SinceArgs {
  label: string;
  period: string;
  before: number;
  after: number;
  reason: SinceReason;
}
export type NoteReason =
  'suppressed' | 'censored' | 'incomplete' | 'not-defined' | 'to-explore' | 'no-data';
export interface NoteArgs {
  periods: string[];
  groups: boolean;
  reason: NoteReason;
}

/** Words the checker looks for; each catalogue uses exactly these in its sentences. */
export interface Lexicon {
  readonly increase: RegExp;
  readonly decrease: RegExp;
  readonly stable: RegExp;
  readonly ofWhich: RegExp;
  readonly every: RegExp;
  readonly highest: RegExp;
  readonly lowest: RegExp;
  readonly met: RegExp;
  readonly notMet: RegExp;
  readonly above: RegExp;
  readonly below: RegExp;
  /** Words for "per cent" that must never stand for a difference of rates. */
  readonly perCent: RegExp;
  readonly points: RegExp;
}

/** One typed phrase catalogue per language: every sentence of a finding comes from here. */
export interface Phrases {
  readonly lang: Lang;
  readonly lexicon: Lexicon;
  /** Label of a breakdown group (`NODW`, `IBO-T`); falls back to the code. */
  group(dim: string, code: string): string;
  /** `na 12 maanden` / `after 12 months`. */
  horizon(months: number): string;
  /** Label of a measure other than `value` (`mediaan`), or the measure id. */
  measure(measure: string): string;
  /** Label of a variant (`aan het werk`), or the variant id. */
  variant(variant: string): string;
  /** `Titel: zin.` */
  withSubject(subject: string, body: string): string;
  level(a: LevelArgs, n: Amounts): string;
  change(a: ChangeArgs, n: Amounts): string;
  cohort(a: CohortArgs, n: Amounts): string;
  decomposition(a: DecompositionArgs, n: Amounts): string;
  extremes(a: ExtremesArgs, n: Amounts): string;
  target(a: TargetArgs, n: Amounts): string;
  note(a: NoteArgs): string;
  /** One result on the first page: figure, change on a year earlier, target or benchmark. */
  boardItem(a: BoardItemArgs, n: Amounts): string;
  /** A headline figure that changed since the previous report, and why. */
  since(a: SinceArgs, n: Amounts): string;
  /** The heading over those changes (`none`: nothing changed). */
  sinceTitle(asOf: string, none: boolean): string;
  unitWord(unit: string, plural: boolean): string;
}

/** Number writers for one language, unit and number of decimals (house style from `shared/format`). */
export function amounts(p: Phrases, unit: string, decimals: number): Amounts {
  const rate = isRateUnit(unit);
  const withUnit = (s: string): string => {
    const w = p.unitWord(unit, s !== '1');
    return w ? `${s} ${w}` : s;
  };
  return {
    level: (v) =>
      rate ? formatValue(v, unit, p.lang, decimals) : withUnit(formatNumber(v, p.lang, decimals)),
    diff: (d) =>
      rate
        ? formatPoints(Math.abs(d), p.lang, decimals)
        : withUnit(formatNumber(Math.abs(d), p.lang, decimals)),
    value: (v) => formatValue(v, unit, p.lang, decimals),
    relative: (r) => `${r < 0 ? '−' : '+'}${formatPercent(Math.abs(r), p.lang, 1)}`,
  };
}

/** `2014`, `het derde kwartaal van 2016`, `juli 2016`. */
export function periodText(p: Phrases, period: string): string {
  return formatPeriod(period, p.lang);
}

/**
 * Periods grouped into runs of consecutive periods (`2014-Q1 … 2017-Q4` is one run), so a sentence
 * names a range instead of listing sixteen quarters one by one.
 */
export function periodRuns(periods: readonly string[]): string[][] {
  const runs: string[][] = [];
  for (const p of [...periods].sort()) {
    const last = runs[runs.length - 1];
    if (last && nextPeriod(last[last.length - 1]!) === p) last.push(p);
    else runs.push([p]);
  }
  return runs;
}

/** `a`, `a en b`, `a, b en c`. */
export function list(items: readonly string[], and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}
