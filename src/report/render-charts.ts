import { Resvg } from '@resvg/resvg-js';
import { existsSync } from 'node:fs';
import { View, parse } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { ReportModel } from './model.js';
import { encodeRgbPng } from './png-rgb.js';

/** A chart rendered once and shared by every renderer. */
export interface ChartImage {
  readonly svg: string;
  readonly png: Uint8Array;
  readonly width: number;
  readonly height: number;
}

/** Vega's SVG renderer numbers clip paths and gradients from a process-wide counter: renumber per chart. */
function stableIds(svg: string, prefix: string): string {
  const ids = [...svg.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]!);
  let out = svg;
  ids.forEach((id, i) => {
    const fresh = `${prefix}-${i + 1}`;
    out = out
      .replaceAll(`id="${id}"`, `id="${fresh}"`)
      .replaceAll(`url(#${id})`, `url(#${fresh})`)
      .replaceAll(`href="#${id}"`, `href="#${fresh}"`);
  });
  return out;
}

/** Font files for PNG text where present (fast); otherwise resvg scans the system fonts (slow but complete). */
const FONT_FILES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
].filter((f) => existsSync(f));
const FONT =
  FONT_FILES.length === 2
    ? { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: 'DejaVu Sans' }
    : { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' };

/** Vega-Lite spec → SVG (vega View without a browser) → PNG (resvg, 1.5 times the size for print). */
export async function renderChart(spec: Record<string, unknown>, id: string): Promise<ChartImage> {
  const vg = compile(spec as unknown as TopLevelSpec).spec;
  const view = new View(parse(vg), { renderer: 'none' });
  const raw = await view.toSVG();
  view.finalize();
  const svg = stableIds(raw, id);
  const width = Number(/width="(\d+(?:\.\d+)?)"/.exec(svg)?.[1] ?? 600);
  const height = Number(/height="(\d+(?:\.\d+)?)"/.exec(svg)?.[1] ?? 300);
  const image = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: 1.5 },
    font: FONT,
    background: 'white',
  }).render();
  const png = encodeRgbPng(image.pixels, image.width, image.height);
  return { svg, png, width, height };
}

/** Every chart of a model, rendered once. */
export async function renderCharts(model: ReportModel): Promise<Map<string, ChartImage>> {
  const out = new Map<string, ChartImage>();
  for (const b of model.blocks)
    if (b.type === 'chart') out.set(b.chart.id, await renderChart(b.chart.spec, b.chart.id));
  return out;
}
