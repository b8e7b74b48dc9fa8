import type { Command } from 'commander';
import { registerAudit } from './audit.js';
import { registerCheckDisclosure } from './check-disclosure.js';
import { registerCompute } from './compute.js';
import { registerDemo } from './demo.js';
import { registerExplain } from './explain.js';
import { registerGenerate } from './generate.js';
import { registerImport } from './import.js';
import { registerInit } from './init.js';
import { registerPlan } from './plan.js';
import { registerQuarantine } from './quarantine.js';
import { registerReport } from './report.js';

/** Every sub-command, in the order of `idw --help`. Each lives in its own file. */
export const COMMANDS: readonly ((program: Command) => void)[] = [
  registerPlan,
  registerInit,
  registerGenerate,
  registerImport,
  registerQuarantine,
  registerCompute,
  registerExplain,
  registerAudit,
  registerCheckDisclosure,
  registerReport,
  registerDemo,
];
