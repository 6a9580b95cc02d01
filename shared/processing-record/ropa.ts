// The record of processing activities (GDPR Art. 30(1)(a)–(g)) and data inventory, generated from the
// purposes register, the processors register, the controller's details and live counts — the "personal
// data checklist" a company hands its auditor. One entry per purpose; rendered as a table (XLSX) and as
// printable HTML, in English and Dutch.
import type { CustomFieldPayload } from './custom-fields';
import { localeOf } from '../locale';
import { isEea, type ProcessorPayload } from '../processors';
import type { ControllerPayload } from '../purposes';
import { DATA_CATEGORY_NAMES, controllerGaps, controllerName, type DataCategory } from '../purposes';
import type { PurposePayload } from '../purposes';

export type RopaLanguage = 'en' | 'nl';

export interface RopaCounts {
  readonly people: number;
  readonly organisations: number;
  /** People held for each purpose (all people where the purpose applies to everyone). */
  readonly perPurpose: Readonly<Record<string, number>>;
  /** People whose data of each category is held under at least one purpose that declares it. */
  readonly perCategory: Readonly<Partial<Record<DataCategory, number>>>;
}

export interface RopaDevices {
  readonly total: number;
  readonly active: number;
  readonly lastSyncedAt: number | null;
}

export interface RopaInput {
  readonly controller: ControllerPayload | null;
  readonly purposes: readonly { readonly id: string; readonly data: PurposePayload }[];
  readonly processors: readonly { readonly id: string; readonly data: ProcessorPayload }[];
  readonly counts: RopaCounts;
  /** From the sync server's device list, when linked; null on an unlinked vault. */
  readonly devices: RopaDevices | null;
  readonly generatedAt: number;
  /** Custom fields: each is listed under the purposes that justify it. */
  readonly customFields?: readonly { readonly id: string; readonly data: CustomFieldPayload }[];
}

export interface RopaEntry {
  readonly purposeId: string;
  readonly name: string;
  readonly description: string;
  readonly lawfulBasis: PurposePayload['lawfulBasis'];
  readonly categoriesOfSubjects: readonly string[];
  readonly dataCategories: readonly DataCategory[];
  /** Custom fields this purpose justifies: "label (category)". */
  readonly customFields: readonly string[];
  readonly specialCategoryException: string;
  /** Art. 30(1)(d): the register's recipient categories and the processors serving this purpose. */
  readonly recipients: readonly string[];
  /** Art. 30(1)(e): countries outside the EEA with their safeguard. */
  readonly transfers: readonly {
    readonly country: string;
    readonly safeguard: string;
    readonly via: string;
  }[];
  readonly retention: string;
  readonly securityMeasures: readonly string[];
  readonly people: number;
}

export interface Ropa {
  readonly language: RopaLanguage;
  readonly controller: ControllerPayload | null;
  readonly entries: readonly RopaEntry[];
  readonly counts: RopaCounts;
  readonly devices: RopaDevices | null;
  readonly generatedAt: number;
  /** Problems an auditor would raise: missing controller, transfers without safeguard... (text keys). */
  readonly gaps: readonly string[];
}

const localized = (value: { en: string; nl: string }, language: RopaLanguage) =>
  value[language] || value[language === 'en' ? 'nl' : 'en'];

export const buildRopa = (input: RopaInput, language: RopaLanguage): Ropa => {
  const gaps: string[] = [];
  // The placeholder a new vault starts with ("Our organisation") is no name: it is flagged, never printed.
  const missing = controllerGaps(input.controller);
  if (missing.includes('name')) gaps.push(TEXTS[language].gapController);
  if (missing.includes('contact')) gaps.push(TEXTS[language].gapControllerContact);
  if (missing.includes('dpo')) gaps.push(TEXTS[language].gapDpo);
  const entries = input.purposes
    .filter((p) => p.data.active)
    .map(({ id, data }): RopaEntry => {
      const serving = input.processors.filter((r) => r.data.purposeIds.includes(id));
      const transfers = [
        ...data.thirdCountryTransfers.map((t) => ({ country: t.country, safeguard: t.safeguard, via: '' })),
        ...serving.flatMap((r) =>
          [...r.data.countries, ...r.data.subProcessors.map((s) => s.country)]
            .filter((c) => !isEea(c))
            .map((country) => ({ country, safeguard: r.data.transferSafeguard, via: r.data.name })),
        ),
      ];
      const name = localized(data.name, language);
      const custom = (input.customFields ?? []).filter(
        (f) => f.data.active && f.data.purposeIds.includes(id),
      );
      for (const t of transfers) {
        if (!t.safeguard) gaps.push(`${TEXTS[language].gapSafeguard} ${name}: ${t.country}`);
      }
      return {
        purposeId: id,
        name,
        description: localized(data.description, language),
        lawfulBasis: data.lawfulBasis,
        categoriesOfSubjects: data.categoriesOfSubjects,
        dataCategories: [...new Set([...data.dataCategories, ...custom.map((f) => f.data.category)])],
        customFields: custom.map(
          (f) => `${localized(f.data.label, language)} (${TEXTS[language].categoryNames[f.data.category]})`,
        ),
        specialCategoryException: [
          data.specialCategoryException,
          ...custom.map((f) => f.data.specialCategoryException),
        ]
          .filter(Boolean)
          .join(' · '),
        recipients: [...new Set([...data.recipients, ...serving.map((r) => r.data.name)])],
        transfers,
        retention: localized(data.retention.text, language),
        securityMeasures: data.securityMeasures,
        people: input.counts.perPurpose[id] ?? 0,
      };
    });
  return {
    language,
    controller: input.controller,
    entries,
    counts: input.counts,
    devices: input.devices,
    generatedAt: input.generatedAt,
    gaps,
  };
};

export const TEXTS = {
  en: {
    title: 'Record of processing activities',
    article: 'GDPR Article 30(1)',
    controller: 'Controller (Art. 30(1)(a))',
    name: 'Name',
    contact: 'Contact details',
    dpo: 'Data protection officer',
    representative: 'Representative',
    jointControllers: 'Joint controllers',
    generated: 'Generated',
    purpose: 'Purpose of the processing (b)',
    description: 'Description',
    basis: 'Lawful basis (Art. 6)',
    subjects: 'Categories of data subjects (c)',
    categories: 'Categories of personal data (c)',
    special: 'Art. 9(2) exception',
    recipients: 'Categories of recipients (d)',
    transfers: 'Transfers to third countries and safeguards (e)',
    retention: 'Time limits for erasure (f)',
    security: 'Technical and organisational security measures (g)',
    people: 'People held for this purpose',
    inventory: 'Data inventory',
    totalPeople: 'People',
    totalOrganisations: 'Organisations',
    perCategory: 'People per data category',
    devices: 'Devices',
    devicesLine: '{active} active of {total}; last synchronised {last}',
    devicesNone: 'Not linked to a sync server: this device only.',
    none: 'None',
    gaps: 'Points to resolve',
    gapController: 'The controller’s name is missing (Privacy → Controller details).',
    gapControllerContact: 'The controller’s contact details (email, phone or address) are missing.',
    gapDpo: 'Neither a data protection officer nor a contact point for privacy questions is named.',
    notNamed: 'Not filled in — see Points to resolve',
    gapSafeguard: 'Transfer without a recorded safeguard —',
    via: 'via',
    bases: {
      consent: 'Consent (a)',
      contract: 'Contract (b)',
      legal_obligation: 'Legal obligation (c)',
      vital_interests: 'Vital interests (d)',
      public_task: 'Public task (e)',
      legitimate_interests: 'Legitimate interests (f)',
    },
    categoryNames: DATA_CATEGORY_NAMES.en,
  },
  nl: {
    title: 'Register van verwerkingsactiviteiten',
    article: 'AVG artikel 30, lid 1',
    controller: 'Verwerkingsverantwoordelijke (art. 30 lid 1 a)',
    name: 'Naam',
    contact: 'Contactgegevens',
    dpo: 'Functionaris gegevensbescherming',
    representative: 'Vertegenwoordiger',
    jointControllers: 'Gezamenlijke verwerkingsverantwoordelijken',
    generated: 'Opgesteld',
    purpose: 'Doel van de verwerking (b)',
    description: 'Omschrijving',
    basis: 'Grondslag (art. 6)',
    subjects: 'Categorieën betrokkenen (c)',
    categories: 'Categorieën persoonsgegevens (c)',
    special: 'Uitzondering art. 9 lid 2',
    recipients: 'Categorieën ontvangers (d)',
    transfers: 'Doorgifte naar derde landen en waarborgen (e)',
    retention: 'Termijnen voor wissen (f)',
    security: 'Technische en organisatorische beveiligingsmaatregelen (g)',
    people: 'Personen voor dit doel',
    inventory: 'Gegevensinventaris',
    totalPeople: 'Personen',
    totalOrganisations: 'Organisaties',
    perCategory: 'Personen per categorie gegevens',
    devices: 'Apparaten',
    devicesLine: '{active} actief van {total}; laatst gesynchroniseerd {last}',
    devicesNone: 'Niet gekoppeld aan een synchronisatieserver: alleen dit apparaat.',
    none: 'Geen',
    gaps: 'Aandachtspunten',
    gapController:
      'De naam van de verwerkingsverantwoordelijke ontbreekt (Privacy → Verwerkingsverantwoordelijke).',
    gapControllerContact:
      'Contactgegevens van de verwerkingsverantwoordelijke (e-mail, telefoon of adres) ontbreken.',
    gapDpo: 'Er is geen functionaris gegevensbescherming en geen contactpunt voor privacyvragen genoemd.',
    notNamed: 'Niet ingevuld — zie Aandachtspunten',
    gapSafeguard: 'Doorgifte zonder vastgelegde waarborg —',
    via: 'via',
    bases: {
      consent: 'Toestemming (a)',
      contract: 'Overeenkomst (b)',
      legal_obligation: 'Wettelijke verplichting (c)',
      vital_interests: 'Vitaal belang (d)',
      public_task: 'Algemeen belang / openbaar gezag (e)',
      legitimate_interests: 'Gerechtvaardigd belang (f)',
    },
    categoryNames: DATA_CATEGORY_NAMES.nl,
  },
} as const;

const formatTime = (time: number, language: RopaLanguage) =>
  new Intl.DateTimeFormat(localeOf(language), {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }).format(time);

/** The register as one table: a row per purpose, a column per Art. 30(1) element (for XLSX and CSV). */
export const ropaTable = (ropa: Ropa): { columns: string[]; rows: (string | number)[][] } => {
  const t = TEXTS[ropa.language];
  const list = (values: readonly string[]) => values.join('; ') || t.none;
  return {
    columns: [
      t.purpose,
      t.description,
      t.basis,
      t.subjects,
      t.categories,
      t.special,
      t.recipients,
      t.transfers,
      t.retention,
      t.security,
      t.people,
    ],
    rows: ropa.entries.map((e) => [
      e.name,
      e.description,
      t.bases[e.lawfulBasis],
      list(e.categoriesOfSubjects),
      list([...e.dataCategories.map((c) => t.categoryNames[c]), ...e.customFields]),
      e.specialCategoryException,
      list(e.recipients),
      list(
        e.transfers.map((x) => `${x.country}: ${x.safeguard || '—'}${x.via ? ` (${t.via} ${x.via})` : ''}`),
      ),
      e.retention,
      list(e.securityMeasures),
      e.people,
    ]),
  };
};

const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** A printable, self-contained HTML page (no scripts, no external resources). */
export const ropaHtml = (ropa: Ropa): string => {
  const t = TEXTS[ropa.language];
  const h = escapeHtml;
  const row = (label: string, value: string) => `<tr><th>${h(label)}</th><td>${value}</td></tr>`;
  const list = (values: readonly string[]) =>
    values.length ? `<ul>${values.map((v) => `<li>${h(v)}</li>`).join('')}</ul>` : h(t.none);
  const c = ropa.controller;
  const controller = c
    ? [
        row(t.name, h(controllerName(c) ?? t.notNamed)),
        row(t.contact, h([c.address, c.email, c.phone, c.website].filter(Boolean).join(' · '))),
        row(
          t.dpo,
          c.dpo?.name ? h([c.dpo.name, c.dpo.email, c.dpo.phone].filter(Boolean).join(' · ')) : h(t.none),
        ),
        row(t.representative, h(c.representative || t.none)),
        row(t.jointControllers, list(c.jointControllers)),
      ].join('')
    : row(t.name, h(t.none));
  const entries = ropa.entries
    .map(
      (e) =>
        `<section class="purpose"><h2>${h(e.name)}</h2><table>${[
          row(t.purpose, h(e.name)),
          row(t.description, h(e.description)),
          row(t.basis, h(t.bases[e.lawfulBasis])),
          row(t.subjects, list(e.categoriesOfSubjects)),
          row(t.categories, list([...e.dataCategories.map((x) => t.categoryNames[x]), ...e.customFields])),
          ...(e.specialCategoryException ? [row(t.special, h(e.specialCategoryException))] : []),
          row(t.recipients, list(e.recipients)),
          row(
            t.transfers,
            list(
              e.transfers.map(
                (x) => `${x.country}: ${x.safeguard || '—'}${x.via ? ` (${t.via} ${x.via})` : ''}`,
              ),
            ),
          ),
          row(t.retention, h(e.retention)),
          row(t.security, list(e.securityMeasures)),
          row(t.people, String(e.people)),
        ].join('')}</table></section>`,
    )
    .join('');
  const d = ropa.devices;
  const devices = d
    ? t.devicesLine
        .replace('{active}', String(d.active))
        .replace('{total}', String(d.total))
        .replace('{last}', d.lastSyncedAt ? formatTime(d.lastSyncedAt, ropa.language) : '—')
    : t.devicesNone;
  const perCategory = Object.entries(ropa.counts.perCategory).map(
    ([k, n]) => `${t.categoryNames[k as DataCategory]}: ${n}`,
  );
  return `<!doctype html>
<html lang="${ropa.language}"><head><meta charset="utf-8"><title>${h(t.title)}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem;color:#1b1f24;line-height:1.45}
h1{margin:0 0 .25rem}h2{margin:1.5rem 0 .5rem;font-size:1.15rem}
.meta{color:#57606a;margin-bottom:1.5rem}table{border-collapse:collapse;width:100%}
th,td{border:1px solid #d0d7de;padding:.4rem .6rem;vertical-align:top;text-align:left}
th{width:32%;background:#f6f8fa;font-weight:600}ul{margin:0;padding-left:1.1rem}
.gaps{border:1px solid #cf222e;background:#fff5f5;padding:.75rem 1rem;border-radius:6px}
section{break-inside:avoid}@media print{body{margin:1cm}}
</style></head><body>
<h1>${h(t.title)}</h1>
<div class="meta">${h(t.article)} · ${h(t.generated)}: ${h(formatTime(ropa.generatedAt, ropa.language))}</div>
${ropa.gaps.length ? `<div class="gaps"><strong>${h(t.gaps)}</strong>${list(ropa.gaps)}</div>` : ''}
<h2>${h(t.controller)}</h2><table>${controller}</table>
${entries}
<h2>${h(t.inventory)}</h2><table>${[
    row(t.totalPeople, String(ropa.counts.people)),
    row(t.totalOrganisations, String(ropa.counts.organisations)),
    row(t.perCategory, list(perCategory)),
    row(t.devices, h(devices)),
  ].join('')}</table>
</body></html>
`;
};
