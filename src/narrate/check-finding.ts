import { cellKey } from '../compute/index.js';
import type { Plan } from '../plan/index.js';
import type { ProtectedCell } from '../protect/index.js';
import { defaultDecimals, formatPeriod, type Lang, type Problem } from '../shared/index.js';
import { ClaimSchema, type Claim, type Direction } from './claims.js';
import { CATALOGUES } from './draft.js';
import { narrateMessages } from './messages.js';
import { isUsable, noteReason } from './numbers.js';
import type { Phrases } from './phrases.js';
import { defaultRules, type Rules } from './rules.js';
import { seriesKey } from './series.js';
import { clauses, mask, numberTokens, tokenDiff } from './text-tokens.js';
import type { Finding } from './types.js';
import { expectations, type Expect } from './check-claims.js';

/** Cells looked up by key and by series and period; build once with `indexCells` to check many findings. */
export interface CellIndex {
  readonly byKey: ReadonlyMap<string, ProtectedCell>;
  readonly bySeriesPeriod: ReadonlyMap<string, readonly ProtectedCell[]>;
}

export function indexCells(cells: readonly ProtectedCell[]): CellIndex {
  const byKey = new Map<string, ProtectedCell>();
  const bySeriesPeriod = new Map<string, ProtectedCell[]>();
  for (const c of cells) {
    byKey.set(cellKey(c), c);
    const k = `${seriesKey(c)}@${c.period}`;
    const list = bySeriesPeriod.get(k);
    if (list) list.push(c);
    else bySeriesPeriod.set(k, [c]);
  }
  return { byKey, bySeriesPeriod };
}

export interface CheckOptions {
  readonly rules?: Rules;
  /** The cells indexed (`indexCells(cells)`), when checking many findings against the same cells. */
  readonly index?: CellIndex;
  /** When given, a target claim must name one of the plan's targets for the result. */
  readonly plan?: Plan;
}

/**
 * Re-derives a finding from the cells and returns every mismatch (empty when the finding holds):
 * the cells exist and may be used, the claim's numbers and directions follow from the cells, and the
 * sentences in both languages state exactly those numbers (parsed back out of the text), with the
 * right direction words, percentage points for rates, and "of which" only for parts within the whole.
 */
export function checkFinding(
  f: Finding,
  cells: readonly ProtectedCell[],
  opts: CheckOptions = {},
): Problem[] {
  const rules = opts.rules ?? defaultRules();
  const errors: string[] = [];
  const index = opts.index ?? indexCells(cells);
  const byKey = index.byKey;
  const used = f.cells.map((k) => byKey.get(k));
  if (used.some((c) => c === undefined)) errors.push('refers to a cell that is not in the results');
  const parsed = ClaimSchema.safeParse(f.claim);
  if (!parsed.success) errors.push(`malformed claim: ${parsed.error.issues[0]?.message ?? ''}`);
  if (errors.length === 0 && parsed.success) {
    const claim = parsed.data;
    const own = used as ProtectedCell[];
    const ctx = {
      claim,
      cells: own,
      index,
      rules,
      plan: opts.plan,
      errors,
      finding: f,
    };
    checkUse(ctx);
    const exp = errors.length === 0 ? expectations(ctx) : null;
    if (exp && errors.length === 0)
      for (const lang of ['nl', 'en'] as const) checkText(f, lang, own, exp, errors);
  }
  return errors.map((e) => ({
    code: 'NARRATE_CHECK_FAILED',
    location: { path: f.id },
    ...narrateMessages.NARRATE_CHECK_FAILED(f.id, e),
  }));
}

export interface CheckCtx {
  readonly claim: Claim;
  readonly cells: readonly ProtectedCell[];
  readonly index: CellIndex;
  readonly rules: Rules;
  readonly plan: Plan | undefined;
  readonly errors: string[];
  readonly finding: Finding;
}

const TYPE_OF: Record<string, (c: Claim) => boolean> = {
  level: (c) => c.op === 'level',
  change: (c) => c.op === 'change' && c.across === 'period',
  'cohort-comparison': (c) => c.op === 'change' && c.across === 'cohort',
  decomposition: (c) => c.op === 'decomposition',
  extremes: (c) => c.op === 'extremes',
  target: (c) => c.op === 'target',
  note: (c) => c.op === 'note',
};

/** Type matches the claim; only usable cells are compared; a note is only about unusable cells. */
function checkUse(x: CheckCtx): void {
  const { claim, cells, errors, finding } = x;
  if (!TYPE_OF[finding.type]?.(claim))
    errors.push(`type ${finding.type} does not match claim ${claim.op}`);
  if (cells.length === 0) errors.push('reads no cells');
  if (claim.op === 'note') {
    if (cells.some((c) => noteReason(c) !== claim.reason))
      errors.push(`not every cell is ${claim.reason}`);
    const periods = [...new Set(cells.map((c) => c.period))].sort();
    if (periods.join() !== [...claim.periods].sort().join())
      errors.push('note periods do not match its cells');
    if (claim.groups !== cells.some((c) => Object.keys(c.breakdown).length > 0))
      errors.push('note groups flag wrong');
    return;
  }
  const bad = cells.filter((c) => !isUsable(c));
  if (bad.length > 0)
    errors.push(
      `compares a censored, suppressed, incomplete or undefined value (${bad.map(cellKey).join('; ')})`,
    );
  if (new Set(cells.map(seriesKey)).size !== 1) errors.push('mixes cells of different series');
  if (
    claim.decimals < defaultDecimals(claim.unit) ||
    claim.decimals > defaultDecimals(claim.unit) + 4
  )
    errors.push('decimals differ from the tables');
  if (cells.some((c) => c.unit !== claim.unit)) errors.push('unit does not match the cells');
}

/** Direction words for a direction in one language. */
function dirWord(p: Phrases, d: Direction): RegExp {
  return p.lexicon[d];
}

function checkText(
  f: Finding,
  lang: Lang,
  cells: readonly ProtectedCell[],
  exp: Expect,
  errors: string[],
): void {
  const p = CATALOGUES[lang];
  let text = f.text[lang];
  if (f.subject) {
    const prefix = p.withSubject(f.subject[lang], '');
    if (!text.startsWith(prefix)) errors.push(`${lang}: sentence does not start with its subject`);
    else text = text.slice(prefix.length);
  }
  const labels = [
    ...new Set(
      cells.flatMap((c) => Object.entries(c.breakdown).map(([d, code]) => p.group(d, code))),
    ),
  ];
  const words = [
    ...cells.flatMap((c) =>
      [c.period, c.cohort ?? ''].filter(Boolean).map((x) => formatPeriod(x, p.lang)),
    ),
    ...cells.filter((c) => c.horizon !== undefined).map((c) => p.horizon(c.horizon!)),
    // A path verdict names the target's own period too (`… in 2022: op koers`).
    ...(f.claim.op === 'target' && typeof f.claim.targetPeriod === 'string'
      ? [formatPeriod(f.claim.targetPeriod, p.lang)]
      : []),
  ];
  // Group labels become digit-free placeholders, so their digits are not read as numbers.
  const holder = new Map(
    labels.map((l, i) => [
      l,
      `⟦${String.fromCharCode(65 + (i % 26))}${'·'.repeat(Math.floor(i / 26))}⟧`,
    ]),
  );
  const masked = mask(
    mask(text, words, () => '§'),
    labels,
    (l) => holder.get(l)!,
  );
  const expected = exp.tokens(lang);
  const actual = numberTokens(masked, lang);
  const { missing, extra } = tokenDiff(expected, actual);
  if (missing.length) errors.push(`${lang}: text lacks ${missing.join(', ')}`);
  if (extra.length)
    errors.push(`${lang}: text states ${extra.join(', ')} which the cells do not give`);
  if (!missing.length && !extra.length && expected.join() !== actual.join())
    errors.push(`${lang}: numbers in another order than the claim (from/to or groups swapped)`);
  for (const l of exp.labelled) {
    const at = masked.indexOf(holder.get(l.label(p)) ?? '\u0000');
    const next = at < 0 ? undefined : numberTokens(masked.slice(at), lang)[0];
    if (next !== l.token(lang))
      errors.push(`${lang}: ${l.label(p)} is not followed by its own number ${l.token(lang)}`);
  }
  if (p.lexicon.perCent.test(masked))
    errors.push(`${lang}: "per cent" where only % or percentage points may stand`);
  const cl = clauses(masked, lang);
  const has = (re: RegExp): boolean => re.test(masked);
  // A stated direction: its words are present and no clause claims another direction for the same item.
  for (const item of exp.directions) {
    const label = item.label ? item.label(p) : null;
    const tag = label === null ? null : (holder.get(label) ?? label);
    const own = tag === null ? cl : cl.filter((c) => c.includes(tag));
    const others = (['increase', 'decrease', 'stable'] as const).filter(
      (d) => d !== item.direction,
    );
    if (own.some((c) => others.some((d) => dirWord(p, d).test(c))))
      errors.push(
        `${lang}: direction word contradicts ${item.direction}${label ? ` for ${label}` : ''}`,
      );
    if (item.required && !own.some((c) => dirWord(p, item.direction).test(c)))
      errors.push(`${lang}: no word for ${item.direction}${label ? ` for ${label}` : ''}`);
  }
  if (has(p.lexicon.ofWhich) && !exp.ofWhichAllowed)
    errors.push(`${lang}: "of which" with a part not within the whole`);
  if (exp.ofWhichRequired && !has(p.lexicon.ofWhich))
    errors.push(`${lang}: connector "of which" missing`);
  for (const e of exp.textChecks) {
    const msg = e(p, masked, text);
    if (msg) errors.push(`${lang}: ${msg}`);
  }
}
