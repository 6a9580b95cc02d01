// Organisation-wide settings — and, in the `compliance` collection, the admin's compliance files — the purposes register, pipeline stages, subscription types, privacy
// notices, import presets — one document each, encrypted with the organisation key and synced to every
// user. Defaults are seeded with fixed ids, so two devices that seed offline converge on one document.
import type { z } from 'zod';
import type { EnvelopeCipher } from '../crypto';
import { newId } from '../crypto';
import type { KluisDatabase } from './database';
import type { SettingDoc } from './schemas';
import { NotFoundError, ValidationError } from './errors';
import { SealedRecords, type SealedKindConfig } from './sealed-records';
import type { Decrypted, RecordProblem } from './subject-repository';

export type SettingKindConfig<S extends z.ZodType> = SealedKindConfig<S>;

/** A setting is not about a subject; its subjectId is empty. */
export type Setting<P> = Omit<Decrypted<P>, 'subjectId'>;

/** The two collections of organisation-key documents: settings (everyone) and compliance (admins). */
export type OrganisationCollection = 'settings' | 'compliance';

export const settingAddress = (id: string, keyId: string, collection: OrganisationCollection = 'settings') =>
  ({ collection, id, keyId }) as const;

/**
 * Settings have logical ids ('purpose-e-marketing', 'pipeline-default') that are the same in every
 * organisation, but the sync server keeps one id space for all the organisations it serves. So a setting
 * is stored under `<organisation tag>_<id>`, the tag taken from the organisation key's random id, which
 * every device of the organisation shares. (A future key rotation must keep the tag, not derive it anew.)
 */
export const organisationTag = (orgKeyId: string): string => `o${orgKeyId.slice(-12)}`;

export class SettingsRepository<S extends z.ZodType<Record<string, unknown>>> extends SealedRecords<S> {
  private readonly prefix: string;

  constructor(
    private readonly db: KluisDatabase,
    cipher: EnvelopeCipher,
    private readonly orgKey: () => Uint8Array,
    private readonly orgKeyId: string,
    config: SettingKindConfig<S>,
    private readonly collection: OrganisationCollection = 'settings',
  ) {
    super(cipher, config);
    this.prefix = `${organisationTag(orgKeyId)}_`;
  }

  private get docs() {
    return this.db[this.collection];
  }

  private stored(id: string): string {
    return `${this.prefix}${id}`;
  }

  /** Every setting of this kind, with the ones that could not be opened reported, not thrown. */
  async list(): Promise<{ records: Setting<z.output<S>>[]; problems: RecordProblem[] }> {
    const docs = (await this.docs.find({ selector: { kind: this.config.kind } }).exec()).filter((doc) =>
      doc.id.startsWith(this.prefix),
    );
    const records: Setting<z.output<S>>[] = [];
    const problems: RecordProblem[] = [];
    for (const doc of docs) {
      try {
        records.push(this.open(doc.toJSON() as SettingDoc));
      } catch (error) {
        problems.push({
          id: doc.id.slice(this.prefix.length),
          kind: doc.kind,
          problem: error instanceof ValidationError ? 'invalid' : 'tampered',
        });
      }
    }
    return { records, problems };
  }

  async get(id: string): Promise<Setting<z.output<S>>> {
    const doc = await this.findOwn(this.docs, this.stored(id), id);
    return this.open(doc.toJSON() as SettingDoc);
  }

  /** Creates a setting (a new id unless one is given) or replaces the one with that id. */
  async put(input: z.input<S>, id: string = newId()): Promise<Setting<z.output<S>>> {
    const data = this.validate(input);
    const existing = await this.docs.findOne(this.stored(id)).exec();
    if (existing && existing.kind !== this.config.kind) throw new NotFoundError(this.config.kind, id);
    const updatedAt = Math.max(Date.now(), (existing?.updatedAt ?? 0) + 1);
    await this.docs.upsert(this.seal(id, data, updatedAt));
    return { id, updatedAt, data };
  }

  async update(id: string, change: (current: z.output<S>) => z.input<S>): Promise<Setting<z.output<S>>> {
    const current = await this.get(id);
    return this.put(change(current.data), id);
  }

  async remove(id: string): Promise<void> {
    await (await this.findOwn(this.docs, this.stored(id), id)).remove();
  }

  /**
   * Writes the defaults whose ids this device has never seen (a default the admin deleted stays deleted
   * only on devices that synced the deletion — so seed once, when the organisation is created or a vault
   * is made, not at every start).
   */
  async seed(defaults: readonly { id: string; data: z.input<S> }[]): Promise<void> {
    const found = await this.docs.findByIds(defaults.map((d) => this.stored(d.id))).exec();
    const missing = defaults.filter((d) => !found.has(this.stored(d.id)));
    if (!missing.length) return;
    const now = Date.now();
    await this.docs.bulkInsert(missing.map((d) => this.seal(d.id, this.validate(d.data), now)));
  }

  private open(doc: SettingDoc): Setting<z.output<S>> {
    const data = this.openFields(doc, this.orgKey(), settingAddress(doc.id, doc.keyId, this.collection));
    return { id: doc.id.slice(this.prefix.length), updatedAt: doc.updatedAt, data };
  }

  private seal(logicalId: string, data: unknown, updatedAt: number): SettingDoc {
    const id = this.stored(logicalId);
    const address = settingAddress(id, this.orgKeyId, this.collection);
    const { kind, v, payload } = this.sealFields(data, this.orgKey(), address);
    return { id, kind, keyId: this.orgKeyId, v, payload, updatedAt };
  }
}
