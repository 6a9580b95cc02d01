// Reads the server's Server-Sent Events stream (GET /sync/stream): a `checkpoint` event after every
// accepted write, and `refused` when the server turns the device away (revoked, removed).
import type { ErrorCode } from './protocol';

export interface StreamHandlers {
  readonly checkpoint: () => void;
  readonly refused: (reply: { error?: ErrorCode; wipe?: boolean }) => void;
}

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
      if (type === 'checkpoint') on.checkpoint();
      if (type === 'refused') {
        const data = /^data: (.*)$/m.exec(event)?.[1];
        on.refused(data ? (JSON.parse(data) as { error?: ErrorCode; wipe?: boolean }) : {});
        return true;
      }
    }
  }
};
