// Compiles src/ into dist/ so that `idw` starts without compiling TypeScript on every run.
// Runs on `npm ci` / `npm install` (the `prepare` script) and by hand with `npm run build`.
// Files other than TypeScript (e.g. src/narrate/rules.yaml) are copied beside the compiled code.
// Last, it writes dist/.build-stamp: bin/idw.js runs dist/ only when no source is newer than it.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const dist = join(root, 'dist');

rmSync(dist, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
});

function copyAssets(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const from = join(dir, e.name);
    if (e.isDirectory()) copyAssets(from);
    else if (!/\.(ts|md)$/.test(e.name)) {
      const to = join(dist, relative(src, from));
      mkdirSync(dirname(to), { recursive: true });
      copyFileSync(from, to);
    }
  }
}
copyAssets(src);
writeFileSync(join(dist, '.build-stamp'), new Date().toISOString() + '\n');
