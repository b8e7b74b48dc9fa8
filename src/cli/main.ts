import { Command, CommanderError } from 'commander';
import { createRequire } from 'node:module';
import { resolveLang } from './context.js';
import { reportError } from './output.js';
import { COMMANDS } from './commands/index.js';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

/** Builds the `idw` program with every sub-command. */
export function buildProgram(): Command {
  const program = new Command('idw')
    .description(
      "IDW Monitor: monitors a public employment service's action plan from a results framework and pseudonymised microdata.",
    )
    .version(version)
    .option('--debug', 'show stack traces of errors')
    .showHelpAfterError()
    .exitOverride();
  for (const register of COMMANDS) register(program);
  for (const c of program.commands) c.exitOverride();
  return program;
}

/** Runs `idw` with the given arguments and returns the exit code (0 ok, 1 failed, 2 usage). */
export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  const debug = argv.includes('--debug');
  const langIdx = argv.indexOf('--lang');
  const lang = resolveLang(langIdx >= 0 ? argv[langIdx + 1] : undefined);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (
        e.code === 'commander.helpDisplayed' ||
        e.code === 'commander.version' ||
        e.code === 'commander.help'
      )
        return 0;
      return 2;
    }
    return reportError(e, lang, debug);
  }
}
