// An unlocked vault: the keys in memory and the repositories that use them. Locking wipes the keys;
// nothing personal stays readable after that.
import { wipe } from '../crypto/bytes';
import type { EnvelopeCipher } from '../crypto/envelope';
import { ORGANISATION_KIND, ORGANISATION_VERSION, OrganisationPayload } from '../domain/organisation';
import { PERSON_KIND, PERSON_VERSION, PersonPayload } from '../domain/person';
import type { z } from 'zod';
import { StoredAuditLog } from '../audit/stored-audit-log';
import { DataKeys } from '../repositories/data-keys';
import { ItemRepository, type ItemKindConfig } from '../repositories/item-repository';
import { SettingsRepository, type SettingKindConfig } from '../repositories/settings-repository';
import { SubjectRepository, type Decrypted } from '../repositories/subject-repository';
import type { RetainedPayload } from '../rights/erasure-model';
import { RETAINED_CONFIG } from '../rights/erasure-model';
import type { KluisDatabase } from '../store/database';
import type { KeyDoc } from '../store/schemas';
import { loadSigningPair, signerFrom, type DeviceSigner } from './device-signing';
import type { UnlockedKeys } from './keyring';

export type PeopleRepository = SubjectRepository<typeof PersonPayload>;
export type OrganisationRepository = SubjectRepository<typeof OrganisationPayload>;
export type Person = Decrypted<PersonPayload>;
export type Organisation = Decrypted<OrganisationPayload>;
export type RetainedRepository = SubjectRepository<typeof RetainedPayload>;

export class Session {
  readonly people: PeopleRepository;
  readonly organisations: OrganisationRepository;
  /** Pseudonymous subjects holding what an erasure kept under an Art. 17(3) exception (rights/erasure.ts). */
  readonly retained: RetainedRepository;
  private readonly dataKeys: DataKeys;
  /** The audit trail every feature writes to (views, changes, exports, bulk operations). */
  readonly audit: StoredAuditLog;
  private locked = false;
  private readonly itemRepositories = new Map<string, ItemRepository<never>>();
  private readonly settingRepositories = new Map<string, SettingsRepository<never>>();
  private readonly complianceRepositories = new Map<string, SettingsRepository<never>>();
  private readonly stopFollowingKeys: () => void;
  private signing: Promise<DeviceSigner> | null = null;
  private signingSecret: Uint8Array | null = null;

  constructor(
    readonly db: KluisDatabase,
    readonly cipher: EnvelopeCipher,
    private readonly keys: UnlockedKeys,
  ) {
    this.dataKeys = new DataKeys(db, cipher, keys.orgKey, keys.orgKeyId);
    this.audit = new StoredAuditLog(
      db,
      cipher,
      cipher.sodium,
      () => this.orgKey,
      keys.orgKeyId,
      () => this.deviceSigner(),
    );
    // An erasure that arrives by sync must also reach the keys held in memory.
    const pages = db.keys.$.subscribe((event) =>
      this.dataKeys.pageChanged(
        (event.documentData ?? event.previousDocumentData) as KeyDoc,
        event.operation === 'DELETE',
      ),
    );
    this.stopFollowingKeys = () => pages.unsubscribe();
    this.people = new SubjectRepository(db, cipher, this.dataKeys, {
      kind: PERSON_KIND,
      version: PERSON_VERSION,
      schema: PersonPayload,
    });
    this.organisations = new SubjectRepository(db, cipher, this.dataKeys, {
      kind: ORGANISATION_KIND,
      version: ORGANISATION_VERSION,
      schema: OrganisationPayload,
    });
    this.retained = new SubjectRepository(db, cipher, this.dataKeys, RETAINED_CONFIG);
  }

  /**
   * The repository of one kind of item about a subject (activities, deals, consent events...). Each feature
   * declares its kind config once, in shared/domain, and asks the session for it.
   */
  items<S extends z.ZodType<Record<string, unknown>>>(config: ItemKindConfig<S>): ItemRepository<S> {
    let repository = this.itemRepositories.get(config.kind) as ItemRepository<S> | undefined;
    if (!repository) {
      repository = new ItemRepository(this.db, this.cipher, this.dataKeys, config);
      this.itemRepositories.set(config.kind, repository as unknown as ItemRepository<never>);
    }
    return repository;
  }

  /** The repository of one kind of organisation setting (purposes register, pipeline stages...). */
  settings<S extends z.ZodType<Record<string, unknown>>>(
    config: SettingKindConfig<S>,
  ): SettingsRepository<S> {
    let repository = this.settingRepositories.get(config.kind) as SettingsRepository<S> | undefined;
    if (!repository) {
      repository = new SettingsRepository(
        this.db,
        this.cipher,
        () => this.orgKey,
        this.keys.orgKeyId,
        config,
      );
      this.settingRepositories.set(config.kind, repository as unknown as SettingsRepository<never>);
    }
    return repository;
  }

  /**
   * The repository of one kind of compliance file (request register, breach register, erasure
   * certificates, retention reviews): organisation-key encrypted, synced to admins only.
   */
  compliance<S extends z.ZodType<Record<string, unknown>>>(
    config: SettingKindConfig<S>,
  ): SettingsRepository<S> {
    let repository = this.complianceRepositories.get(config.kind) as SettingsRepository<S> | undefined;
    if (!repository) {
      repository = new SettingsRepository(
        this.db,
        this.cipher,
        () => this.orgKey,
        this.keys.orgKeyId,
        config,
        'compliance',
      );
      this.complianceRepositories.set(config.kind, repository as unknown as SettingsRepository<never>);
    }
    return repository;
  }

  /** This device's signing key (vault/device-signing.ts), loaded once per unlock. */
  deviceSigner(): Promise<DeviceSigner> {
    if (this.locked) return Promise.reject(new Error('The vault is locked'));
    this.signing ??= loadSigningPair(this.db, this.cipher, this.keys.userSecretKey).then((pair) => {
      this.signingSecret = pair.secretKey;
      return signerFrom(this.cipher.sodium, pair);
    });
    return this.signing;
  }

  get vaultId(): string {
    return this.keys.vaultId;
  }

  get isLocked(): boolean {
    return this.locked;
  }

  /** The organisation key encrypts device-local documents such as the list snapshot. */
  get orgKey(): Uint8Array {
    if (this.locked) throw new Error('The vault is locked');
    return this.keys.orgKey;
  }

  get orgKeyId(): string {
    return this.keys.orgKeyId;
  }

  /** A subject's data key, for sync's conflict merge; throws MissingKeyError when it is not here. */
  dataKey(subjectId: string, pageId: string): Promise<Uint8Array> {
    if (this.locked) throw new Error('The vault is locked');
    return this.dataKeys.get(subjectId, pageId);
  }

  /** Drops a subject's key from memory, e.g. after an erasure took its entry out of the key pages. */
  forgetDataKey(subjectId: string): void {
    this.dataKeys.forget(subjectId);
  }

  /** The user's secret key, for the OS keychain when the user asks to be remembered on this device. */
  exportUserSecretKey(): Uint8Array {
    if (this.locked) throw new Error('The vault is locked');
    return this.keys.userSecretKey.slice();
  }

  lock(): void {
    if (this.locked) return;
    this.locked = true;
    this.stopFollowingKeys();
    this.dataKeys.clear();
    wipe(this.keys.orgKey);
    wipe(this.keys.userSecretKey);
    wipe(this.signingSecret ?? undefined);
  }
}
