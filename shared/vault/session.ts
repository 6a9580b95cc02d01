// An unlocked vault: the keys in memory and the repositories that use them. Locking wipes the keys;
// nothing personal stays readable after that.
import { wipe } from '../crypto';
import type { EnvelopeCipher } from '../crypto';
import { ORGANISATION_KIND, ORGANISATION_VERSION, OrganisationPayload } from '../organisations';
import { PERSON_KIND, PERSON_VERSION, PersonPayload } from '../people';
import type { z } from 'zod';
import { StoredAuditLog } from '../audit';
import { DataKeys } from '../store';
import { ItemRepository, type ItemKindConfig } from '../store';
import { SettingsRepository, type OrganisationCollection, type SettingKindConfig } from '../store';
import { SubjectRepository, type Decrypted, type SubjectKindConfig } from '../store';
import type { KluisDatabase } from '../store';
import type { KeyDoc } from '../store';
import { loadSigningPair } from './device-signing';
import { signerFrom, type DeviceSigner } from '../crypto';
import type { UnlockedKeys } from './keyring';
import { loadPageKeys, storePageKeys, wipeRing } from './page-keys';
import { loadTerritoryKeys, storeTerritoryKeys } from './territory-keys';
import { type PageKey, type PageKeyRing } from '../store';
import { sealedKind } from '../store';
import { eachChange } from '../store';

export type PeopleRepository = SubjectRepository<typeof PersonPayload>;
export type OrganisationRepository = SubjectRepository<typeof OrganisationPayload>;
export type Person = Decrypted<PersonPayload>;
export type Organisation = Decrypted<OrganisationPayload>;

export class Session {
  readonly people: PeopleRepository;
  readonly organisations: OrganisationRepository;
  private readonly dataKeys: DataKeys;
  /** The audit trail every feature writes to (views, changes, exports, bulk operations). */
  readonly audit: StoredAuditLog;
  private locked = false;
  /** One repository per collection and kind, made on first use. */
  private readonly repositories = new Map<string, unknown>();
  private readonly stopFollowingKeys: () => void;
  private signing: Promise<DeviceSigner> | null = null;
  private signingSecret: Uint8Array | null = null;
  /** The page keys (vault/page-keys.ts); for a vault from before page keys, the organisation key. */
  private ring: PageKeyRing;
  /** The territory keys this device holds, by key id (vault/territory-keys.ts, shared/territories). */
  private territory = new Map<string, Uint8Array>();

  /** Opens a session with the page keys and territory keys this vault keeps. */
  static async open(db: KluisDatabase, cipher: EnvelopeCipher, keys: UnlockedKeys): Promise<Session> {
    const ring = await loadPageKeys(db, cipher.sodium, keys.userPublicKey, keys.userSecretKey);
    const session = new Session(db, cipher, keys, ring);
    session.territory = await loadTerritoryKeys(db, cipher.sodium, keys.userPublicKey, keys.userSecretKey);
    return session;
  }

  /** `pageKeys` null: a vault from before page keys, whose pages the organisation key wraps. */
  constructor(
    readonly db: KluisDatabase,
    readonly cipher: EnvelopeCipher,
    private readonly keys: UnlockedKeys,
    pageKeys: PageKeyRing | null,
  ) {
    this.ring = pageKeys ?? { current: { id: keys.orgKeyId, key: keys.orgKey }, older: [] };
    this.dataKeys = new DataKeys(
      db,
      cipher,
      () => this.pageKeys,
      () => this.territoryKeys,
    );
    this.audit = new StoredAuditLog(
      db,
      cipher,
      cipher.sodium,
      () => this.orgKey,
      keys.orgKeyId,
      () => this.deviceSigner(),
    );
    // An erasure that arrives by sync must also reach the keys held in memory.
    const pages = eachChange(db.keys, (event) =>
      this.dataKeys.pageChanged(
        (event.documentData ?? event.previousDocumentData) as KeyDoc,
        event.operation === 'DELETE',
      ),
    );
    this.stopFollowingKeys = () => pages.unsubscribe();
    this.people = new SubjectRepository(
      db,
      cipher,
      this.dataKeys,
      sealedKind(PERSON_KIND, PersonPayload, PERSON_VERSION),
    );
    this.organisations = new SubjectRepository(
      db,
      cipher,
      this.dataKeys,
      sealedKind(ORGANISATION_KIND, OrganisationPayload, ORGANISATION_VERSION),
    );
  }

  private repository<R>(collection: string, kind: string, make: () => R): R {
    const key = `${collection}:${kind}`;
    let repository = this.repositories.get(key) as R | undefined;
    if (!repository) {
      repository = make();
      this.repositories.set(key, repository);
    }
    return repository;
  }

  /**
   * The repository of another kind of subject record, declared by the folder that owns it (for example
   * the pseudonymous subjects an erasure keeps, shared/erasure). People and organisations have their own.
   */
  subjects<S extends z.ZodType<Record<string, unknown>>>(config: SubjectKindConfig<S>): SubjectRepository<S> {
    return this.repository(
      'records',
      config.kind,
      () => new SubjectRepository(this.db, this.cipher, this.dataKeys, config),
    );
  }

  /**
   * The repository of one kind of item about a subject (activities, deals, consent events...). Each feature
   * declares its kind config once, in its feature folder (shared/deals, shared/cases...), and asks the session for it.
   */
  items<S extends z.ZodType<Record<string, unknown>>>(config: ItemKindConfig<S>): ItemRepository<S> {
    return this.repository(
      'items',
      config.kind,
      () => new ItemRepository(this.db, this.cipher, this.dataKeys, config),
    );
  }

  /** The repository of one kind of organisation setting (purposes register, pipeline stages...). */
  settings<S extends z.ZodType<Record<string, unknown>>>(
    config: SettingKindConfig<S>,
  ): SettingsRepository<S> {
    return this.organisationFiles('settings', config);
  }

  /**
   * The repository of one kind of compliance file (request register, breach register, erasure
   * certificates, retention reviews): organisation-key encrypted, synced to admins only.
   */
  compliance<S extends z.ZodType<Record<string, unknown>>>(
    config: SettingKindConfig<S>,
  ): SettingsRepository<S> {
    return this.organisationFiles('compliance', config);
  }

  /** Settings and compliance files are both sealed with the organisation key; they differ in collection. */
  private organisationFiles<S extends z.ZodType<Record<string, unknown>>>(
    collection: OrganisationCollection,
    config: SettingKindConfig<S>,
  ): SettingsRepository<S> {
    return this.repository(
      collection,
      config.kind,
      () =>
        new SettingsRepository(
          this.db,
          this.cipher,
          () => this.orgKey,
          this.keys.orgKeyId,
          config,
          collection,
        ),
    );
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

  /** The page keys this device holds now: the current epoch's and, during a rotation, older ones. */
  get pageKeys(): PageKeyRing {
    if (this.locked) throw new Error('The vault is locked');
    return this.ring;
  }

  /** The current page key to hand to newcomers; null while the organisation key wraps the pages. */
  get epochPageKey(): PageKey | null {
    const { current } = this.pageKeys;
    return current.key === this.keys.orgKey ? null : current;
  }

  /** The user's public key (for the page-key grants sealed to this user). */
  get userPublicKey(): Uint8Array {
    return this.keys.userPublicKey;
  }

  /**
   * Makes `ring` this device's page keys, stored before they are used. Keys left out of it are destroyed:
   * wiped from memory and gone from the stored ring (the organisation key itself, which wrapped the pages
   * of an organisation from before page keys, stays: it encrypts settings and the audit trail too).
   */
  async adoptPageKeys(ring: PageKeyRing): Promise<void> {
    if (this.locked) throw new Error('The vault is locked');
    await storePageKeys(this.db, this.cipher.sodium, this.keys.userPublicKey, ring);
    const kept = new Set([ring.current, ...ring.older].map((k) => k.key));
    const before = [this.ring.current, ...this.ring.older];
    this.ring = ring;
    for (const key of before) {
      if (!kept.has(key.key) && key.key !== this.keys.orgKey) wipe(key.key);
    }
  }

  /** The territory keys this device holds, by key id (`t<tag>:<epoch>`). */
  get territoryKeys(): ReadonlyMap<string, Uint8Array> {
    if (this.locked) throw new Error('The vault is locked');
    return this.territory;
  }

  /** Makes `keys` this device's territory keys, stored first; a territory left out is gone from here. */
  async adoptTerritoryKeys(keys: ReadonlyMap<string, Uint8Array>): Promise<void> {
    if (this.locked) throw new Error('The vault is locked');
    await storeTerritoryKeys(this.db, this.cipher.sodium, this.keys.userPublicKey, keys);
    const before = this.territory;
    this.territory = new Map(keys);
    for (const [keyId, key] of before) if (keys.get(keyId) !== key) wipe(key);
  }

  /** Where new subjects' keys go (DataKeys.placeNewPages): a territory's pages, or null for the default. */
  placeNewSubjects(home: { newPageId: () => string; keyId: string } | null): void {
    this.dataKeys.placeNewPages(home);
  }

  /** A territory page holding these subjects' data keys (DataKeys.territoryPage); the caller writes it. */
  territoryPage(keys: ReadonlyMap<string, Uint8Array>, target: { pageId: string; keyId: string }): KeyDoc {
    if (this.locked) throw new Error('The vault is locked');
    return this.dataKeys.territoryPage(keys, target);
  }

  /** Re-wraps the key pages still under older page keys (DataKeys.rewrapPages). */
  rewrapPages(options: Parameters<DataKeys['rewrapPages']>[0]): ReturnType<DataKeys['rewrapPages']> {
    if (this.locked) throw new Error('The vault is locked');
    return this.dataKeys.rewrapPages(options);
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
    if (this.ring.current.key !== this.keys.orgKey) wipeRing(this.ring);
    else for (const key of this.ring.older) wipe(key.key);
    for (const key of this.territory.values()) wipe(key);
    wipe(this.keys.orgKey);
    wipe(this.keys.userSecretKey);
    wipe(this.signingSecret ?? undefined);
  }
}
