import { ESLint } from 'eslint';
import { readdirSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../', import.meta.url).pathname;
const eslint = new ESLint({ cwd: root });

async function lint(file: string, code: string): Promise<string[]> {
  const [res] = await eslint.lintText(code, { filePath: `${root}${file}` });
  return res!.messages.map((m) => m.ruleId ?? m.message);
}

describe('architecture', () => {
  it('forbids an earlier stage importing a later one', async () => {
    expect(
      await lint(
        'src/contract/x.ts',
        "import { loadPlan } from '../plan/index.js';\nexport const y = loadPlan;\n",
      ),
    ).toContain('no-restricted-imports');
    expect(
      await lint(
        'src/compute/x.ts',
        "import { a } from '../report/index.js';\nexport const y = a;\n",
      ),
    ).toContain('no-restricted-imports');
  });

  it("forbids reaching into another stage's internals", async () => {
    expect(
      await lint(
        'src/compute/x.ts',
        "import { a } from '../plan/load-plan.js';\nexport const y = a;\n",
      ),
    ).toContain('no-restricted-imports');
  });

  it('allows a later stage to use an earlier one through its index', async () => {
    expect(
      await lint(
        'src/compute/x.ts',
        "import { loadPlan } from '../plan/index.js';\nexport const y = loadPlan;\n",
      ),
    ).toEqual([]);
  });

  it('gives every stage folder an index.ts and a README', () => {
    for (const d of readdirSync(`${root}src`, { withFileTypes: true }).filter((e) =>
      e.isDirectory(),
    )) {
      expect(
        existsSync(`${root}src/${d.name}/index.ts`) || d.name === 'cli',
        `src/${d.name}/index.ts`,
      ).toBe(true);
      expect(existsSync(`${root}src/${d.name}/README.md`), `src/${d.name}/README.md`).toBe(true);
    }
  });
});
