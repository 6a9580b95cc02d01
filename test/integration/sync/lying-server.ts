// A man in the middle for the real client against the real server: every request passes through to the
// server, and chosen answers are rewritten on the way back, as a lying server (or anyone on a plain-HTTP
// link) could. It records what the client sent, so a test can show that nothing left the device.
import type { Fetch } from '../../../shared/sync';

export interface SentRequest {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
}

/** Rewrites the JSON answer to one path (`value` of an `{ok: true, value}` reply). */
export type Rewrite = (value: Record<string, unknown>) => Record<string, unknown>;

export interface LyingServer {
  readonly fetch: Fetch;
  readonly sent: SentRequest[];
  /** The paths (with their method) the client called, in order. */
  calls(): string[];
  /** Rewrites every later successful answer of `method path` (the path without its query). */
  lie(method: string, path: string, rewrite: Rewrite): void;
}

export const lyingServer = (): LyingServer => {
  const sent: SentRequest[] = [];
  const lies = new Map<string, Rewrite>();
  const proxy: Fetch = async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const method = (init?.method ?? 'GET').toUpperCase();
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    sent.push({ method, path: url.pathname, body });
    const response = await globalThis.fetch(input, init);
    const rewrite = lies.get(`${method} ${url.pathname}`);
    if (!rewrite || !response.ok) return response;
    const reply = (await response.json()) as { ok: boolean; value: Record<string, unknown> };
    const value = rewrite(structuredClone(reply.value));
    return new Response(JSON.stringify({ ...reply, value }), {
      status: response.status,
      headers: { 'content-type': 'application/json' },
    });
  };
  return {
    fetch: proxy,
    sent,
    calls: () => sent.map((r) => `${r.method} ${r.path}`),
    lie: (method, path, rewrite) => void lies.set(`${method} ${path}`, rewrite),
  };
};

/**
 * An event stream's answer with each event (its frame, up to and including the blank line after it) passed
 * through `rewrite` on the way back: what it returns goes on in the event's place, null drops the event.
 */
export const rewriteEvents = (response: Response, rewrite: (frame: string) => string | null): Response => {
  if (!response.body) return response;
  let buffer = '';
  const frames = new TransformStream<string, string>({
    transform(chunk, out) {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = rewrite(buffer.slice(0, end + 2));
        buffer = buffer.slice(end + 2);
        if (frame !== null) out.enqueue(frame);
      }
    },
  });
  const body = response.body
    .pipeThrough(new TextDecoderStream())
    .pipeThrough(frames)
    .pipeThrough(new TextEncoderStream());
  return new Response(body, { status: response.status, headers: response.headers });
};
