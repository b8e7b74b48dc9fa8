#!/usr/bin/env node
// Entry point of the `idw` command: runs the TypeScript sources through tsx, no build step.
import { register } from 'tsx/esm/api';

// A closed pipe (`idw plan | head`) is a normal end, not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
