import { readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { resultCellJsonSchema } from './json-schema.js';

const file = new URL('../../docs/result-cell.schema.json', import.meta.url);

describe('docs/result-cell.schema.json', () => {
  it('is the JSON Schema generated from the zod ResultCell schema', async () => {
    const options = (await resolveConfig(file.pathname)) ?? {};
    const text = await format(JSON.stringify(resultCellJsonSchema()), {
      ...options,
      parser: 'json',
    });
    if (process.env.UPDATE_GOLDEN === '1' && !process.env.CI) writeFileSync(file, text);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});
