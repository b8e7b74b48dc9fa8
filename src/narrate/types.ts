/** A finding: one sentence per language plus the structured claim it states, so it can be re-checked. */
export interface Finding {
  readonly id: string;
  /** Result or series id (`SD1.B`, `NODW-IBOT`). */
  readonly result: string;
  readonly type:
    'level' | 'change' | 'decomposition' | 'extremes' | 'cohort-comparison' | 'target' | 'note';
  readonly text: { readonly nl: string; readonly en: string };
  /** Keys (`cellKey`) of the cells the claim reads. */
  readonly cells: readonly string[];
  /** The operation and numbers stated, e.g. `{ op: 'change', from: 9833, to: 7273, delta: -2560 }`. */
  readonly claim: Readonly<Record<string, unknown>>;
  /** Subject put in front of both sentences (`Uren NODW en IBO-T: …`): the indicator's title. */
  readonly subject?: { readonly nl: string; readonly en: string };
}
