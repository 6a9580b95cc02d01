import { describe, expect, it } from 'vitest';
import { jsonDepth, parseJsonBody, RequestError } from '../../../server/http';

const codeOf = (text: string) => {
  try {
    parseJsonBody(text);
    return 'parsed';
  } catch (error) {
    return error instanceof RequestError ? error.code : 'threw';
  }
};

describe('request bodies', () => {
  it('measures nesting without counting brackets inside strings', () => {
    expect(jsonDepth('{"a":[{"b":"[[[{{{"}]}')).toBe(3);
    expect(jsonDepth('"\\"[["')).toBe(0);
  });

  it('refuses deep nesting before parsing it', () => {
    expect(codeOf(`${'['.repeat(17)}${']'.repeat(17)}`)).toBe('too-deep');
    expect(codeOf(`${'['.repeat(16)}${']'.repeat(16)}`)).toBe('parsed');
  });

  it('refuses malformed JSON', () => {
    expect(codeOf('{"a":')).toBe('malformed-json');
  });

  it('refuses __proto__, constructor and prototype keys at any depth', () => {
    expect(codeOf('{"__proto__":{"x":1}}')).toBe('forbidden-key');
    expect(codeOf('[{"a":{"constructor":{}}}]')).toBe('forbidden-key');
    expect(codeOf('{"a":[{"prototype":1}]}')).toBe('forbidden-key');
    expect(codeOf('{"a":"__proto__"}')).toBe('parsed');
  });
});
