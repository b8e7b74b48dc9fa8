// Golden files are rewritten only by hand, after an intended change: never in CI.
if (process.env.CI) {
  console.error('golden:update refuses to run in CI');
  process.exit(1);
}
