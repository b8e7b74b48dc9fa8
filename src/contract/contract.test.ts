import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTRACT_TABLES, toDataPackage, toMarkdown } from './index.js';

const root = new URL('../../', import.meta.url);

describe('data contract', () => {
  it('has the tables the plan needs', () => {
    expect(CONTRACT_TABLES.map((t) => t.name)).toEqual(
      expect.arrayContaining([
        'persons',
        'residence_status_spells',
        'registrations',
        'contacts',
        'actions',
        'employment_spells',
        'interpreter_sessions',
        'campaigns',
        'tool_usage',
        'partner_agreements',
        'staff_trainings',
        'language_coaching_hours',
        'manual_values',
      ]),
    );
  });

  it('keys and references name existing columns and tables', () => {
    for (const t of CONTRACT_TABLES) {
      const cols = new Set(t.fields.map((f) => f.name));
      for (const k of t.primaryKey) expect(cols, `${t.name}.${k}`).toContain(k);
      for (const fk of t.foreignKeys) {
        const target = CONTRACT_TABLES.find((x) => x.name === fk.reference.resource);
        expect(target, fk.reference.resource).toBeDefined();
        for (const c of fk.reference.fields) expect(target!.fields.map((f) => f.name)).toContain(c);
      }
    }
  });

  it('contract/datapackage.json says the same as the definitions', () => {
    const onDisk = JSON.parse(readFileSync(new URL('contract/datapackage.json', root), 'utf8'));
    expect(onDisk).toEqual(toDataPackage(CONTRACT_TABLES));
  });

  it('docs/data-contract.md says the same as contract/datapackage.json', () => {
    const md = readFileSync(new URL('docs/data-contract.md', root), 'utf8');
    const pkg = JSON.parse(readFileSync(new URL('contract/datapackage.json', root), 'utf8')) as {
      resources: {
        name: string;
        schema: {
          fields: {
            name: string;
            type: string;
            sensitivity: string;
            constraints: { required?: boolean; enum?: string[] };
          }[];
        };
      }[];
    };
    // Read the column tables back from the markdown and compare them with the JSON.
    for (const r of pkg.resources) {
      const section = md.split(`\n## ${r.name}\n`)[1]?.split('\n## ')[0];
      expect(section, `section for ${r.name}`).toBeDefined();
      const rows = section!
        .split('\n')
        .filter((l) => l.startsWith('| `'))
        .map((l) => l.split(' | ').map((s) => s.replace(/^\| /, '').trim()));
      expect(rows.map((x) => x[0])).toEqual(r.schema.fields.map((f) => `\`${f.name}\``));
      r.schema.fields.forEach((f, i) => {
        const row = rows[i]!;
        expect(row[1]).toBe(f.type);
        expect(row[2]).toBe(f.constraints.required ? 'yes' : 'no');
        expect(row[4]).toBe(f.sensitivity);
        for (const e of f.constraints.enum ?? []) expect(row[3]).toContain(`\`${e}\``);
      });
    }
    expect(md).toBe(toMarkdown(CONTRACT_TABLES));
  });
});
