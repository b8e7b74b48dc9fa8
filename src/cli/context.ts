import { fileURLToPath } from 'node:url';

/** Root of the installed package (where `plans/` lives). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Default plan file: `IDW_PLAN` or the bundled IDW plan. */
export function defaultPlanPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.IDW_PLAN || `${PACKAGE_ROOT}plans/integratie-door-werk.yaml`;
}

/**
 * Store file: `IDW_DB` or `./idw.duckdb`. The same rule as the store's own `defaultDbPath` (a test
 * keeps them equal); it is repeated here so that `idw --help` does not load DuckDB.
 */
export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.IDW_DB || 'idw.duckdb';
}

/** Access file (roles, authorisations, thresholds): `IDW_ACCESS` or the bundled `config/access.yaml`. */
export function defaultAccessPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.IDW_ACCESS || `${PACKAGE_ROOT}config/access.yaml`;
}

/** Language of messages: `--lang`, else `IDW_LANG`, else Dutch. */
export type Lang = 'nl' | 'en';
export function resolveLang(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  const v = flag ?? env.IDW_LANG ?? 'nl';
  return v === 'en' ? 'en' : 'nl';
}
