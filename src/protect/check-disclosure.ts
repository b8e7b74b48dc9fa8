import type { Problem } from '../shared/index.js';
import type { Thresholds } from './access.js';
import { propagate } from './bounds.js';
import type { DataRowCell } from './data-rows.js';
import { findExposures, type Exposure } from './exposure.js';
import { protectMessages as m } from './messages.js';
import { buildModel } from './model.js';
import { primaryReason } from './primary.js';
import type { PublishedOutput } from './read-output.js';
import { releaseKey } from './release-key.js';

/** What check-disclosure found over a set of published outputs. */
export interface DisclosureReport {
  readonly ok: boolean;
  readonly outputs: readonly string[];
  readonly cells: number;
  readonly suppressed: number;
  readonly exposures: readonly Exposure[];
  /** Suppressed cells whose relations contradict the published numbers (not judged). */
  readonly infeasible: readonly string[];
  readonly problems: readonly Problem[];
}

const NUMBERS = ['value', 'numerator', 'denominator', 'n', 'ci_low', 'ci_high'] as const;

/**
 * Checks published outputs together, as an attacker holding all of them would: no personal data,
 * no steward output, no numbers in suppressed cells, no small count shown, the same cell identical
 * everywhere, and no suppressed cell pinned or recomputable from the bounds the published numbers
 * put on it (see docs/privacy.md for the exact rule).
 */
export function checkDisclosure(
  outputs: readonly PublishedOutput[],
  th: Thresholds,
): DisclosureReport {
  const problems: Problem[] = [];
  const add = (
    code: keyof typeof m,
    file: string,
    msg: { nl: string; en: string },
    path?: string,
  ) => problems.push({ code, location: { file, ...(path ? { path } : {}) }, ...msg });
  const merged = new Map<string, { cell: DataRowCell; file: string }>();
  for (const o of outputs) {
    // One key per number across releases: a cut-short period or a number that can still change
    // is a different number in each release, a final one the same everywhere.
    const keyOf = (c: DataRowCell) => releaseKey(c, o.asOf);
    if (o.audience === 'steward')
      add('PROTECT_STEWARD_NOT_PUBLISHABLE', o.file, m.PROTECT_STEWARD_NOT_PUBLISHABLE());
    for (const where of o.personal)
      add(
        /person-level|column/.test(where) ? 'PROTECT_PERSON_ROWS' : 'PROTECT_PSEUDONYM',
        o.file,
        (/person-level|column/.test(where) ? m.PROTECT_PERSON_ROWS : m.PROTECT_PSEUDONYM)(where),
      );
    for (const c of o.cells) {
      const key = keyOf(c);
      if (c.disclosure === 'suppressed' && NUMBERS.some((k) => typeof c[k] === 'number'))
        add('PROTECT_NUMBERS_IN_SUPPRESSED', o.file, m.PROTECT_NUMBERS_IN_SUPPRESSED(key), key);
      if (c.disclosure === 'shown') {
        const r = primaryReason(c, th);
        if (r && r !== 'not-observable') {
          const q = (['numerator', 'denominator', 'n', 'value'] as const).find(
            (k) => typeof c[k] === 'number',
          )!;
          add('PROTECT_PRIMARY_SHOWN', o.file, m.PROTECT_PRIMARY_SHOWN(key, q, String(c[q])), key);
        }
      }
      const prev = merged.get(key);
      if (!prev) merged.set(key, { cell: c, file: o.file });
      else if (
        prev.cell.disclosure !== c.disclosure ||
        NUMBERS.some((k) => (prev.cell[k] ?? null) !== (c[k] ?? null))
      ) {
        add('PROTECT_INCONSISTENT', o.file, m.PROTECT_INCONSISTENT(key), key);
        // The attacker keeps whatever was shown anywhere.
        if (c.disclosure === 'shown') merged.set(key, { cell: c, file: o.file });
      }
    }
  }
  const cells = [...merged.entries()].map(([key, { cell }]) => ({ ...cell, key }));
  const model = buildModel(cells);
  const b = propagate(model, (v) => model.vars[v]!.hidden || model.vars[v]!.value === null);
  const suppressed = cells.filter(
    (c) => c.disclosure === 'suppressed' && c.reason !== 'not-observable' && c.symbol !== '.',
  );
  const exposures = findExposures(
    model,
    b,
    suppressed.map((c) => c.key),
    th,
  );
  for (const e of exposures) {
    const file = merged.get(e.cell)!.file;
    if (e.kind === 'pinned')
      add(
        'PROTECT_PINNED',
        file,
        m.PROTECT_PINNED(e.cell, e.quantity, String(e.lo), String(e.hi)),
        e.cell,
      );
    else add('PROTECT_RECOMPUTABLE', file, m.PROTECT_RECOMPUTABLE(e.cell), e.cell);
  }
  return {
    ok: problems.length === 0,
    outputs: outputs.map((o) => o.file),
    cells: cells.length,
    suppressed: suppressed.length,
    exposures,
    infeasible: [...new Set([...b.infeasible].map((v) => model.vars[v]!.cell))]
      .filter((k) => !k.startsWith('~'))
      .sort(),
    problems,
  };
}
