import { describe, expect, it } from 'vitest';
import { CODE_LABELS, codeListOf } from './code-labels.js';
import * as codes from './codes.js';
import { CONTRACT_TABLES } from './tables.js';

describe('code labels', () => {
  it('give every code of every code list a Dutch and an English label', () => {
    for (const [list, values] of Object.entries(codes)) {
      const labels = (CODE_LABELS as Record<string, Record<string, { nl: string; en: string }>>)[
        list
      ];
      expect(labels, list).toBeDefined();
      expect(Object.keys(labels!).sort(), list).toEqual([...values].sort());
      for (const c of values) {
        expect(labels![c]!.nl.trim(), `${list}.${c} nl`).not.toBe('');
        expect(labels![c]!.en.trim(), `${list}.${c} en`).not.toBe('');
      }
    }
  });

  it('reach every dimension column of the contract with a closed list through its code list', () => {
    const dims = CONTRACT_TABLES.flatMap((t) =>
      t.fields.filter((f) => f.dimension).map((f) => ({ col: `${t.name}.${f.name}`, f })),
    );
    expect(dims.length).toBeGreaterThan(10);
    for (const { col, f } of dims.filter((d) => d.f.constraints.enum))
      expect(codeListOf(f.constraints.enum!), col).toBeDefined();
  });
});
