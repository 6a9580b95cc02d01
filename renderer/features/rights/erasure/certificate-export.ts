// The erasure certificate as files for an auditor or the person: a self-contained HTML page in English
// or Dutch, and the certificate itself as JSON. Neither holds personal data: ids, dates, kinds, counts.
import type { TFunction } from 'i18next';
import { backupsStatement, type ErasureCertificate } from '../../../../shared/erasure';
import { formatDate, formatDateTime } from '../../../../shared/locale';

export type CertificateLanguage = 'en' | 'nl';

const escape = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

export const formatTime = (at: number, language: CertificateLanguage): string =>
  formatDateTime(at, language, 'long');

/** A day (YYYY-MM-DD) in the certificate's long style ("3 December 2026"). */
export const formatDay = (day: string, language: CertificateLanguage): string =>
  formatDate(day, language, 'long');

/** A kind's name in the language, or the kind itself for one this screen has no word for. */
export const kindLabel = (t: TFunction, kind: string): string =>
  t(`erasure.kinds.${kind}`, { defaultValue: kind });

/** The certificate's line on backups and database files, in the given language. */
export const backupsText = (t: TFunction, c: ErasureCertificate, language: CertificateLanguage): string => {
  const { key, at } = backupsStatement(c);
  return t(`erasure.certificate.backups.${key}`, at === undefined ? {} : { date: formatTime(at, language) });
};

const row = (label: string, value: string) => `<tr><th>${escape(label)}</th><td>${escape(value)}</td></tr>`;

export const certificateHtml = (
  certificate: ErasureCertificate,
  t: TFunction,
  language: CertificateLanguage,
): string => {
  const c = certificate;
  const erased = Object.entries(c.erased)
    .map(([kind, n]) => `<li>${escape(kindLabel(t, kind))}: ${n}</li>`)
    .join('');
  const kept = c.kept
    .map((k) => {
      const text = t('erasure.certificate.keptRow', {
        count: k.itemCount,
        exception: t(`erasure.exceptions.${k.exception}`),
        id: k.retainedSubjectId,
      });
      const until = k.retainUntil
        ? ` — ${t('erasure.certificate.until', { date: formatDay(k.retainUntil, language) })}`
        : '';
      return `<li>${escape(text + until)}<br><small>${escape(k.note)}</small></li>`;
    })
    .join('');
  const devices = c.devices
    .map((d) => {
      const state =
        d.confirmedAt !== null
          ? t('erasure.certificate.confirmedAt', { date: formatTime(d.confirmedAt, language) })
          : t('erasure.certificate.outstanding', {
              date: d.lastSyncAt ? formatTime(d.lastSyncAt, language) : t('erasure.certificate.neverSeen'),
            });
      return `<tr><td>${escape(d.deviceId)}</td><td>${escape(d.userId)}</td><td>${escape(state)}</td></tr>`;
    })
    .join('');
  const title = t('erasure.certificate.title');
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;line-height:1.5}
th{text-align:left;padding-right:1rem;vertical-align:top}td,th{padding:.2rem .5rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse}</style></head><body>
<h1>${escape(title)}</h1>
<p>${escape(t('erasure.certificate.statement'))}</p>
<p><strong>${escape(t('erasure.certificate.backups.title'))}:</strong> ${escape(backupsText(t, c, language))}</p>
<table>
${row(t('erasure.certificate.request'), c.requestId)}
${row(t('erasure.certificate.subject'), c.subjectId)}
${row(t('erasure.certificate.subjectKind'), kindLabel(t, c.subjectKind))}
${row(t('erasure.certificate.erasedAt'), formatTime(c.erasedAt, language))}
${row(t('erasure.certificate.erasedBy'), c.erasedBy)}
${row(t('erasure.certificate.ledger'), t(`erasure.certificate.ledgerStates.${c.ledger}`))}
</table>
<h2>${escape(t('erasure.certificate.erased'))}</h2>
<ul>${erased || `<li>${escape(t('erasure.certificate.nothingErased'))}</li>`}</ul>
<h2>${escape(t('erasure.certificate.kept'))}</h2>
<ul>${kept || `<li>${escape(t('erasure.certificate.keptNothing'))}</li>`}</ul>
<h2>${escape(t('erasure.certificate.devices'))}</h2>
<table><tr><th>${escape(t('erasure.certificate.device'))}</th><th>${escape(t('erasure.certificate.user'))}</th><th>${escape(t('erasure.certificate.state'))}</th></tr>
${devices}</table>
<p><small>${escape(
    c.checkedAt
      ? t('erasure.certificate.checkedAt', { date: formatTime(c.checkedAt, language) })
      : t('erasure.certificate.notChecked'),
  )}</small></p>
</body></html>
`;
};

export const certificateJson = (certificate: ErasureCertificate): string =>
  `${JSON.stringify({ type: 'kluis-erasure-certificate', version: 1, ...certificate }, null, 2)}\n`;
