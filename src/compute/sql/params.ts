import type { SqlValue } from '../../store/index.js';

/** Collects `$n` parameters while SQL text is written: values never enter the text. */
export class Params {
  readonly values: SqlValue[] = [];
  add(v: SqlValue): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}
