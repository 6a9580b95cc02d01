// Every renderer unit test: the app's real English texts, and a clean document after each test.
import { cleanup } from '@testing-library/react';
import { afterEach, beforeAll } from 'vitest';
import { initI18n } from '../../../renderer/app/i18n';

// jsdom brings its own typed arrays while TextEncoder stays Node's, so its bytes fail libsodium's
// `instanceof Uint8Array` check; a browser has one realm, so encode into this one.
const NodeTextEncoder = globalThis.TextEncoder;
globalThis.TextEncoder = class extends NodeTextEncoder {
  override encode(input?: string): Uint8Array<ArrayBuffer> {
    return new Uint8Array(super.encode(input));
  }
};

beforeAll(async () => {
  await initI18n('en');
});

afterEach(() => {
  cleanup();
});
