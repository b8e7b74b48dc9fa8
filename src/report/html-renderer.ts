import type { ChartImage } from './render-charts.js';
import { t } from './labels.js';
import type { Block, ModelCell, ModelTable, ReportModel } from './model.js';

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const CSS = `
:root{--ink:#1a1a1a;--muted:#555;--rule:#d0d0d0;--accent:#0072B2;--warn:#D55E00;--band:#f4f6f8}
*{box-sizing:border-box}
body{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;color:var(--ink);margin:0;line-height:1.45;font-size:14px}
main{max-width:60rem;margin:0 auto;padding:2rem 1.5rem}
.cover{border-bottom:3px solid var(--accent);padding-bottom:1rem;margin-bottom:1.5rem}
.cover h1{font-size:2rem;margin:0 0 .25rem}
.cover .subtitle{font-size:1.2rem;color:var(--muted);margin:0 0 1rem}
.cover dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0}
.cover dt{font-weight:bold}.cover dd{margin:0}
.synthetic{background:#fff3e0;border-left:4px solid var(--warn);padding:.5rem .75rem;font-weight:bold;margin:1rem 0}
nav.toc{background:var(--band);padding:.75rem 1rem;margin:1rem 0 2rem}
nav.toc ol{margin:.25rem 0;padding-left:1.25rem}nav.toc li{margin:.1rem 0}
nav.toc .l2{padding-left:1rem}nav.toc .l3{padding-left:2rem;font-size:.92em}
h1{font-size:1.5rem;border-bottom:1px solid var(--rule);padding-bottom:.2rem;margin-top:2.5rem}
h2{font-size:1.2rem;margin-top:2rem}h3{font-size:1.05rem;margin-top:1.5rem}
p.definition{color:var(--muted);font-style:italic;margin:.25rem 0}
.key p.muted{color:var(--muted);font-size:.9em}
p.warning{border-left:4px solid var(--warn);background:#fff3e0;padding:.4rem .75rem}
p.muted{color:var(--muted);font-size:.9em}
table{border-collapse:collapse;margin:.75rem 0 1rem;font-size:.92em;width:auto;min-width:26rem;max-width:100%}
caption{text-align:left;font-weight:bold;padding:.2rem 0;caption-side:top}
th,td{border-bottom:1px solid var(--rule);padding:.25rem .6rem;vertical-align:top}
th{background:var(--band);text-align:left}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.suppressed,td.censored{color:var(--muted)}
#summary td:nth-child(4),#summary td:nth-child(6){white-space:nowrap}
figure{margin:1rem 0}figure svg{max-width:100%;height:auto}
section.findings{border-left:4px solid var(--accent);padding:.1rem .9rem;margin:.75rem 0}
section.notes{font-size:.9em;color:var(--muted)}
section h4{margin:.4rem 0 .2rem;font-size:.95rem}
footer{margin-top:3rem;border-top:1px solid var(--rule);padding-top:.5rem;color:var(--muted);font-size:.85em}
@media print{main{max-width:none;padding:0}nav.toc{break-after:page}h1{break-before:page}
 table,figure,section.findings{break-inside:avoid}h1,h2,h3{break-after:avoid}a{color:inherit;text-decoration:none}}
@page{margin:18mm 15mm}
`;

function cell(c: ModelCell, numeric: boolean): string {
  const cls = [numeric ? 'num' : '', c.flag ?? ''].filter(Boolean).join(' ');
  const key = c.key ? ` data-key="${esc(c.key)}"` : '';
  return `<td${cls ? ` class="${cls}"` : ''}${key}>${esc(c.text)}</td>`;
}

export function isNumericColumn(table: ModelTable, i: number): boolean {
  return table.numeric?.[i] ?? i >= table.labelColumns;
}

function table(tb: ModelTable): string {
  const head = tb.columns
    .map((c, i) => `<th scope="col"${isNumericColumn(tb, i) ? ' class="num"' : ''}>${esc(c)}</th>`)
    .join('');
  const body = tb.rows
    .map((r) => `<tr>${r.map((c, i) => cell(c, isNumericColumn(tb, i))).join('')}</tr>`)
    .join('\n');
  return `<table id="${esc(tb.id)}"><caption>${esc(tb.caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function block(b: Block, charts: ReadonlyMap<string, ChartImage>): string {
  switch (b.type) {
    case 'heading':
      return `<h${b.level} id="${esc(b.id)}">${esc(b.text)}</h${b.level}>`;
    case 'paragraph':
      return `<p${b.style ? ` class="${b.style}"` : ''}>${esc(b.text)}</p>`;
    case 'table':
      return table(b.table);
    case 'chart': {
      const img = charts.get(b.chart.id);
      const svg = img
        ? img.svg.replace('<svg', `<svg role="img" aria-label="${esc(b.chart.alt)}"`)
        : '';
      return `<figure id="${esc(b.chart.id)}">${svg}<figcaption class="sr">${esc(b.chart.alt)}</figcaption></figure>`;
    }
    case 'findings':
    case 'notes':
      return `<section class="${b.type}"><h4>${esc(b.title)}</h4><ul>${b.items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul></section>`;
  }
}

/** The first page's sentences per objective, before the table of contents. */
function keyMessages(model: ReportModel): string {
  const k = model.keyMessages;
  if (!k) return '';
  const items = k.items
    .map((i) => `<p><strong>${esc(i.heading)}.</strong> ${esc(i.text)}</p>`)
    .join('\n');
  const changes = k.changes
    ? `<p><strong>${esc(k.changes.title)}</strong></p>${k.changes.items.length ? `<ul>${k.changes.items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>` : ''}`
    : '';
  return `<section class="key" id="key"><h2>${esc(k.title)}</h2><p class="muted">${esc(k.intro)}</p>\n${items}${changes}</section>`;
}

/** One self-contained HTML file: inline CSS and SVG, no scripts, no network; prints cleanly. */
export function renderHtml(model: ReportModel, charts: ReadonlyMap<string, ChartImage>): string {
  const lang = model.lang;
  const toc = model.blocks
    .filter((b): b is Extract<Block, { type: 'heading' }> => b.type === 'heading')
    .map((h) => `<li class="l${h.level}"><a href="#${esc(h.id)}">${esc(h.text)}</a></li>`)
    .join('\n');
  const cover = model.cover.map((c) => `<dt>${esc(c.label)}</dt><dd>${esc(c.value)}</dd>`).join('');
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(`${model.title} — ${model.subtitle}`)}</title>
<style>${CSS}figcaption.sr{position:absolute;left:-9999px}</style>
</head>
<body>
<main>
<header class="cover">
<h1>${esc(model.title)}</h1>
<p class="subtitle">${esc(model.subtitle)}</p>
<dl>${cover}</dl>
${model.synthetic ? `<p class="synthetic">${esc(t('synthetic', lang))}</p>` : ''}
</header>
${keyMessages(model)}
<nav class="toc" aria-label="${esc(t('contents', lang))}"><h2>${esc(t('contents', lang))}</h2><ol>
${toc}
</ol></nav>
${model.blocks.map((b) => block(b, charts)).join('\n')}
<section class="notes"><h4>${esc(t('notes', lang))}</h4>${table(model.notes)}</section>
<footer>${esc(model.runningHeader)} · ${esc(model.snapshot)}</footer>
</main>
</body>
</html>
`;
}
