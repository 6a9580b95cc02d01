// What the three repositories (subjects, items about them, organisation settings) share: a kind of sealed
// record with its schema and version. Every payload is validated before it is sealed, and opened,
// upgraded by the kind's migrations and validated again on the way out. What differs between them is the
// key (a subject's data key or the organisation key), the collection and the address that binds a payload
// to its document.
import type { z } from 'zod';
import type { EnvelopeAddress, EnvelopeCipher } from '../crypto';
import { NotFoundError, toFieldIssues, ValidationError } from './errors';
import { migratePayload } from './migrations';

/** One kind of sealed record: its name, its payload version and the schema of that version. */
export interface SealedKindConfig<S extends z.ZodType> {
  readonly kind: string;
  readonly version: number;
  readonly schema: S;
}

/**
 * Declares a kind of sealed record once, in the folder that owns it: its name, its schema and the payload
 * version that schema describes (1 until a migration raises it).
 */
export const sealedKind = <K extends string, S extends z.ZodType>(
  kind: K,
  schema: S,
  version = 1,
): SealedKindConfig<S> & { readonly kind: K } => ({ kind, version, schema });

/** The envelope fields every sealed document carries besides its ids. */
export interface SealedFields {
  readonly kind: string;
  readonly v: number;
  readonly payload: string;
}

/** The part of an RxDB collection a lookup by id needs. */
interface FindsById<D> {
  findOne(id: string): { exec(): Promise<D | null> };
}

export abstract class SealedRecords<S extends z.ZodType<Record<string, unknown>>> {
  constructor(
    protected readonly cipher: EnvelopeCipher,
    protected readonly config: SealedKindConfig<S>,
  ) {}

  get kind(): string {
    return this.config.kind;
  }

  /** Validates without storing; throws ValidationError naming each bad field. */
  validate(input: z.input<S>): z.output<S> {
    const parsed = this.config.schema.safeParse(input);
    if (!parsed.success) throw new ValidationError(this.config.kind, toFieldIssues(parsed.error));
    return parsed.data;
  }

  /** Seals validated data for one document: the fields it stores besides its ids and time. */
  protected sealFields(data: unknown, key: Uint8Array, address: EnvelopeAddress): SealedFields {
    return {
      kind: this.config.kind,
      v: this.config.version,
      payload: this.cipher.sealJson(data, key, address),
    };
  }

  /** Opens a document's payload, upgrades it to this version and validates it. */
  protected openFields(doc: SealedFields, key: Uint8Array, address: EnvelopeAddress): z.output<S> {
    const raw = this.cipher.openJson(doc.payload, key, address);
    const upgraded = migratePayload(doc.kind, doc.v, this.config.version, raw as Record<string, unknown>);
    const parsed = this.config.schema.safeParse(upgraded);
    if (!parsed.success) throw new ValidationError(doc.kind, toFieldIssues(parsed.error));
    return parsed.data;
  }

  /** The stored document with that id if it is of this kind; NotFoundError (naming `shownId`) if not. */
  protected async findOwn<D extends { readonly kind: string }>(
    collection: FindsById<D>,
    id: string,
    shownId = id,
  ): Promise<D> {
    const doc = await collection.findOne(id).exec();
    if (!doc || doc.kind !== this.config.kind) throw new NotFoundError(this.config.kind, shownId);
    return doc;
  }
}
