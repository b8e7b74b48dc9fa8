import { defineMessages } from '../../shared/index.js';

/** Messages of the survival statistics (wrong input handed to an estimator). */
export const survivalMessages = defineMessages({
  COMPUTE_SURVIVAL_LENGTH_MISMATCH: (a: number, b: number) => ({
    nl: `Tijden en statussen hebben een verschillende lengte (${a} tegenover ${b}).`,
    en: `Times and statuses differ in length (${a} versus ${b}).`,
  }),
  COMPUTE_SURVIVAL_BAD_TIME: (index: number, value: string) => ({
    nl: `Tijd nummer ${index} is geen eindig getal ≥ 0 (${value}).`,
    en: `Time number ${index} is not a finite number ≥ 0 (${value}).`,
  }),
  COMPUTE_SURVIVAL_BAD_STATUS: (index: number, value: string, allowed: string) => ({
    nl: `Status nummer ${index} is ongeldig (${value}); toegelaten: ${allowed}.`,
    en: `Status number ${index} is invalid (${value}); allowed: ${allowed}.`,
  }),
  COMPUTE_SURVIVAL_BAD_COUNT: (index: number, value: string) => ({
    nl: `Aantal nummer ${index} is geen geheel getal ≥ 0 (${value}).`,
    en: `Count number ${index} is not a whole number ≥ 0 (${value}).`,
  }),
  COMPUTE_SURVIVAL_BAD_HORIZONS: (detail: string) => ({
    nl: `Ongeldige tijdshorizonnen: ${detail}.`,
    en: `Invalid time horizons: ${detail}.`,
  }),
  COMPUTE_SURVIVAL_BAD_PATH_TIME: (index: number, time: number, after: number, exit: number) => ({
    nl: `Overgang op tijd ${time} van subject nummer ${index} ligt niet na ${after} en uiterlijk op ${exit}.`,
    en: `Transition at time ${time} of subject number ${index} is not after ${after} and at most ${exit}.`,
  }),
  COMPUTE_SURVIVAL_BAD_PATH_STATE: (index: number, from: number, to: number) => ({
    nl: `Overgang van toestand ${from} naar ${to} van subject nummer ${index} is ongeldig.`,
    en: `Transition from state ${from} to ${to} of subject number ${index} is invalid.`,
  }),
  COMPUTE_SURVIVAL_BAD_PROBABILITY: (value: string) => ({
    nl: `Kans ${value} ligt niet tussen 0 en 1.`,
    en: `Probability ${value} is not between 0 and 1.`,
  }),
});

type Code = keyof typeof survivalMessages;

/** Throws an `IdwError`-compatible problem from this catalogue. */
export function survivalProblem<C extends Code>(
  code: C,
  ...args: Parameters<(typeof survivalMessages)[C]>
): { code: C; nl: string; en: string } {
  const fn = survivalMessages[code] as (...a: unknown[]) => { nl: string; en: string };
  return { code, ...fn(...args) };
}
