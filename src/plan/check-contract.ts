import { getTable, type Field } from '../contract/index.js';
import { parseIsoDate, type Location, type Problem } from '../shared/index.js';

const isIsoDate = (s: string) => parseIsoDate(s) !== undefined;
import { planMessages as m } from './messages.js';
import type { Condition, Dimension, Plan } from './schema.js';

type Path = readonly (string | number)[];

/** Names a plan gives dimensions and populations: they become SQL aliases, so nothing else. */
export const NAME = /^[a-z][a-z0-9_]{0,62}$/;
/** Age-band codes: `<25`, `25-34`, `50+`. */
const AGE_CODE = /^(<\d{1,3}|\d{1,3}-\d{1,3}|\d{1,3}\+)$/;

/**
 * A plan is data, never code: every name it uses is checked against the data contract and its
 * code lists here, at load time. The SQL writer then only ever sees contract identifiers and
 * bound values. Returns every problem found.
 */
export function checkContract(plan: Plan, where: (p: Path) => Location): Problem[] {
  const problems: Problem[] = [];
  const add = (code: keyof typeof m, path: Path, msg: { nl: string; en: string }) =>
    problems.push({ code, location: where(path), ...msg });

  const { from, to } = plan.plan.period;
  if (!isIsoDate(from) || !isIsoDate(to) || from > to)
    add('PLAN_BAD_PLAN_PERIOD', ['plan', 'period'], m.PLAN_BAD_PLAN_PERIOD(from, to));

  for (const key of ['dimensions', 'populations'] as const)
    for (const name of Object.keys(plan[key]))
      if (!NAME.test(name))
        add('PLAN_BAD_DIMENSION_NAME', [key, name], m.PLAN_BAD_DIMENSION_NAME(name));

  for (const [name, d] of Object.entries(plan.dimensions)) checkDimension(name, d, add);

  const codesOf = (dim: string): readonly string[] | undefined => {
    const d = plan.dimensions[dim];
    if (!d) return undefined; // unknown dimensions are reported by the schema
    if (d.age_bands) return [...d.age_bands.map((b) => b.code), 'unknown'];
    const f = fieldOf(d.column);
    if (!f) return undefined;
    if (f.type === 'boolean') return ['true', 'false', 'unknown'];
    return f.constraints.enum ? [...f.constraints.enum, 'unknown'] : undefined;
  };
  const conditions = (cs: readonly Condition[], path: Path): void =>
    cs.forEach((c, i) => checkCondition(c, [...path, i], codesOf, add, conditions));

  for (const [name, p] of Object.entries(plan.populations))
    conditions(p.where, ['populations', name, 'where']);

  const results = new Set(plan.results.map((r) => r.id));
  plan.indicators.forEach((ind, i) => {
    const at = ['indicators', i] as const;
    conditions(ind.where, [...at, 'where']);
    if (ind.kind === 'share') conditions(ind.numerator, [...at, 'numerator']);
    if (ind.kind === 'manual' && !results.has(ind.result_id))
      add(
        'PLAN_UNKNOWN_MANUAL_RESULT',
        [...at, 'result_id'],
        m.PLAN_UNKNOWN_MANUAL_RESULT(ind.id, ind.result_id),
      );
    const table = 'table' in ind ? ind.table : undefined;
    if (!table || !getTable(table)) return; // `of: stock`/`inflow`, or refused by the schema
    if ('date' in ind && ind.date !== undefined) {
      const f = getTable(table)!.fields.find((x) => x.name === ind.date);
      if (!f) add('PLAN_UNKNOWN_COLUMN', [...at, 'date'], m.PLAN_UNKNOWN_COLUMN(table, ind.date));
      else if (f.type !== 'date')
        add(
          'PLAN_DATE_NOT_DATE',
          [...at, 'date'],
          m.PLAN_DATE_NOT_DATE(`${table}.${f.name}`, f.type),
        );
    }
    if (ind.kind === 'sum') {
      const f = getTable(table)!.fields.find((x) => x.name === ind.measure);
      if (!f)
        add('PLAN_UNKNOWN_COLUMN', [...at, 'measure'], m.PLAN_UNKNOWN_COLUMN(table, ind.measure));
      else if ((f.type !== 'integer' && f.type !== 'number') || f.sensitivity !== 'ordinary')
        add(
          'PLAN_MEASURE_NOT_NUMBER',
          [...at, 'measure'],
          m.PLAN_MEASURE_NOT_NUMBER(`${table}.${f.name}`, f.type),
        );
    }
  });
  return problems;
}

type Add = (code: keyof typeof m, path: Path, msg: { nl: string; en: string }) => void;

function fieldOf(ref: string): Field | undefined {
  const [t = '', c = ''] = ref.split('.');
  return getTable(t)?.fields.find((f) => f.name === c);
}

/** A breakdown is a coded column the contract marks as one, or age bands; never an identifier. */
function checkDimension(name: string, d: Dimension, add: Add): void {
  const f = fieldOf(d.column);
  if (!f) return; // refused by the schema
  const at = ['dimensions', name, 'column'];
  if (f.sensitivity === 'identifying')
    add('PLAN_DIMENSION_NOT_ALLOWED', at, m.PLAN_DIMENSION_NOT_ALLOWED(d.column, 'identifying'));
  else if (!f.dimension && !(d.age_bands && d.column === 'persons.birth_year'))
    add('PLAN_DIMENSION_NOT_ALLOWED', at, m.PLAN_DIMENSION_NOT_ALLOWED(d.column, 'free'));
  if (!d.age_bands) return;
  const bands = d.age_bands.map((b, i) => ({
    ...b,
    i,
    lo: b.from ?? -Infinity,
    hi: b.to ?? Infinity,
  }));
  const codes = new Set<string>();
  for (const b of bands) {
    if (!AGE_CODE.test(b.code) || b.lo > b.hi || codes.has(b.code))
      add('PLAN_BAD_AGE_BAND', ['dimensions', name, 'age_bands', b.i], m.PLAN_BAD_AGE_BAND(b.code));
    codes.add(b.code);
  }
  const sorted = [...bands].sort((a, b) => a.lo - b.lo);
  for (let k = 1; k < sorted.length; k++) {
    const [a, b] = [sorted[k - 1]!, sorted[k]!];
    if (b.lo <= a.hi)
      add(
        'PLAN_AGE_BANDS_OVERLAP',
        ['dimensions', name, 'age_bands', b.i],
        m.PLAN_AGE_BANDS_OVERLAP(a.code, b.code),
      );
  }
}

/** Codes come from the code lists, values fit the column's type, identifiers are never selected on. */
function checkCondition(
  c: Condition,
  path: Path,
  codesOf: (dim: string) => readonly string[] | undefined,
  add: Add,
  nested: (cs: readonly Condition[], path: Path) => void,
): void {
  if ('any' in c) return nested(c.any, [...path, 'any']);
  if ('all' in c) return nested(c.all, [...path, 'all']);
  if ('dimension' in c) {
    const allowed = codesOf(c.dimension);
    if (allowed)
      c.in.forEach((v, j) => {
        if (!allowed.includes(v))
          add(
            'PLAN_UNKNOWN_CODE',
            [...path, 'in', j],
            m.PLAN_UNKNOWN_CODE(c.dimension, v, allowed.join(', ')),
          );
      });
    return;
  }
  const f = fieldOf(c.column);
  if (!f) return; // refused by the schema
  if (f.sensitivity === 'identifying') {
    add('PLAN_IDENTIFYING_CONDITION', [...path, 'column'], m.PLAN_IDENTIFYING_CONDITION(c.column));
    return;
  }
  const values: [unknown, Path][] =
    c.equals !== undefined
      ? [[c.equals, [...path, 'equals']]]
      : (c.in ?? []).map((v, j) => [v, [...path, 'in', j]]);
  for (const [v, p] of values) {
    const fits =
      f.type === 'boolean'
        ? typeof v === 'boolean'
        : f.type === 'integer' || f.type === 'number'
          ? typeof v === 'number' &&
            Number.isFinite(v) &&
            (f.type === 'number' || Number.isInteger(v))
          : f.type === 'date'
            ? typeof v === 'string' && isIsoDate(v)
            : typeof v === 'string';
    if (!fits) add('PLAN_BAD_VALUE_TYPE', p, m.PLAN_BAD_VALUE_TYPE(c.column, f.type));
    else if (f.constraints.enum && !f.constraints.enum.includes(String(v)))
      add(
        'PLAN_UNKNOWN_CODE',
        p,
        m.PLAN_UNKNOWN_CODE(c.column, String(v), f.constraints.enum.join(', ')),
      );
  }
}
