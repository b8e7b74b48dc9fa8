import { cellKey } from '../compute/index.js';
import type { ProtectedCell } from '../protect/index.js';
import { formatNumber, isRateUnit, type Lang } from '../shared/index.js';
import type { CheckCtx } from './check-finding.js';
import type { ClaimOf, Direction } from './claims.js';
import { judgeTarget } from './judge-targets.js';
import { directionOf, keepsOrder, relativeChange } from './numbers.js';
import type { Phrases } from './phrases.js';
import { addsUp } from './select.js';
import { consecutive, seriesKey } from './series.js';
import { clauses } from './text-tokens.js';

/** A direction the text must state for an item (the whole text, or the clauses naming a label). */
export interface DirItem {
  readonly label?: (p: Phrases) => string;
  readonly direction: Direction;
  readonly required: boolean;
}

/** What the sentences must say, derived from the cells (never from the finding's own numbers). */
export interface Expect {
  /** The numbers in the order the sentence states them (house style, the same in both languages). */
  tokens(lang: Lang): string[];
  /** Numbers that must be the first one after a group label (so groups cannot swap numbers). */
  readonly labelled: readonly { label: (p: Phrases) => string; token: (lang: Lang) => string }[];
  readonly directions: readonly DirItem[];
  readonly ofWhichAllowed: boolean;
  readonly ofWhichRequired: boolean;
  readonly textChecks: readonly ((p: Phrases, masked: string, raw: string) => string | null)[];
}

const close = (a: number, b: number): boolean =>
  Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
const lvl = (v: number, unit: string, d: number, lang: Lang): string =>
  isRateUnit(unit)
    ? `${formatNumber(v * 100, lang, d)}|percent`
    : `${formatNumber(v, lang, d)}|plain`;
const dif = (v: number, unit: string, d: number, lang: Lang): string =>
  isRateUnit(unit)
    ? `${formatNumber(Math.abs(v) * 100, lang, d)}|points`
    : `${formatNumber(Math.abs(v), lang, d)}|plain`;
const rel = (r: number, lang: Lang): string =>
  `${r < 0 ? '−' : '+'}${formatNumber(Math.abs(r) * 100, lang, 1)}|percent`;
const totalLabel = (p: Phrases): string => (p.lang === 'nl' ? 'het totaal' : 'the total');
const isTotal = (c: ProtectedCell): boolean => Object.keys(c.breakdown).length === 0;
const inGroup = (c: ProtectedCell, dim: string, code: string): boolean =>
  Object.keys(c.breakdown).length === 1 && c.breakdown[dim] === code;

/** Re-derives the claim from the cells; records mismatches in `x.errors` and returns what the text must say. */
export function expectations(x: CheckCtx): Expect | null {
  const c = x.claim;
  const cell = (key: string, value: number): ProtectedCell | null => {
    const found = x.cells.find((k) => cellKey(k) === key);
    if (!found) x.errors.push(`claim reads ${key}, which the finding does not list`);
    else if (found.value !== value)
      x.errors.push(`claim says ${value} where the cell holds ${found.value}`);
    return found ?? null;
  };
  switch (c.op) {
    case 'level':
      return level(x, c, cell);
    case 'change':
      return change(x, c, cell);
    case 'decomposition':
      return decomposition(x, c, cell);
    case 'extremes':
      return extremes(x, c, cell);
    case 'target':
      return target(x, c, cell);
    case 'note':
      return {
        tokens: () => [],
        labelled: [],
        directions: [],
        ofWhichAllowed: false,
        ofWhichRequired: false,
        textChecks: [],
      };
  }
}

type Get = (key: string, value: number) => ProtectedCell | null;

function level(x: CheckCtx, c: ClaimOf<'level'>, cell: Get): Expect | null {
  const t = cell(c.total.key, c.total.value);
  const parts = c.parts.map((p) => ({ p, cell: cell(p.key, p.value) }));
  if (!t || parts.some((p) => !p.cell)) return null;
  if (!isTotal(t)) x.errors.push('level total is not a total');
  if (
    parts.some(
      ({ p, cell: k }) => !inGroup(k!, p.group.dim, p.group.code) || k!.period !== t.period,
    )
  )
    x.errors.push('level part is not a group of the total');
  if (
    parts.length > 0 &&
    !addsUp(
      c.total.value,
      c.parts.map((p) => p.value),
    )
  )
    x.errors.push('parts do not add up to the total');
  const within = c.parts.every((p) => p.value >= 0 && p.value <= c.total.value);
  return {
    tokens: (lang) => [c.total, ...c.parts].map((p) => lvl(p.value, c.unit, c.decimals, lang)),
    labelled: c.parts.map((p) => ({
      label: (ph: Phrases) => ph.group(p.group.dim, p.group.code),
      token: (lang: Lang) => lvl(p.value, c.unit, c.decimals, lang),
    })),
    directions: [],
    ofWhichAllowed: parts.length > 0 && within,
    ofWhichRequired: false,
    textChecks: [],
  };
}

function moveCheck(
  x: CheckCtx,
  unit: string,
  from: number,
  to: number,
  delta: number,
  direction: Direction,
  what: string,
): void {
  if (!close(delta, to - from)) x.errors.push(`${what}: difference ${delta} is not ${to - from}`);
  const d = directionOf(from, to, unit, x.rules.stable);
  if (d !== direction) x.errors.push(`${what}: direction ${direction} where the cells give ${d}`);
}

function change(x: CheckCtx, c: ClaimOf<'change'>, cell: Get): Expect | null {
  const a = cell(c.from.key, c.from.value);
  const b = cell(c.to.key, c.to.value);
  if (!a || !b) return null;
  if (!(a.period < b.period)) x.errors.push('change does not run forward in time');
  if (JSON.stringify(a.breakdown) !== JSON.stringify(b.breakdown))
    x.errors.push('change compares different groups');
  if ((c.across === 'cohort') !== (a.horizon !== undefined))
    x.errors.push('cohort comparison without a common horizon');
  moveCheck(x, c.unit, c.from.value, c.to.value, c.delta, c.direction, 'change');
  const moved = c.direction !== 'stable';
  const r =
    moved && c.across === 'period' ? relativeChange(c.from.value, c.to.value, c.unit) : null;
  if ((r === null) !== (c.relative === null) || (r !== null && !close(r, c.relative!)))
    x.errors.push(`relative change ${c.relative} where the cells give ${r}`);
  if (moved && !keepsOrder(c.unit, c.decimals, [[c.from.value, c.to.value]], [c.delta]))
    x.errors.push('rounded numbers hide or flip the change');
  return {
    tokens: (lang) => {
      const from = lvl(c.from.value, c.unit, c.decimals, lang);
      const to = lvl(c.to.value, c.unit, c.decimals, lang);
      const size = moved ? [dif(c.delta, c.unit, c.decimals, lang)] : [];
      const relative = r === null ? [] : [rel(r, lang)];
      return c.across === 'cohort' ? [...size, to, from] : [...size, ...relative, from, to];
    },
    labelled: [],
    directions: [{ direction: c.direction, required: true }],
    ofWhichAllowed: false,
    ofWhichRequired: false,
    textChecks: [],
  };
}

function decomposition(x: CheckCtx, c: ClaimOf<'decomposition'>, cell: Get): Expect | null {
  const a = cell(c.total.from.key, c.total.from.value);
  const b = cell(c.total.to.key, c.total.to.value);
  const parts = c.parts.map((p) => ({
    p,
    a: cell(p.from.key, p.from.value),
    b: cell(p.to.key, p.to.value),
  }));
  if (!a || !b || parts.some((p) => !p.a || !p.b)) return null;
  if (!isTotal(a) || !isTotal(b) || !(a.period < b.period))
    x.errors.push('decomposition total is not a total over time');
  const dims = new Set(c.parts.map((p) => p.group.dim));
  const codes = new Set(c.parts.map((p) => p.group.code));
  if (dims.size !== 1 || codes.size !== c.parts.length || c.parts.length < 2)
    x.errors.push('parts are not the groups of one breakdown');
  for (const { p, a: pa, b: pb } of parts) {
    if (!inGroup(pa!, p.group.dim, p.group.code) || !inGroup(pb!, p.group.dim, p.group.code))
      x.errors.push(`part ${p.group.code} reads another group`);
    if (pa!.period !== a.period || pb!.period !== b.period)
      x.errors.push(`part ${p.group.code} reads other periods`);
    moveCheck(x, c.unit, p.from.value, p.to.value, p.delta, p.direction, `part ${p.group.code}`);
    if (p.monotone) monotone(x, p, c.unit);
  }
  if (
    !addsUp(
      c.total.from.value,
      c.parts.map((p) => p.from.value),
    ) ||
    !addsUp(
      c.total.to.value,
      c.parts.map((p) => p.to.value),
    )
  )
    x.errors.push('parts do not add up to the total');
  const t = c.total;
  moveCheck(x, c.unit, t.from.value, t.to.value, t.delta, t.direction, 'total');
  const ofWhich =
    t.direction !== 'stable' &&
    c.parts.every(
      (p) =>
        p.direction === t.direction &&
        Math.abs(p.to.value - p.from.value) <= Math.abs(t.to.value - t.from.value),
    );
  if (c.connector === 'of-which' && !ofWhich)
    x.errors.push('"of which" with a part larger than the whole or moving the other way');
  const moved = [t, ...c.parts].filter((m) => m.direction !== 'stable');
  if (
    !keepsOrder(
      c.unit,
      c.decimals,
      moved.map((m) => [m.from.value, m.to.value] as const),
      moved.map((m) => m.delta),
    )
  )
    x.errors.push('rounded numbers hide or flip a change');
  return {
    tokens: (lang) => [
      ...(t.direction === 'stable' ? [] : [dif(t.delta, c.unit, c.decimals, lang)]),
      lvl(t.from.value, c.unit, c.decimals, lang),
      lvl(t.to.value, c.unit, c.decimals, lang),
      ...c.parts
        .filter((m) => m.direction !== 'stable')
        .map((m) => dif(m.delta, c.unit, c.decimals, lang)),
    ],
    labelled: c.parts
      .filter((m) => m.direction !== 'stable')
      .map((m) => ({
        label: (ph: Phrases) => ph.group(m.group.dim, m.group.code),
        token: (lang: Lang) => dif(m.delta, c.unit, c.decimals, lang),
      })),
    directions: [
      { label: totalLabel, direction: t.direction, required: true },
      ...c.parts.map((p) => ({
        label: (ph: Phrases) => ph.group(p.group.dim, p.group.code),
        direction: p.direction,
        required: c.connector === 'while',
      })),
    ],
    ofWhichAllowed: ofWhich,
    ofWhichRequired: c.connector === 'of-which',
    textChecks: c.parts.map((p) => (ph: Phrases, _m: string, raw: string) => {
      const label = ph.group(p.group.dim, p.group.code);
      const says = clausesWith(raw, label, ph.lang).some((s) => ph.lexicon.every.test(s));
      if (says && !p.monotone)
        return `says ${label} moved the same way every period without the cells to show it`;
      if (!says && p.monotone)
        return `claims ${label} moved the same way every period but does not say so`;
      return null;
    }),
  };

  function monotone(
    x: CheckCtx,
    p: ClaimOf<'decomposition'>['parts'][number],
    _unit: string,
  ): void {
    const steps = p.monotone!.map((k) => x.cells.find((cc) => cellKey(cc) === k));
    if (steps.some((s) => !s))
      return void x.errors.push(`every-period claim for ${p.group.code} reads cells not listed`);
    const cs = steps as ProtectedCell[];
    const periods = cs.map((s) => s.period);
    const ok =
      cs.length >= 3 &&
      cs.every((s) => inGroup(s, p.group.dim, p.group.code) && typeof s.value === 'number') &&
      consecutive(periods) &&
      periods[0] === p.from.key.split('|')[3] &&
      cs[0] !== undefined &&
      cellKey(cs[0]) === p.from.key &&
      cellKey(cs[cs.length - 1]!) === p.to.key &&
      cs.every(
        (s, i) =>
          i === 0 ||
          (p.direction === 'decrease'
            ? s.value! < cs[i - 1]!.value!
            : s.value! > cs[i - 1]!.value!),
      );
    if (!ok) x.errors.push(`${p.group.code} did not move the same way every period`);
  }
}

function extremes(x: CheckCtx, c: ClaimOf<'extremes'>, cell: Get): Expect | null {
  const hi = cell(c.highest.key, c.highest.value);
  const lo = cell(c.lowest.key, c.lowest.value);
  if (!hi || !lo) return null;
  if (!inGroup(hi, c.dim, c.highest.code) || !inGroup(lo, c.dim, c.lowest.code))
    x.errors.push('extremes read other groups');
  const row = (x.index.bySeriesPeriod.get(`${seriesKey(hi)}@${hi.period}`) ?? []).filter(
    (k) => Object.keys(k.breakdown).length === 1 && c.dim in k.breakdown,
  );
  const listed = new Set(x.finding.cells);
  if (row.some((k) => !listed.has(cellKey(k))) || row.length !== x.finding.cells.length)
    x.errors.push('extremes do not read every group of the breakdown');
  const values = row.map((k) => k.value ?? NaN).sort((p, q) => q - p);
  if (values.length < 2 || values[0] !== c.highest.value || values[1] === values[0])
    x.errors.push('highest group is not the unique maximum');
  const n = values.length;
  if (values[n - 1] !== c.lowest.value || values[n - 2] === values[n - 1])
    x.errors.push('lowest group is not the unique minimum');
  if (!close(c.gap, c.highest.value - c.lowest.value))
    x.errors.push('gap is not highest minus lowest');
  if (
    !keepsOrder(
      c.unit,
      c.decimals,
      [
        [values[1] ?? 0, values[0] ?? 0],
        [values[n - 1] ?? 0, values[n - 2] ?? 0],
      ],
      [c.gap],
    )
  )
    x.errors.push('rounded numbers hide the highest or lowest group');
  const sideCheck =
    (code: string, yes: 'highest' | 'lowest', no: 'highest' | 'lowest') =>
    (ph: Phrases, _m: string, raw: string) => {
      const label = ph.group(c.dim, code);
      const own = clausesWith(raw, label, ph.lang);
      return own.some((s) => ph.lexicon[yes].test(s)) && !own.some((s) => ph.lexicon[no].test(s))
        ? null
        : `${label} is not called ${yes}`;
    };
  return {
    tokens: (lang) => [
      lvl(c.highest.value, c.unit, c.decimals, lang),
      lvl(c.lowest.value, c.unit, c.decimals, lang),
      dif(c.gap, c.unit, c.decimals, lang),
    ],
    labelled: [c.highest, c.lowest].map((g) => ({
      label: (ph: Phrases) => ph.group(c.dim, g.code),
      token: (lang: Lang) => lvl(g.value, c.unit, c.decimals, lang),
    })),
    directions: [],
    ofWhichAllowed: false,
    ofWhichRequired: false,
    textChecks: [
      sideCheck(c.highest.code, 'highest', 'lowest'),
      sideCheck(c.lowest.code, 'lowest', 'highest'),
    ],
  };
}

/**
 * The clauses of a sentence that name a group. The label is masked first: a group's words may
 * themselves hold a clause separator (`Afghanistan en Pakistan`, `50 and over`).
 */
function clausesWith(raw: string, label: string, lang: Lang): string[] {
  const tag = '⟦group⟧';
  return clauses(raw.split(label).join(tag), lang).filter((s) => s.includes(tag));
}

function target(x: CheckCtx, c: ClaimOf<'target'>, cell: Get): Expect | null {
  const v = cell(c.value.key, c.value.value);
  if (!v) return null;
  const goal = c.path ?? c.target;
  if (!close(c.gap, c.value.value - goal))
    x.errors.push('gap to the target is not value minus target (or minus the path)');
  const atLeast = c.targetDirection === 'at-least' || c.targetDirection === 'increase';
  if (c.met !== (atLeast ? c.gap >= 0 : c.gap <= 0))
    x.errors.push(`target ${c.met ? 'met' : 'not met'} where the gap says otherwise`);
  if (x.plan) {
    // The verdict itself comes from the one evaluator, re-run here on the cells.
    const r = x.plan.results.find((res) => res.id === v.result);
    const i =
      r?.targets.findIndex(
        (t) =>
          t.period === (c.targetPeriod ?? v.period) &&
          t.value === c.target &&
          t.direction === c.targetDirection,
      ) ?? -1;
    if (!r || i < 0) x.errors.push('target is not one of the plan targets');
    else {
      const verdict = judgeTarget(x.plan, r, i, [...x.index.byKey.values()]);
      const met = verdict.status === 'met' || verdict.status === 'on-track';
      if (verdict.cell !== c.value.key || met !== c.met || verdict.path !== c.path)
        x.errors.push(`the verdict on the target is '${verdict.status}' on ${verdict.cell ?? '–'}`);
    }
  }
  if (!keepsOrder(c.unit, c.decimals, [[goal, c.value.value]], [c.gap]))
    x.errors.push('rounded numbers hide or flip the position against the target');
  return {
    tokens: (lang) => [
      lvl(c.value.value, c.unit, c.decimals, lang),
      ...(c.gap === 0 ? [] : [dif(c.gap, c.unit, c.decimals, lang)]),
      lvl(c.target, c.unit, c.decimals, lang),
    ],
    labelled: [],
    directions: [],
    ofWhichAllowed: false,
    ofWhichRequired: false,
    textChecks: [
      (ph, m) => {
        const notMet = ph.lexicon.notMet.test(m);
        if (c.met === notMet || (c.met && !ph.lexicon.met.test(m)))
          return 'met / not met wording does not match';
        const above = ph.lexicon.above.test(m);
        const below = ph.lexicon.below.test(m);
        if (
          (c.gap > 0 && (!above || below)) ||
          (c.gap < 0 && (!below || above)) ||
          (c.gap === 0 && (above || below))
        )
          return 'above / below wording does not match';
        return null;
      },
    ],
  };
}
