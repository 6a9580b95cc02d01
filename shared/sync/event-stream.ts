// Reads the server's Server-Sent Events stream (GET /sync/stream): a `checkpoint` event after every
// accepted write, and `refused` when the server turns the device away (revoked, removed). A stream opened
// with `?documents=1` carries small pushes' documents in the event (protocol.ts, StreamEvent);
// CarriedEvents decides when they can stand in for a pull.
import {
  parseStreamEvent,
  type CarriedEvent,
  type ErrorCode,
  type StreamEvent,
  type SyncDocument,
} from './protocol';

export interface StreamHandlers {
  /** Every event; `event` says where the organisation is and, when carried, what was written. */
  readonly checkpoint: (event: StreamEvent) => void;
  readonly refused: (reply: { error?: ErrorCode; wipe?: boolean }) => void;
}

const parseData = (event: string): unknown => {
  const data = /^data: (.*)$/m.exec(event)?.[1];
  if (data === undefined) return undefined;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return undefined;
  }
};

/** Reads events until the stream ends (false) or the server refuses the device (true). */
export const readServerEvents = async (
  body: ReadableStream<Uint8Array>,
  on: StreamHandlers,
): Promise<boolean> => {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return false;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const event = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const type = /^event: (\S+)$/m.exec(event)?.[1];
      if (type === 'checkpoint') on.checkpoint(parseStreamEvent(parseData(event)));
      if (type === 'refused') {
        const data = parseData(event);
        on.refused(typeof data === 'object' && data ? (data as { error?: ErrorCode; wipe?: boolean }) : {});
        return true;
      }
    }
  }
};

export const isCarried = (event: StreamEvent): event is CarriedEvent =>
  event.documents !== undefined && event.collection !== undefined && event.previous !== undefined;

/**
 * Carried events of one collection, kept until the device's checkpoint reaches them. `take(checkpoint)`
 * answers the documents that continue exactly from that checkpoint — what a pull from it would answer —
 * or undefined when none do (a missed event, or a write announced only): then the device pulls.
 */
export class CarriedEvents {
  private events: CarriedEvent[] = [];

  add(event: CarriedEvent): void {
    this.events.push(event);
    // A device that never takes (always pulling) keeps only the latest few.
    if (this.events.length > 1000) this.events.splice(0, this.events.length - 1000);
  }

  /** Events not yet covered by a checkpoint. */
  get size(): number {
    return this.events.length;
  }

  take(checkpoint: number): { documents: SyncDocument[]; checkpoint: number } | undefined {
    this.events = this.events.filter((event) => event.checkpoint > checkpoint);
    const documents: SyncDocument[] = [];
    let at = checkpoint;
    let next: CarriedEvent | undefined;
    while ((next = this.events[0]) && next.previous === at) {
      documents.push(...next.documents);
      at = next.checkpoint;
      this.events.shift();
    }
    return documents.length ? { documents, checkpoint: at } : undefined;
  }

  clear(): void {
    this.events = [];
  }
}
