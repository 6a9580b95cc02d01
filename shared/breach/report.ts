// The breach notification report: the breach document rendered in the order of the Dutch authority's
// form (GDPR.md), as a section/row model that the JSON export is and the printable HTML shows, so the two
// can never disagree. Free text is the admin's, in the language they wrote it; labels follow the report's.
import { breachClock, formatInstant } from './clock';
import { escapeHtml, PRINT_STYLE } from './html';
import { REPORT_TEXTS, type ReportLanguage } from './report-texts';
import { BREACH_DATA_KINDS, type BreachPayload } from './types';
import { controllerName, type ControllerPayload } from '../purposes';

export const REPORT_SECTIONS = [
  'contact',
  'timeline',
  'nature',
  'data',
  'people',
  'beforehand',
  'consequences',
  'followUp',
] as const;
export type ReportSectionId = (typeof REPORT_SECTIONS)[number];

export interface ReportRow {
  readonly key: string;
  readonly label: string;
  /** A list shows as bullets. */
  readonly value: string | readonly string[];
}

export interface ReportSection {
  readonly id: ReportSectionId;
  readonly title: string;
  readonly rows: readonly ReportRow[];
}

export interface BreachReport {
  readonly format: 'kluis-breach-report/1';
  readonly breachId: string;
  readonly language: ReportLanguage;
  readonly title: string;
  readonly generatedAt: number;
  readonly timeZone: string;
  readonly sections: readonly ReportSection[];
  /** The computed figures, machine-readable: what the sections state in words. */
  readonly figures: {
    readonly peopleMin: number;
    readonly peopleMax: number;
    readonly records: number;
    readonly organisations: number | null;
    readonly dataKinds: readonly string[];
    readonly awareAt: number;
    readonly deadlineAt: number;
    readonly notifiedAuthorityAt: number | null;
  };
}

export interface ReportInput {
  readonly id: string;
  readonly breach: BreachPayload;
  readonly controller: ControllerPayload | null;
  readonly generatedAt: number;
  /** The zone times are shown in (the admin's); every time carries its zone's abbreviation. */
  readonly timeZone: string;
}

export const buildBreachReport = (input: ReportInput, language: ReportLanguage): BreachReport => {
  const t = REPORT_TEXTS[language];
  const b = input.breach;
  const time = (ms: number | null, missing: string = t.unknown) =>
    ms === null ? missing : formatInstant(ms, language, input.timeZone);
  const decision = (d: boolean | null) => (d === null ? t.undecided : d ? t.yes : t.no);
  // An empty free-text answer is shown as not filled in, never as "none" (which would be an answer).
  const text = (value: string) => value || t.notGiven;
  const clock = breachClock(b, input.generatedAt);
  const c = input.controller;
  const figures = b.exposure;
  const row = (key: string, label: string, value: string | readonly string[]): ReportRow => ({
    key,
    label,
    value,
  });

  const sections: Record<ReportSectionId, ReportRow[]> = {
    contact: [
      // The placeholder a new vault starts with is flagged, never sent to the authority as a name.
      row('organisation', t.organisation, controllerName(c) ?? t.organisationMissing),
      row('address', t.address, c?.address || t.unknown),
      row('contactPoint', t.contactPoint, b.contact.name || t.unknown),
      row('email', t.email, b.contact.email || t.unknown),
      row('phone', t.phone, b.contact.phone || t.unknown),
    ],
    timeline: [
      row('incident', t.incident, b.title),
      row('description', t.description, text(b.description)),
      row('occurredAt', t.occurredAt, time(b.occurredAt)),
      row('awareAt', t.awareAt, time(b.awareAt)),
      row('deadlineAt', t.deadlineAt, time(clock.deadlineAt)),
      row('notifiedAuthorityAt', t.notifiedAuthorityAt, time(b.notifiedAuthorityAt, t.notYet)),
      row('clock', t.clock, t.clockNames[clock.status]),
      ...(clock.status === 'notified_late' || clock.status === 'overdue'
        ? [row('delayReason', t.delayReason, text(b.delayReason))]
        : []),
    ],
    nature: [
      row(
        'properties',
        t.properties,
        b.nature.properties.map((p) => t.propertyNames[p]),
      ),
      row(
        'events',
        t.events,
        b.nature.events.map((e) => t.eventNames[e]),
      ),
      ...(b.deviceId
        ? [
            row(
              'device',
              t.device,
              t.deviceLine
                .replace('{device}', b.deviceId)
                .replace('{last}', time(figures?.lastSyncAt ?? null)),
            ),
          ]
        : []),
    ],
    data: [
      row(
        'kinds',
        t.kinds,
        BREACH_DATA_KINDS.filter((k) => b.dataKinds.includes(k)).map((k) => {
          const n = figures?.dataKinds[k];
          return n === undefined ? t.kindNames[k] : `${t.kindNames[k]}: ${n}`;
        }),
      ),
      row('records', t.records, String(b.records)),
      ...(figures
        ? [
            row(
              'perCategory',
              t.perCategory,
              Object.entries(figures.categories).map(
                ([k, n]) => `${t.categoryNames[k as keyof typeof t.categoryNames]}: ${n}`,
              ),
            ),
            row(
              'perKind',
              t.perKind,
              Object.entries(figures.records)
                .sort(([a], [z]) => a.localeCompare(z))
                .map(([k, n]) => `${k}: ${n}`),
            ),
          ]
        : []),
    ],
    people: [
      row('group', t.group, text(b.people.group)),
      row('min', t.min, String(b.people.min)),
      row('max', t.max, String(b.people.max)),
      ...(figures ? [row('organisations', t.organisations, String(figures.organisations))] : []),
    ],
    beforehand: [
      row('encrypted', t.encrypted, b.beforehand.encrypted ? t.yes : t.no),
      ...(b.beforehand.encrypted
        ? [row('keyProtection', t.keyProtection, t.keyProtectionNames[b.beforehand.keyProtection])]
        : []),
      row('otherMeasures', t.otherMeasures, text(b.beforehand.text)),
    ],
    consequences: [
      row('consequences', t.consequencesText, text(b.consequences)),
      row('risk', t.risk, b.risk.level ? t.riskNames[b.risk.level] : t.undecided),
      row('riskReasons', t.riskReasons, text(b.risk.reasons)),
    ],
    followUp: [
      row('notifyAuthority', t.notifyAuthority, decision(b.notifyAuthority.decision)),
      row('notifyAuthorityReasons', t.reasons, text(b.notifyAuthority.reasons)),
      row('notifyPeople', t.notifyPeople, decision(b.notifyPeople.decision)),
      row('notifyPeopleReasons', t.reasons, text(b.notifyPeople.reasons)),
      row(
        'exemptions',
        t.exemptions,
        b.notifyPeople.exemptions.map((e) => t.exemptionNames[e]),
      ),
      row('peopleNotifiedAt', t.peopleNotifiedAt, time(b.peopleNotifiedAt, t.notYet)),
      row('measuresTaken', t.measuresTaken, text(b.measuresTaken)),
      row('measuresProposed', t.measuresProposed, text(b.measuresProposed)),
      row('followUp', t.followUp, text(b.followUp)),
      row(
        'updates',
        t.updates,
        [...b.updates].sort((x, y) => x.at - y.at).map((u) => `${time(u.at)}: ${u.text}`),
      ),
      ...(b.closedAt !== null ? [row('closedAt', t.closedAt, time(b.closedAt))] : []),
    ],
  };

  return {
    format: 'kluis-breach-report/1',
    breachId: input.id,
    language,
    title: t.title,
    generatedAt: input.generatedAt,
    timeZone: input.timeZone,
    sections: REPORT_SECTIONS.map((id) => ({ id, title: t.sections[id], rows: sections[id] })),
    figures: {
      peopleMin: b.people.min,
      peopleMax: b.people.max,
      records: b.records,
      organisations: figures?.organisations ?? null,
      dataKinds: BREACH_DATA_KINDS.filter((k) => b.dataKinds.includes(k)),
      awareAt: b.awareAt,
      deadlineAt: clock.deadlineAt,
      notifiedAuthorityAt: b.notifiedAuthorityAt,
    },
  };
};

export const breachReportJson = (report: BreachReport): string => `${JSON.stringify(report, null, 2)}\n`;

/** A printable, self-contained HTML page (no scripts, no external resources); every value escaped. */
export const breachReportHtml = (report: BreachReport): string => {
  const t = REPORT_TEXTS[report.language];
  const h = escapeHtml;
  const value = (v: string | readonly string[]) =>
    typeof v === 'string'
      ? h(v).replace(/\n/g, '<br>')
      : v.length
        ? `<ul>${v.map((x) => `<li>${h(x)}</li>`).join('')}</ul>`
        : h(t.none);
  const sections = report.sections
    .map(
      (s) =>
        `<section id="${s.id}"><h2>${h(s.title)}</h2><table>${s.rows
          .map((r) => `<tr data-key="${h(r.key)}"><th>${h(r.label)}</th><td>${value(r.value)}</td></tr>`)
          .join('')}</table></section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${report.language}"><head><meta charset="utf-8"><title>${h(report.title)}</title>
<style>${PRINT_STYLE}</style></head><body>
<h1>${h(report.title)}</h1>
<div class="meta">${h(t.article)} · ${h(t.generated)}: ${h(
    formatInstant(report.generatedAt, report.language, report.timeZone),
  )}</div>
${sections}
</body></html>
`;
};
