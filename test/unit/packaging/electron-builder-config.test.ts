// The packaging configuration as electron-builder itself loads and validates it before it builds (its
// config loader, then its JSON-schema check against app-builder-lib/scheme.json), for a local build with
// nothing set and for signed release builds. Nothing is built: the Electron binary cannot be downloaded
// on these machines, so no installer, signature, notarisation or upload is tried here.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PackagingEnvError, packagingConfig, type BuildEnv } from '../../../electron-builder.config';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

// app-builder-lib is electron-builder's engine: found from electron-builder, as electron-builder finds it.
const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
const builderConfig = fromBuilder('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null): Promise<Record<string, unknown>>;
  validateConfiguration(config: unknown, debug: { isEnabled: boolean; add(): void }): Promise<void>;
};
const validate = (config: unknown) =>
  builderConfig.validateConfiguration(config, { isEnabled: false, add: () => undefined });

const LOCAL: BuildEnv = {};
const FEED = { KLUIS_UPDATE_URL: 'https://updates.example.nl/kluis/' };
const WINDOWS_PFX = {
  ...FEED,
  CSC_LINK: 'C:\\secrets\\kluis.pfx',
  CSC_KEY_PASSWORD: 'pfx-password-123',
  KLUIS_WIN_PUBLISHER_NAME: 'Bakkerij De Vries B.V.',
  KLUIS_REQUIRE_SIGNING: '1',
};
const WINDOWS_AZURE = {
  ...FEED,
  AZURE_TRUSTED_SIGNING_ENDPOINT: 'https://weu.codesigning.azure.net',
  AZURE_TRUSTED_SIGNING_ACCOUNT: 'kluis-signing',
  AZURE_TRUSTED_SIGNING_PROFILE: 'kluis-public',
  KLUIS_WIN_PUBLISHER_NAME: 'Bakkerij De Vries B.V.',
  AZURE_TENANT_ID: 'tenant',
  AZURE_CLIENT_ID: 'client',
  AZURE_CLIENT_SECRET: 'azure-secret-456',
};
const MAC_APPLE_ID = {
  ...FEED,
  CSC_LINK: '/secrets/developer-id.p12',
  CSC_KEY_PASSWORD: 'p12-password-789',
  APPLE_ID: 'it@example.nl',
  APPLE_APP_SPECIFIC_PASSWORD: 'abcd-efgh-ijkl-mnop',
  APPLE_TEAM_ID: 'TEAM123456',
};
const MAC_API_KEY = {
  CSC_NAME: 'Developer ID Application: Bakkerij De Vries B.V. (TEAM123456)',
  APPLE_API_KEY: '/secrets/AuthKey_ABC.p8',
  APPLE_API_KEY_ID: 'ABC',
  APPLE_API_ISSUER: 'issuer-uuid',
};

const SECRETS = [
  'pfx-password-123',
  'azure-secret-456',
  'p12-password-789',
  'abcd-efgh-ijkl-mnop',
  'issuer-uuid',
];

describe('the packaging configuration', () => {
  it.each([
    ['a local build with nothing set', LOCAL],
    ['a Windows release signed with a certificate file', WINDOWS_PFX],
    ['a Windows release signed by Azure Trusted Signing', WINDOWS_AZURE],
    ['a macOS release notarised with an Apple ID', MAC_APPLE_ID],
    ['a macOS release notarised with an API key', MAC_API_KEY],
  ])('passes electron-builder’s schema for %s', async (_name, env) => {
    await expect(validate(packagingConfig(env))).resolves.toBeUndefined();
  });

  it('is the file electron-builder loads, and what it loads passes its schema', async () => {
    const loaded = await builderConfig.getConfig(ROOT, 'electron-builder.config.ts');
    expect(loaded).toMatchObject({ appId: 'nl.kluis.app', productName: 'Kluis' });
    await expect(validate(loaded)).resolves.toBeUndefined();
  });

  it('fails electron-builder’s schema for a misspelt option, so the check is not a formality', async () => {
    const config = packagingConfig(LOCAL);
    await expect(validate({ ...config, mac: { ...config.mac, notarise: true } })).rejects.toThrow(
      /does not match the API schema[\s\S]*configuration\.mac/,
    );
  });

  it('builds every installer for x64 and arm64, and the zip the macOS updater needs', () => {
    const config = packagingConfig(LOCAL);
    const targets = [config.win, config.mac, config.linux].flatMap(
      (platform) => (platform?.target ?? []) as { target: string; arch: string[] }[],
    );
    expect(targets.map((t) => t.target)).toEqual(['nsis', 'dmg', 'zip', 'AppImage', 'deb']);
    for (const target of targets) expect(target.arch).toEqual(['x64', 'arm64']);
  });

  it('without any environment: unsigned, ad-hoc on macOS, not notarised, no update feed', () => {
    const config = packagingConfig(LOCAL);
    expect(config.publish).toBeNull();
    expect(config.forceCodeSigning).toBe(false);
    expect(config.mac).toMatchObject({ identity: '-', hardenedRuntime: false, notarize: false });
    expect(config.win).not.toHaveProperty('azureSignOptions');
    expect(config.win).not.toHaveProperty('signtoolOptions');
  });

  it('a feed from KLUIS_UPDATE_URL becomes the generic provider the updater reads', () => {
    expect(packagingConfig(FEED).publish).toEqual([
      { provider: 'generic', url: 'https://updates.example.nl/kluis/' },
    ]);
    expect(() => packagingConfig({ KLUIS_UPDATE_URL: 'http://updates.example.nl/' })).toThrow(
      PackagingEnvError,
    );
  });

  it('signs Windows with the certificate file and names its publisher for the updater’s check', () => {
    const config = packagingConfig(WINDOWS_PFX);
    expect(config.forceCodeSigning).toBe(true);
    expect(config.win).toMatchObject({ signtoolOptions: { publisherName: ['Bakkerij De Vries B.V.'] } });
  });

  it('signs Windows through Azure Trusted Signing when its account is given', () => {
    expect(packagingConfig(WINDOWS_AZURE).win).toMatchObject({
      azureSignOptions: {
        endpoint: 'https://weu.codesigning.azure.net',
        codeSigningAccountName: 'kluis-signing',
        certificateProfileName: 'kluis-public',
        publisherName: 'Bakkerij De Vries B.V.',
      },
    });
  });

  it('signs macOS with the hardened runtime and its entitlements, and notarises', () => {
    for (const env of [MAC_APPLE_ID, MAC_API_KEY]) {
      const mac = packagingConfig(env).mac;
      expect(mac).toMatchObject({
        hardenedRuntime: true,
        entitlements: 'build/entitlements.mac.plist',
        notarize: true,
      });
      expect(mac).not.toHaveProperty('identity');
    }
    expect(packagingConfig({ CSC_NAME: 'Developer ID Application: X' }).mac).toMatchObject({
      notarize: false,
      hardenedRuntime: true,
    });
  });

  it('never puts a password, key or secret from the environment into the configuration', () => {
    for (const env of [WINDOWS_PFX, WINDOWS_AZURE, MAC_APPLE_ID, MAC_API_KEY]) {
      const text = JSON.stringify(packagingConfig(env));
      for (const secret of SECRETS) expect(text).not.toContain(secret);
    }
  });

  it.each([
    ['an Apple ID without its team', { ...MAC_APPLE_ID, APPLE_TEAM_ID: '' }, /APPLE_TEAM_ID/],
    ['an API key without its issuer', { ...MAC_API_KEY, APPLE_API_ISSUER: undefined }, /APPLE_API_ISSUER/],
    [
      'notarisation without a Developer ID',
      { ...MAC_APPLE_ID, CSC_LINK: '', CSC_KEY_PASSWORD: '' },
      /CSC_NAME/,
    ],
    ['a certificate file without its password', { CSC_LINK: '/secrets/x.p12' }, /CSC_KEY_PASSWORD/],
    [
      'Azure Trusted Signing without its publisher',
      { ...WINDOWS_AZURE, KLUIS_WIN_PUBLISHER_NAME: '' },
      /KLUIS_WIN_PUBLISHER_NAME/,
    ],
    [
      'Azure Trusted Signing without credentials',
      { ...WINDOWS_AZURE, AZURE_CLIENT_SECRET: undefined },
      /AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH/,
    ],
  ])('stops before building for %s, naming the missing variable and no value', (_name, env, missing) => {
    let error: unknown;
    try {
      packagingConfig(env);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(PackagingEnvError);
    expect((error as Error).message).toMatch(missing);
    for (const secret of SECRETS) expect((error as Error).message).not.toContain(secret);
  });
});
