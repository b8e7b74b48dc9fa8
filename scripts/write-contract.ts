// Writes contract/datapackage.json and docs/data-contract.md from src/contract/tables.ts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { CONTRACT_TABLES, toDataPackage, toMarkdown } from '../src/contract/index.js';

mkdirSync('contract', { recursive: true });
mkdirSync('docs', { recursive: true });
writeFileSync(
  'contract/datapackage.json',
  JSON.stringify(toDataPackage(CONTRACT_TABLES), null, 2) + '\n',
);
writeFileSync('docs/data-contract.md', toMarkdown(CONTRACT_TABLES));
console.log('wrote contract/datapackage.json and docs/data-contract.md');
