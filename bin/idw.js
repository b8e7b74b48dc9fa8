#!/usr/bin/env node
// Entry point of the `idw` command. It runs the compiled JavaScript in dist/ (built during
// `npm ci` / `npm install` by the `prepare` script), so a command starts in a fraction of a second.
// When dist/ is missing, or a source file is newer than the build (a developer edited src/ or
// switched branches), it runs the TypeScript sources through tsx instead: what runs is always
// what the sources say.
import { existsSync, readdirSync, statSync } from 'node:fs';

// A closed pipe (`idw plan | head`) is a normal end, not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

const root = new URL('../', import.meta.url);
const stamp = new URL('dist/.build-stamp', root);

/** The newest modification time of a source file under `dir` (tests excluded). */
function newestSource(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = `${dir}/${e.name}`;
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (!e.name.endsWith('.test.ts') && !e.name.endsWith('.md'))
      newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

const built = existsSync(stamp);
const fresh =
  built &&
  process.env.IDW_FROM_SOURCE !== '1' &&
  statSync(stamp).mtimeMs >= newestSource(new URL('src', root).pathname);

let main;
if (fresh) ({ main } = await import('../dist/cli/main.js'));
else {
  if (!built)
    process.stderr.write(
      'idw: de gecompileerde versie (dist/) ontbreekt; de bronbestanden worden rechtstreeks uitgevoerd (trager). Maak ze met: npm run build\n' +
        'idw: the compiled version (dist/) is missing; running the sources directly (slower). Build it with: npm run build\n',
    );
  let tsx;
  try {
    tsx = await import('tsx/esm/api');
  } catch {
    process.stderr.write(
      'idw: geen gecompileerde versie en geen tsx; voer npm ci uit in de map van IDW Monitor.\n' +
        'idw: no compiled version and no tsx; run npm ci in the IDW Monitor folder.\n',
    );
    process.exit(1);
  }
  tsx.register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
