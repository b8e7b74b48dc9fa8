import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { z } from 'zod';
import { IdwError, type Location, type Problem } from '../shared/index.js';
import { asText, planMessages as m, shown } from './messages.js';
import { INDICATOR_KINDS, PlanSchema, STRATEGIC_ID, TACTICAL_ID, type Plan } from './schema.js';
import { checkContract } from './check-contract.js';
import { checkPlan } from './check-plan.js';

type Path = readonly (string | number)[];

/** A loaded, valid plan with its file name and content hash. */
export interface LoadedPlan {
  readonly file: string;
  readonly plan: Plan;
  /** SHA-256 of the file's text: the plan version every result refers to. */
  readonly text: string;
}

/** Locates a path of the YAML document in the file (1-based line and column). */
export function locator(file: string, doc: Document, lc: LineCounter) {
  return (path: Path): Location => {
    for (let p = [...path]; ; p = p.slice(0, -1)) {
      const node = p.length ? doc.getIn(p, true) : doc.contents;
      if (isNode(node) && node.range) {
        const pos = lc.linePos(node.range[0]);
        return { file, line: pos.line, column: pos.col, path: path.join('.') };
      }
      if (!p.length) return { file, path: path.join('.') };
    }
  };
}

/** Parses and validates plan text; throws an `IdwError` listing every problem, each with a location. */
export function parsePlan(text: string, file: string): Plan {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const where = locator(file, doc, lc);
  const problems: Problem[] = [];
  for (const e of doc.errors) {
    const pos = lc.linePos(e.pos[0]);
    problems.push({
      code: 'PLAN_YAML_SYNTAX',
      location: { file, line: pos.line, column: pos.col },
      ...m.PLAN_YAML_SYNTAX(e.message.split('\n')[0] ?? ''),
    });
  }
  if (problems.length) throw new IdwError(problems);

  let raw: unknown;
  try {
    // A few aliases are fine; a billion-laughs document expands each one exponentially.
    raw = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch {
    const alias = firstAlias(text);
    const pos = alias === undefined ? undefined : lc.linePos(alias);
    throw IdwError.single('PLAN_YAML_ALIASES', m.PLAN_YAML_ALIASES(), {
      file,
      ...(pos ? { line: pos.line, column: pos.col } : {}),
    });
  }
  return validatePlan(raw, where);
}

/**
 * Validates a plan as read by the YAML parser (any value): the schema, the cross-references and
 * the data contract. Throws an `IdwError` listing every problem, each located by `where`.
 */
export function validatePlan(raw: unknown, where: (p: Path) => Location): Plan {
  const problems: Problem[] = [];
  const parsed = PlanSchema.safeParse(raw);
  if (!parsed.success) {
    // A malformed target period is reported by `checkTargets` with its own code, not twice.
    const issues = parsed.error.issues.filter(
      (i) =>
        !(
          i.code === 'invalid_format' &&
          i.path.includes('targets') &&
          i.path[i.path.length - 1] === 'period'
        ),
    );
    problems.push(...zodProblems(issues, raw, where));
    // Also run the cross-reference checks on whatever could be read, so all problems come at once.
    problems.push(...checkPlan(loosePlan(raw), where));
    throw new IdwError(dedupe(problems));
  }
  problems.push(...checkPlan(parsed.data, where), ...checkContract(parsed.data, where));
  if (problems.length) throw new IdwError(problems);
  return parsed.data;
}

export async function loadPlan(file: string): Promise<LoadedPlan> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw IdwError.single('PLAN_FILE_UNREADABLE', m.PLAN_FILE_UNREADABLE(file), { file });
  }
  return { file, plan: parsePlan(text, file), text };
}

function zodProblems(
  issues: readonly z.core.$ZodIssue[],
  raw: unknown,
  where: (p: Path) => Location,
): Problem[] {
  return issues.map((i) => {
    const path = i.path as Path;
    const last = path[path.length - 1];
    if (last === 'kind' && (i.code === 'invalid_value' || i.code === 'invalid_union')) {
      const kind = asText(getAt(raw, path));
      return {
        code: 'PLAN_BAD_INDICATOR_KIND',
        location: where(path),
        ...m.PLAN_BAD_INDICATOR_KIND(kind, INDICATOR_KINDS.join(', ')),
      };
    }
    if (last === 'objective' && i.code === 'invalid_type' && getAt(raw, path) === undefined) {
      const id = asText(getAt(raw, [...path.slice(0, -1), 'id']));
      return {
        code: 'PLAN_RESULT_WITHOUT_OBJECTIVE',
        location: where(path),
        ...m.PLAN_RESULT_WITHOUT_OBJECTIVE(id),
      };
    }
    return {
      code: 'PLAN_SCHEMA',
      location: where(path),
      // zod quotes keys and values of the plan: escaped and cut short like every echoed value.
      ...m.PLAN_SCHEMA(shown(`${path.join('.') || '(root)'}: ${i.message}`, 300)),
    };
  });
}

/** Most alias expansions a plan may cause (the `yaml` package counts them per document). */
const MAX_ALIASES = 50;

/** Offset of the first alias (`*name`) in the text, for the message's line and column. */
function firstAlias(text: string): number | undefined {
  const i = text.search(/(^|[\s,[{])\*[^\s,\]}]/m);
  return i < 0 ? undefined : i + (text[i] === '*' ? 0 : 1);
}

function getAt(v: unknown, path: Path): unknown {
  return path.reduce<unknown>(
    (acc, k) => (acc && typeof acc === 'object' ? (acc as Record<string, unknown>)[k] : undefined),
    v,
  );
}

/** The parts of an invalid plan that cross-reference checks can still use. */
function loosePlan(raw: unknown): Plan {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const arr = (k: string) =>
    Array.isArray(r[k])
      ? (r[k] as Record<string, unknown>[]).filter((x) => x && typeof x === 'object')
      : [];
  return {
    objectives: arr('objectives'),
    results: arr('results').map((x) => ({ indicators: [], ...x })),
    series: arr('series').map((x) => ({ indicators: [], ...x })),
    indicators: arr('indicators'),
  } as unknown as Plan;
}

function dedupe(ps: Problem[]): Problem[] {
  const seen = new Set<string>();
  return ps.filter((p) => {
    const k = `${p.code}|${p.location.line}|${p.location.path}|${p.en}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export { STRATEGIC_ID, TACTICAL_ID };
