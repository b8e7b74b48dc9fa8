import type { Lang } from '../shared/index.js';

/** Okabe–Ito colours: distinguishable with every common colour-vision deficiency. */
export const OKABE_ITO = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#D55E00',
  '#CC79A7',
  '#56B4E9',
  '#F0E442',
  '#000000',
] as const;

export interface ChartPoint {
  readonly period: string;
  readonly series: string;
  readonly value: number;
}

export interface ChartInput {
  readonly title: string;
  /** Unit and period range, e.g. `aandeel (%), 2016–2018`. */
  readonly subtitle: string;
  readonly source: string;
  readonly xTitle: string;
  readonly yTitle: string;
  readonly percent: boolean;
  readonly points: readonly ChartPoint[];
  readonly seriesOrder: readonly string[];
  readonly lang: Lang;
}

const LOCALE = {
  nl: { decimal: ',', thousands: '.', grouping: [3], currency: ['€ ', ''] },
  en: { decimal: '.', thousands: ',', grouping: [3], currency: ['€', ''] },
} as const;

/**
 * A Vega-Lite specification (plain JSON): lines with points per series over periods, or bars when
 * there is one series. The same spec can be embedded as is by a web dashboard.
 */
export function chartSpec(input: ChartInput): Record<string, unknown> {
  // Only series with at least one point get a legend entry.
  const c = {
    ...input,
    seriesOrder: input.seriesOrder.filter((s) => input.points.some((p) => p.series === s)),
  };
  const oneSeries = c.seriesOrder.length <= 1;
  const format = c.percent ? '.0%' : ',.0f';
  const y = {
    field: 'value',
    type: 'quantitative',
    title: c.yTitle,
    axis: { format },
    ...(c.percent ? { scale: { domain: [0, 1] } } : {}),
  };
  const x = { field: 'period', type: 'ordinal', title: c.xTitle, axis: { labelAngle: 0 } };
  const color = {
    field: 'series',
    type: 'nominal',
    title: null,
    sort: [...c.seriesOrder],
    scale: {
      domain: [...c.seriesOrder],
      range: OKABE_ITO.slice(0, Math.max(1, c.seriesOrder.length)),
    },
    legend: { orient: 'bottom', direction: 'vertical', labelLimit: 520 },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: c.title, subtitle: [c.subtitle, c.source], anchor: 'start' },
    width: 520,
    height: 200,
    background: 'white',
    data: { values: c.points.map((p) => ({ ...p })) },
    ...(oneSeries
      ? {
          mark: { type: 'bar', color: OKABE_ITO[0], width: { band: 0.6 } },
          encoding: {
            x,
            y,
            tooltip: [{ field: 'period' }, { field: 'value', format }],
          },
        }
      : {
          mark: { type: 'line', point: { filled: true, size: 50 }, strokeWidth: 2 },
          encoding: {
            x,
            y,
            color,
            shape: { field: 'series', type: 'nominal', legend: null, sort: [...c.seriesOrder] },
            tooltip: [{ field: 'series' }, { field: 'period' }, { field: 'value', format }],
          },
        }),
    config: {
      locale: { number: LOCALE[c.lang] },
      font: 'DejaVu Sans, Helvetica, Arial, sans-serif',
      title: { fontSize: 14, subtitleFontSize: 11, subtitleColor: '#444' },
      axis: { labelFontSize: 11, titleFontSize: 11 },
      legend: { labelFontSize: 11 },
      view: { stroke: null },
    },
  };
}
