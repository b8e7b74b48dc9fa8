import { Command, CommanderError } from 'commander';
import { createRequire } from 'node:module';
import { printable, usageError, type IdwError } from '../shared/index.js';
import { resolveLang } from './context.js';
import { reportError } from './output.js';
import { COMMANDS } from './commands/index.js';
import { cliMessages } from './messages.js';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

/** Builds the `idw` program with every sub-command. */
export function buildProgram(): Command {
  const program = new Command('idw')
    .description(
      "IDW Monitor: monitors a public employment service's action plan from a results framework and pseudonymised microdata.",
    )
    .version(version)
    .option('--debug', 'show stack traces of errors')
    .exitOverride();
  for (const register of COMMANDS) register(program);
  // Commander's own error lines are English only and carry no code: main() prints ours instead.
  for (const c of [program, ...program.commands])
    c.exitOverride().configureOutput({ outputError: () => {} });
  return program;
}

/** Runs `idw` with the given arguments and returns the exit code (0 ok, 1 failed, 2 usage). */
export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  const debug = argv.includes('--debug');
  const langIdx = argv.indexOf('--lang');
  const lang = resolveLang(langIdx >= 0 ? argv[langIdx + 1] : undefined);
  try {
    checkBeforeParse(program, argv);
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
      return reportError(fromCommander(e), lang, debug);
    }
    return reportError(e, lang, debug);
  }
}

/**
 * What commander lets through: an unknown command followed by `--help` prints the general help
 * with exit 0 (so a typo looks like success), and `--lang` takes any word.
 */
function checkBeforeParse(program: Command, argv: readonly string[]): void {
  const names = new Set(['help', ...program.commands.flatMap((c) => [c.name(), ...c.aliases()])]);
  // The program's own options take no value, so the first word that is not an option is the command.
  const first = argv.find((a) => !a.startsWith('-'));
  if (first !== undefined && !names.has(first))
    throw usageError('CLI_UNKNOWN_COMMAND', cliMessages.CLI_UNKNOWN_COMMAND(printable(first)));
  if (first === 'help') {
    const topic = argv[argv.indexOf('help') + 1];
    if (topic !== undefined && !topic.startsWith('-') && !names.has(topic))
      throw usageError('CLI_UNKNOWN_COMMAND', cliMessages.CLI_UNKNOWN_COMMAND(printable(topic)));
  }
  argv.forEach((a, i) => {
    const v = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if ((a === '--lang' || v !== undefined) && v !== 'nl' && v !== 'en')
      throw usageError('CLI_BAD_LANG', cliMessages.CLI_BAD_LANG(printable(v ?? '')));
  });
}

/** A commander usage error as one of ours: a stable code and a Dutch and English message. */
function fromCommander(e: CommanderError): IdwError {
  // Commander quotes the offending word: "error: unknown option '--x'".
  const quoted = printable(/'([^']*)'/.exec(e.message)?.[1] ?? '');
  switch (e.code) {
    case 'commander.unknownCommand':
      return usageError('CLI_UNKNOWN_COMMAND', cliMessages.CLI_UNKNOWN_COMMAND(quoted));
    case 'commander.unknownOption':
      return usageError('CLI_UNKNOWN_OPTION', cliMessages.CLI_UNKNOWN_OPTION(quoted));
    case 'commander.missingArgument':
      return usageError('CLI_MISSING_ARGUMENT', cliMessages.CLI_MISSING_ARGUMENT(quoted));
    case 'commander.optionMissingArgument':
    case 'commander.missingMandatoryOptionValue':
      return usageError('CLI_MISSING_VALUE', cliMessages.CLI_MISSING_VALUE(quoted));
    case 'commander.excessArguments':
      return usageError('CLI_TOO_MANY_ARGUMENTS', cliMessages.CLI_TOO_MANY_ARGUMENTS());
    default:
      return usageError('CLI_WRONG_USE', cliMessages.CLI_WRONG_USE());
  }
}
