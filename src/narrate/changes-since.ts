import { z } from 'zod';
import type { Plan, Result, Series } from '../plan/index.js';
import type { ProtectedCell } from '../protect/index.js';
import { defaultDecimals, isRateUnit } from '../shared/index.js';
import { CATALOGUES } from './draft.js';
import { headlineSelector } from './headline.js';
import { matches } from './select-cell.js';
import { amounts, type SinceReason } from './phrases.js';

/**
 * What an earlier report's `results.json` must hold to be compared with: only the fields read here,
 * others (added by later versions) are allowed, so an older or newer report still compares.
 */
export const PreviousReportSchema = z.object({
  asOf: z.string(),
  snapshot: z.string(),
  plan: z.object({ hash: z.string() }).loose(),
  cells: z.array(
    z
      .object({
        result: z.string(),
        indicator: z.string(),
        measure: z.string(),
        period: z.string(),
        variant: z.string().optional(),
        horizon: z.number().optional(),
        breakdown: z.record(z.string(), z.string()),
        value: z.number().nullable(),
        status: z.string(),
        disclosure: z.enum(['shown', 'suppressed']),
        provenance: z.string(),
        unit: z.string(),
      })
      .loose(),
  ),
  provenance: z.array(z.object({ id: z.string(), definitionHash: z.string() }).loose()),
});
export type PreviousReport = z.infer<typeof PreviousReportSchema>;

/** The current run, as far as the comparison needs it. */
export interface CurrentReport {
  readonly snapshot: string;
  readonly cells: readonly ProtectedCell[];
  readonly provenance: readonly { readonly id: string; readonly definitionHash: string }[];
}

/** One headline figure of an already reported period whose value is now different. */
export interface HeadlineChange {
  readonly result: string;
  readonly period: string;
  readonly before: number;
  readonly after: number;
  readonly unit: string;
  readonly reason: SinceReason;
  readonly text: { readonly nl: string; readonly en: string };
}

/**
 * Headline cells (the plan's `headline:` of every result and series, all periods) that the earlier
 * report showed and that now hold another value, with why: the cohort is now fully observed, the
 * indicator's definition changed, or the data for that period changed (a new snapshot or a later
 * cut-off date brought records in). Equal values are not listed.
 */
export function changesSince(
  plan: Plan,
  current: CurrentReport,
  previous: PreviousReport,
): HeadlineChange[] {
  const defOf = (list: CurrentReport['provenance'], id: string) =>
    list.find((p) => p.id === id)?.definitionHash;
  const out: HeadlineChange[] = [];
  const owners: (Result | Series)[] = [...plan.results, ...plan.series];
  for (const owner of owners) {
    const sel = headlineSelector(plan, owner, current.cells);
    const now = new Map(
      current.cells
        .filter((c) => c.result === owner.id && matches(sel, c))
        .map((c) => [c.period, c]),
    );
    for (const old of previous.cells) {
      if (old.result !== owner.id || old.disclosure !== 'shown' || old.value === null) continue;
      if (!matches(sel, old as unknown as ProtectedCell)) continue;
      const cur = now.get(old.period);
      if (!cur || cur.disclosure !== 'shown' || cur.value === null) continue;
      if (Math.abs(cur.value - old.value) <= 1e-9 * Math.max(1, Math.abs(old.value))) continue;
      const reason: SinceReason =
        old.status === 'censored' && cur.status === 'ok'
          ? 'now-complete'
          : defOf(previous.provenance, old.provenance) !== defOf(current.provenance, cur.provenance)
            ? 'definition'
            : 'new-data';
      const text = (lang: 'nl' | 'en') => {
        const p = CATALOGUES[lang];
        const decimals = isRateUnit(cur.unit) ? 1 : defaultDecimals(cur.unit);
        return p.since(
          {
            label: owner.short[lang],
            period: old.period,
            before: old.value!,
            after: cur.value!,
            reason,
          },
          amounts(p, cur.unit, decimals),
        );
      };
      out.push({
        result: owner.id,
        period: old.period,
        before: old.value,
        after: cur.value,
        unit: cur.unit,
        reason,
        text: { nl: text('nl'), en: text('en') },
      });
    }
  }
  return out;
}
