import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readZip } from '../src/shared/index.js';

/** The text a reader sees in one output, per page or sheet where the format has them. */
export interface ScannedText {
  readonly file: string;
  /** Part: `page 3`, `sheet SD1 …`, `chart 4`, or the whole file. */
  readonly part: string;
  readonly text: string;
}

const stripXml = (s: string): string =>
  s
    .replace(/<w:tab\/>|<\/w:p>|<\/text>|<\/tspan>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** HTML: the body text, and each inline chart (SVG) on its own. */
function html(dir: string, file: string): ScannedText[] {
  const s = readFileSync(join(dir, file), 'utf8');
  const charts = [...s.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m, i) => ({
    file,
    part: `chart ${i + 1}`,
    text: stripXml(m[0]),
  }));
  const body = s
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<svg[\s\S]*?<\/svg>/g, ' ')
    .replace(/<head[\s\S]*?<\/head>/g, '');
  return [
    { file, part: 'text', text: stripXml(body.replace(/<\/(p|li|td|th|h\d)>/g, ' ')) },
    ...charts,
  ];
}

/** PDF: one entry per page (pdftotext). */
function pdf(dir: string, file: string): ScannedText[] {
  const text = execFileSync('pdftotext', ['-layout', join(dir, file), '-'], {
    maxBuffer: 64 * 1024 * 1024,
  }).toString();
  return text
    .split('\f')
    .filter((p) => p.trim())
    .map((p, i) => ({ file, part: `page ${i + 1}`, text: p.replace(/\s+/g, ' ') }));
}

/** DOCX: the document and its headers. */
function docx(dir: string, file: string): ScannedText[] {
  const entries = readZip(readFileSync(join(dir, file)));
  return entries
    .filter((e) => /^word\/(document|header\d*)\.xml$/.test(e.name))
    .map((e) => ({ file, part: e.name, text: stripXml(e.data.toString('utf8')) }));
}

/** XLSX: every sheet's cells (as shown) and its print header. */
async function xlsx(dir: string, file: string): Promise<ScannedText[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, file));
  return wb.worksheets.map((ws) => {
    const cells: string[] = [ws.name, ws.headerFooter?.oddHeader ?? ''];
    ws.eachRow((row) => row.eachCell((c) => cells.push(c.text)));
    return { file, part: `sheet ${ws.name}`, text: cells.join(' | ') };
  });
}

/** Everything a reader can see in a report folder, per format. */
export async function scanReport(dir: string): Promise<ScannedText[]> {
  const names = ['quarterly-report', 'overview'];
  const out: ScannedText[] = [];
  for (const n of names) {
    const has = (ext: string) => {
      try {
        readFileSync(join(dir, `${n}.${ext}`));
        return true;
      } catch {
        return false;
      }
    };
    if (has('html')) out.push(...html(dir, `${n}.html`));
    if (has('pdf')) out.push(...pdf(dir, `${n}.pdf`));
    if (has('docx')) out.push(...docx(dir, `${n}.docx`));
    if (has('xlsx')) out.push(...(await xlsx(dir, `${n}.xlsx`)));
  }
  return out;
}

/** A finding of the scan: which file and part, which rule, what text. */
export interface ScanProblem {
  readonly where: string;
  readonly rule: string;
  readonly text: string;
}

/** Snake-case names (`residence_status`, `ci_low`): never a word in either language. */
const SNAKE = /\b[a-z]+(?:_[a-z0-9]+)+\b/g;
/** English words that never belong in a Dutch sentence. */
const ENGLISH =
  /\b(the|and|with|which|asked|split|not|part|plan's|table|participants|uses|hours|persons|share|estimate|source|target|definitions|notes|value)\b/i;
/** Dutch words that never belong in an English sentence. */
const DUTCH =
  /\b(het|een|niet|voor|met|uitstroom|werkzoekenden|gegevens|peildatum|jaar|maanden|personen|uren|bedroeg|waarde|aandeel|van|en)\b/;
/** Periods after a cut-off date in the first quarter of 2018. */
const AFTER_CUT_OFF =
  /\b2018 K[234]\b|\b2018-Q[234]\b|\b2018 Q[234]\b|\b(tweede|derde|vierde) kwartaal van 2018\b|\b(second|third|fourth) quarter of 2018\b|\b(2019|20[2-9]\d)\b/;

const context = (text: string, i: number) => text.slice(Math.max(0, i - 60), i + 60);

/** Every rule of the scan on every part (see the test for what each guards). */
export function scanProblems(
  parts: readonly ScannedText[],
  lang: 'nl' | 'en',
  mark: string,
  /** The codes the pipeline writes (indicator ids, variants, segments …), found as whole tokens. */
  codes: readonly string[],
): ScanProblem[] {
  const out: ScanProblem[] = [];
  const esc = (c: string) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const code = new RegExp(`(?<![\\w-])(${codes.map(esc).join('|')})(?![\\w-])`, 'g');
  for (const p of parts) {
    const where = `${p.file} ${p.part}`;
    // URLs name their own paths, and a cited source keeps its own title and language.
    const text = p.text.replace(/https?:\/\/\S+/g, ' ').replace(/(Source|Bron): [^)]*\)/g, ' ');
    for (const m of [...text.matchAll(SNAKE), ...text.matchAll(code)])
      out.push({ where, rule: 'raw code', text: context(text, m.index) });
    const foreign = lang === 'nl' ? ENGLISH : DUTCH;
    const f = foreign.exec(text);
    if (f)
      out.push({
        where,
        rule: lang === 'nl' ? 'English word' : 'Dutch word',
        text: context(text, f.index),
      });
    const late = AFTER_CUT_OFF.exec(text);
    if (late)
      out.push({ where, rule: 'period after the cut-off', text: context(text, late.index) });
    const needsMark = /^(page|chart|sheet)/.test(p.part) || /header/.test(p.part);
    if (needsMark && !text.includes(mark)) out.push({ where, rule: 'no synthetic mark', text: '' });
  }
  return out;
}
