// Small helpers every route uses: error bodies with codes, and the JSON body parser that refuses
// oversized, deeply nested and prototype-polluting input before any route sees it.
import type { FastifyReply } from 'fastify';
import { MAX_JSON_DEPTH, type ErrorBody, type ErrorCode } from '../shared/sync';

export class RequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
  ) {
    super(code);
  }
}

export const sendError = (
  reply: FastifyReply,
  status: number,
  code: ErrorCode,
  extra: Partial<ErrorBody> = {},
) => {
  // The code and status are logged; the request's content never is.
  reply.log.info({ status, error: code }, 'request refused');
  const body: ErrorBody = { ok: false, error: code, ...extra };
  return reply.code(status).send(body);
};

export const sendOk = <T>(reply: FastifyReply, value: T) => reply.send({ ok: true, value });

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Deepest nesting of arrays and objects in JSON text, without parsing it (strings are skipped). */
export const jsonDepth = (text: string): number => {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i += 1; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) max = Math.max(max, ++depth);
    else if (c === 125 || c === 93) depth -= 1;
  }
  return max;
};

const hasForbiddenKey = (value: unknown): boolean => {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some(hasForbiddenKey);
  return Object.keys(value).some(
    (key) => FORBIDDEN_KEYS.has(key) || hasForbiddenKey((value as Record<string, unknown>)[key]),
  );
};

/** Parses a request body, or throws a RequestError naming what is wrong with it. */
export const parseJsonBody = (text: string): unknown => {
  if (jsonDepth(text) > MAX_JSON_DEPTH) throw new RequestError(400, 'too-deep');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new RequestError(400, 'malformed-json');
  }
  if (hasForbiddenKey(value)) throw new RequestError(400, 'forbidden-key');
  return value;
};
