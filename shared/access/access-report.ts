// The human-readable half of the access package: one self-contained, printable HTML page per language
// answering Art. 15(1)(a)–(h) from the purposes register, the recipients (processors) register, the
// controller, the person's source and ledgers. Every value is escaped; no scripts, no external resources.
import { TEXTS as ROPA_TEXTS } from '../processing-record';
import { formatDate } from '../locale';
import { isEea } from '../processors';
import { personDisplayName } from '../people';
import { profilingStatus } from '../objection';
import { REPORT_TEXTS, type ReportLanguage } from './access-report-texts';
import type { AccessData, AccessRegisters } from './access-package';

const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const pick = (text: { en: string; nl: string }, language: ReportLanguage) =>
  text[language] || text[language === 'en' ? 'nl' : 'en'];

/** The purposes that apply to this person: everyone's, or those with a basis or consent recorded for them. */
export const purposesFor = (data: AccessData, registers: AccessRegisters) => {
  const recorded = new Set([
    ...data.consent.bases.filter((b) => b.data.basis !== null).map((b) => b.data.purposeId),
    ...data.consent.consents.map((c) => c.data.purposeId),
  ]);
  return registers.purposes.filter((p) => p.data.active && (p.data.appliesToAll || recorded.has(p.id)));
};

export const accessReportHtml = (
  data: AccessData,
  registers: AccessRegisters,
  language: ReportLanguage,
): string => {
  const t = REPORT_TEXTS[language];
  // Dates in the letter's language, written out as a letter does ("3 December 2026", "3 december 2026").
  const day = (when: number | string) => formatDate(when, language, 'long');
  const r = ROPA_TEXTS[language];
  const h = escapeHtml;
  const list = (items: readonly string[]) =>
    items.length ? `<ul>${items.map((i) => `<li>${h(i)}</li>`).join('')}</ul>` : `<p>${h(t.none)}</p>`;
  const section = (title: string, body: string) => `<section><h2>${h(title)}</h2>${body}</section>`;
  const purposes = purposesFor(data, registers);
  const purposeIds = new Set(purposes.map((p) => p.id));
  const controller = registers.controller;
  const p = data.profile;

  const profileRows: [string, string][] = [
    [t.fields.name, personDisplayName(p)],
    [t.fields.email, p.emails.map((e) => e.value).join(', ')],
    [t.fields.phone, p.phones.map((x) => x.value).join(', ')],
    [
      t.fields.address,
      p.address
        ? [p.address.street, p.address.postalCode, p.address.city, p.address.country]
            .filter(Boolean)
            .join(', ')
        : '',
    ],
    [t.fields.jobTitle, p.jobTitle],
    [t.fields.organisation, data.organisations.map((o) => o.data.name).join(', ')],
    [t.fields.tags, p.tags.join(', ')],
    [t.fields.notes, p.notes],
  ];
  const counts: [string, number][] = [
    [t.sections.activities, data.activities.length],
    [t.sections.deals, data.deals.length],
    [t.sections.cases, data.cases.length],
    [t.sections.caseEntries, data.caseEntries.length],
    [t.sections.tasks, data.tasks.length],
    [t.sections.consent, Object.values(data.consent).reduce((n, l: unknown[]) => n + l.length, 0)],
    [t.sections.fieldHistory, data.fieldHistory.length],
    [t.sections.requests, data.requests.length],
    [t.sections.audit, data.audit.length],
  ];
  const table = (rows: [string, string | number][]) =>
    `<table>${rows.map(([k, v]) => `<tr><th>${h(k)}</th><td>${h(String(v))}</td></tr>`).join('')}</table>`;

  const categories = [...new Set(purposes.flatMap((x) => x.data.dataCategories))].map(
    (c) => r.categoryNames[c],
  );
  const recipients = [
    // Kluis's own seeded words in the reader's language; what the organisation typed stays as typed.
    ...purposes.flatMap((x) => x.data.recipients).map((x) => t.seededRecipients[x] ?? x),
    ...purposes.flatMap((x) =>
      x.data.thirdCountryTransfers.map((tr) => `${tr.country} — ${t.thirdCountry} ${tr.safeguard}`),
    ),
    ...registers.processors
      .filter((x) => x.data.purposeIds.some((id) => purposeIds.has(id)))
      .map((x) => {
        const outside = x.data.countries.filter((c) => !isEea(c));
        const where = x.data.countries.length ? ` (${x.data.countries.join(', ')})` : '';
        return `${x.data.name}${x.data.service ? ` — ${x.data.service}` : ''}${where}${outside.length ? `; ${outside.join(', ')} ${t.thirdCountry} ${x.data.transferSafeguard}` : ''}`;
      }),
  ];
  const notices = data.consent.notices.map((n) => {
    const notice = registers.notices.find((x) => x.id === n.data.noticeId);
    return `${day(n.data.receivedAt)} — ${notice ? `v${notice.data.version}` : n.data.version} (${t.noticeMethods[n.data.method]})`;
  });
  const profiling = profilingStatus(data.profiling, data.generatedAt);
  const authority = controller?.supervisoryAuthority || 'Autoriteit Persoonsgegevens';

  const body = [
    `<h1>${h(t.title)}</h1>`,
    `<p class="meta">${h(t.article)} · ${h(t.generated)} ${h(day(data.generatedAt))}${data.requestId ? ` · ${h(t.request)}: ${h(data.requestId)}` : ''}</p>`,
    controller
      ? `<p>${h(t.controller)}: ${h([controller.name, controller.address, controller.email, controller.phone].filter(Boolean).join(', '))}${controller.dpo?.name ? `<br>${h(t.dpo)}: ${h([controller.dpo.name, controller.dpo.email].filter(Boolean).join(', '))}` : ''}</p>`
      : '',
    `<p>${h(t.confirm)}</p>`,
    section(
      t.held,
      `<h3>${h(t.profile)}</h3>${table(profileRows.filter(([, v]) => v))}<h3>${h(t.counts)}</h3>${table(counts)}`,
    ),
    section(
      t.purposes,
      purposes.length
        ? `<ul>${purposes.map((x) => `<li><strong>${h(pick(x.data.name, language))}</strong> — ${h(r.bases[x.data.lawfulBasis])}${pick(x.data.description, language) ? `<br>${h(pick(x.data.description, language))}` : ''}</li>`).join('')}</ul>`
        : `<p>${h(t.none)}</p>`,
    ),
    section(t.categories, list(categories)),
    section(t.recipients, list([...new Set(recipients)])),
    section(
      t.retention,
      list(
        purposes.map(
          (x) => `${pick(x.data.name, language)}: ${pick(x.data.retention.text, language) || '—'}`,
        ),
      ),
    ),
    section(t.rights, `<p>${h(t.rightsText)}</p>`),
    section(
      t.complaint,
      `<p>${h(t.complaintText)} ${h(authority)}${authority === 'Autoriteit Persoonsgegevens' ? ' (autoriteitpersoonsgegevens.nl)' : ''}</p>`,
    ),
    section(
      t.source,
      `<p>${h(t.sourceMethods[p.source.method])}${p.source.description ? ` — ${h(p.source.description)}` : ''}, ${h(t.obtainedOn)} ${h(day(p.source.obtainedOn))}</p><h3>${h(t.noticesReceived)}</h3>${list(notices)}`,
    ),
    section(
      t.automated,
      `<p>${h(t.automatedText)}</p>${profiling.entry ? `<p>${h(profiling.allowed ? t.optIn : t.optOut)} ${h(day(profiling.entry.data.at))}.</p>` : ''}`,
    ),
    section(
      t.requestsTitle,
      list(
        data.requests.map(
          (q) =>
            `${t.rightNames[q.data.right]} — ${t.received} ${day(q.data.receivedOn)} (${t.statusNames[q.data.status]})`,
        ),
      ),
    ),
  ].join('\n');

  return `<!DOCTYPE html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${h(t.title)}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#111;line-height:1.45}
h1{font-size:1.6rem}h2{font-size:1.15rem;margin-top:1.6rem;border-bottom:1px solid #ccc}h3{font-size:1rem}
table{border-collapse:collapse}th,td{text-align:left;vertical-align:top;padding:.2rem .8rem .2rem 0}
.meta{color:#555}@media print{body{margin:0}section{break-inside:avoid}}
</style>
</head>
<body>
${body}
</body>
</html>
`;
};
