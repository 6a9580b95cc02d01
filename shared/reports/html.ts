// The reports as one printable HTML page in the reader's language: a table per report with a caption,
// black on white for paper, and nothing that runs (no script, no external file).
import type { ReportCell, ReportTable } from './tables';

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface ReportPage {
  /** BCP 47 language of the texts, e.g. 'en' or 'nl'. */
  readonly language: string;
  readonly title: string;
  /** One line under the title: the period, owner and currency the figures are for. */
  readonly scope: string;
  readonly tables: readonly ReportTable[];
}

const cell = (value: ReportCell, format: Intl.NumberFormat): string =>
  typeof value === 'number'
    ? `<td class="n">${escapeHtml(format.format(value))}</td>`
    : `<td>${escapeHtml(value)}</td>`;

export const reportsHtml = ({ language, title, scope, tables }: ReportPage): string => {
  const format = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
  const body = tables
    .map(
      (t) =>
        `<table><caption>${escapeHtml(t.title)}</caption><thead><tr>${t.columns
          .map((c) => `<th scope="col">${escapeHtml(c)}</th>`)
          .join('')}</tr></thead><tbody>${t.rows
          .map((row) => `<tr>${row.map((v) => cell(v, format)).join('')}</tr>`)
          .join('')}</tbody></table>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${escapeHtml(language)}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>
body{font:11pt system-ui,sans-serif;color:#000;background:#fff;margin:2em}
table{border-collapse:collapse;margin:0 0 1.5em;min-width:50%;page-break-inside:avoid}
caption{text-align:left;font-weight:600;font-size:12pt;padding:.3em 0}
th,td{border:1px solid #999;padding:.25em .6em;text-align:left}
td.n{text-align:right;font-variant-numeric:tabular-nums}
@media print{body{margin:0}}
</style></head><body>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(scope)}</p>
${body}
</body></html>
`;
};
