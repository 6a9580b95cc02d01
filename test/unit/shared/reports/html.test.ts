// The printable reports page: in the reader's language, every table captioned, text escaped, nothing that runs.
import { describe, expect, it } from 'vitest';
import { reportsHtml, type ReportTable } from '../../../../shared/reports';

const table: ReportTable = {
  id: 'winLoss',
  title: 'Gewonnen en verloren, met redenen',
  columns: ['Uitkomst', 'Reden', 'Deals', 'Waarde'],
  rows: [['Verloren', '<script>alert(1)</script> & prijs', 1, 1500.5]],
};

describe('printable reports', () => {
  it('writes the tables in Dutch with Dutch numbers, escaped, and without scripts', () => {
    const html = reportsHtml({
      language: 'nl',
      title: 'Rapportages',
      scope: '2026-01-01 tot en met 2026-03-31',
      tables: [table],
    });
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('<caption>Gewonnen en verloren, met redenen</caption>');
    expect(html).toContain('<th scope="col">Reden</th>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; prijs');
    expect(html).toContain('<td class="n">1.500,5</td>');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("default-src 'none'");
  });

  it('writes English numbers for an English page', () => {
    expect(reportsHtml({ language: 'en', title: 'Reports', scope: '', tables: [table] })).toContain(
      '<td class="n">1,500.5</td>',
    );
  });
});
