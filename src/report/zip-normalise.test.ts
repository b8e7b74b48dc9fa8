import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseOfficeZip, readZip, writeZip } from './zip-normalise.js';

const entries = [
  { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
  {
    name: 'docProps/core.xml',
    data: Buffer.from(
      '<cp><dcterms:created xsi:type="W3CDTF">2026-11-27T05:00:00Z</dcterms:created></cp>',
    ),
  },
  { name: 'big.bin', data: Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 7)) },
];

describe('zip normaliser', () => {
  it('writes archives that unzip reads back byte for byte', () => {
    const dir = mkdtempSync(join(tmpdir(), 'idw-zip-'));
    writeFileSync(join(dir, 'a.zip'), writeZip(entries));
    expect(execFileSync('unzip', ['-t', join(dir, 'a.zip')]).toString()).toContain(
      'No errors detected',
    );
    expect(execFileSync('unzip', ['-p', join(dir, 'a.zip'), 'big.bin'])).toEqual(entries[2]!.data);
    expect(readZip(writeZip(entries))).toEqual(entries);
  });

  it('sets Office creation dates to the cut-off date and is idempotent', () => {
    const once = normaliseOfficeZip(writeZip(entries), '2018-03-31');
    const core = readZip(once)
      .find((e) => e.name === 'docProps/core.xml')!
      .data.toString();
    expect(core).toContain('>2018-03-31T00:00:00Z<');
    expect(normaliseOfficeZip(once, '2018-03-31')).toEqual(once);
  });
});
