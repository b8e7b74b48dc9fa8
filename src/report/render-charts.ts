import { renderAsync } from '@resvg/resvg-js';
import { existsSync } from 'node:fs';
import { View, parse } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { ReportModel } from './model.js';
import { encodeRgbPngAsync } from './png-rgb.js';

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

/** Vega-Lite spec → SVG (vega View without a browser). */
async function chartSvg(spec: Record<string, unknown>, id: string): Promise<string> {
  const vg = compile(spec as unknown as TopLevelSpec).spec;
  const view = new View(parse(vg), { renderer: 'none' });
  const raw = await view.toSVG();
  view.finalize();
  return stableIds(raw, id);
}

/** SVG → PNG (resvg, 1.5 times the size for print), both steps on libuv's thread pool. */
async function chartImage(svg: string): Promise<ChartImage> {
  const width = Number(/width="(\d+(?:\.\d+)?)"/.exec(svg)?.[1] ?? 600);
  const height = Number(/height="(\d+(?:\.\d+)?)"/.exec(svg)?.[1] ?? 300);
  const image = await renderAsync(svg, {
    fitTo: { mode: 'zoom', value: 1.5 },
    font: FONT,
    background: 'white',
  });
  const png = await encodeRgbPngAsync(image.pixels, image.width, image.height);
  return { svg, png, width, height };
}

/** Vega-Lite spec → SVG → PNG. */
export async function renderChart(spec: Record<string, unknown>, id: string): Promise<ChartImage> {
  return chartImage(await chartSvg(spec, id));
}

/**
 * Every chart of a model, rendered once. The SVGs are made one after the other on this thread;
 * each one's PNG is rasterised and compressed on the thread pool meanwhile, so another core can
 * take that part while the next SVG is made.
 */
export async function renderCharts(model: ReportModel): Promise<Map<string, ChartImage>> {
  const pending: [string, Promise<ChartImage>][] = [];
  for (const b of model.blocks)
    if (b.type === 'chart') {
      const image = chartImage(await chartSvg(b.chart.spec, b.chart.id));
      image.catch(() => {}); // awaited below, in order
      pending.push([b.chart.id, image]);
    }
  const out = new Map<string, ChartImage>();
  for (const [id, image] of pending) out.set(id, await image);
  return out;
}
