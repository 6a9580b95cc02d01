// Packaging for the Kluis desktop shell (npm run dist). Signing, notarisation and the update feed come from
// the environment of the machine that builds, never from this repository; with none of it set, the same
// configuration builds unsigned installers without an update feed, for trying Kluis out. Validated against
// electron-builder's own schema by test/unit/packaging/electron-builder-config.test.ts; not run on the
// build machines, which cannot download the Electron binary (ARCHITECTURE.md).
import type { Configuration } from 'electron-builder';

export type BuildEnv = Readonly<Record<string, string | undefined>>;

/** A half-given set of credentials: named by variable, never by value. */
export class PackagingEnvError extends Error {
  override name = 'PackagingEnvError';
}

const ARCHES: ('x64' | 'arm64')[] = ['x64', 'arm64'];
const forBothArches = (target: string) => ({ target, arch: [...ARCHES] });

const given = (env: BuildEnv, name: string): boolean => (env[name] ?? '').trim() !== '';

/** All of `names` or none; a half-given set fails the build before it starts instead of after. */
const completeSet = (env: BuildEnv, what: string, names: readonly string[]): boolean => {
  const missing = names.filter((name) => !given(env, name));
  if (missing.length === names.length) return false;
  if (missing.length > 0) throw new PackagingEnvError(`${what}: also set ${missing.join(', ')}`);
  return true;
};

/** KLUIS_UPDATE_URL: the https folder the installers and latest*.yml are uploaded to. */
export const updateFeedUrl = (env: BuildEnv): string | null => {
  if (!given(env, 'KLUIS_UPDATE_URL')) return null;
  const text = env.KLUIS_UPDATE_URL!.trim();
  let url: URL | null = null;
  try {
    url = new URL(text);
  } catch {
    // reported below
  }
  if (!url || url.protocol !== 'https:' || url.username || url.password) {
    throw new PackagingEnvError('KLUIS_UPDATE_URL must be an https URL without credentials');
  }
  return url.href;
};

export type WindowsSigning =
  | { readonly kind: 'none' }
  /** CSC_LINK/CSC_KEY_PASSWORD (or WIN_CSC_*): electron-builder reads them itself. */
  | { readonly kind: 'certificate'; readonly publisherName: string | null }
  | {
      readonly kind: 'azure';
      readonly endpoint: string;
      readonly account: string;
      readonly profile: string;
      readonly publisherName: string;
    };

const AZURE = [
  'AZURE_TRUSTED_SIGNING_ENDPOINT',
  'AZURE_TRUSTED_SIGNING_ACCOUNT',
  'AZURE_TRUSTED_SIGNING_PROFILE',
];

export const windowsSigning = (env: BuildEnv): WindowsSigning => {
  if (AZURE.some((name) => given(env, name))) {
    completeSet(env, 'Azure Trusted Signing', [...AZURE, 'KLUIS_WIN_PUBLISHER_NAME']);
    // Azure's own tooling signs in with these (Microsoft Entra ID); a secret or a certificate will do.
    completeSet(env, 'Azure Trusted Signing', ['AZURE_TENANT_ID', 'AZURE_CLIENT_ID']);
    if (!given(env, 'AZURE_CLIENT_SECRET') && !given(env, 'AZURE_CLIENT_CERTIFICATE_PATH')) {
      throw new PackagingEnvError(
        'Azure Trusted Signing: also set AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH',
      );
    }
    return {
      kind: 'azure',
      endpoint: env.AZURE_TRUSTED_SIGNING_ENDPOINT!.trim(),
      account: env.AZURE_TRUSTED_SIGNING_ACCOUNT!.trim(),
      profile: env.AZURE_TRUSTED_SIGNING_PROFILE!.trim(),
      publisherName: env.KLUIS_WIN_PUBLISHER_NAME!.trim(),
    };
  }
  const link = given(env, 'WIN_CSC_LINK') ? 'WIN_CSC_LINK' : given(env, 'CSC_LINK') ? 'CSC_LINK' : null;
  if (link === null) return { kind: 'none' };
  const password = link === 'WIN_CSC_LINK' ? 'WIN_CSC_KEY_PASSWORD' : 'CSC_KEY_PASSWORD';
  completeSet(env, 'Windows code signing', [link, password]);
  return {
    kind: 'certificate',
    publisherName: given(env, 'KLUIS_WIN_PUBLISHER_NAME') ? env.KLUIS_WIN_PUBLISHER_NAME!.trim() : null,
  };
};

export interface MacSigning {
  /** A Developer ID from CSC_LINK (with CSC_KEY_PASSWORD) or CSC_NAME; otherwise ad-hoc signed. */
  readonly signed: boolean;
  /** Apple ID, App Store Connect API key or keychain profile; electron-builder reads them itself. */
  readonly notarize: boolean;
}

export const macSigning = (env: BuildEnv): MacSigning => {
  const fromFile = completeSet(env, 'macOS code signing', ['CSC_LINK', 'CSC_KEY_PASSWORD']);
  const signed = fromFile || given(env, 'CSC_NAME');
  const appleId = completeSet(env, 'Notarisation with an Apple ID', [
    'APPLE_ID',
    'APPLE_APP_SPECIFIC_PASSWORD',
    'APPLE_TEAM_ID',
  ]);
  const apiKey = completeSet(env, 'Notarisation with an API key', [
    'APPLE_API_KEY',
    'APPLE_API_KEY_ID',
    'APPLE_API_ISSUER',
  ]);
  const profile = given(env, 'APPLE_KEYCHAIN_PROFILE');
  const notarize = appleId || apiKey || profile;
  if (notarize && !signed) {
    throw new PackagingEnvError(
      'Notarisation needs a Developer ID: also set CSC_LINK and CSC_KEY_PASSWORD, or CSC_NAME',
    );
  }
  return { signed, notarize };
};

const windowsOptions = (signing: WindowsSigning): Configuration['win'] => ({
  target: [forBothArches('nsis')],
  icon: 'build/icon.png',
  ...(signing.kind === 'azure'
    ? {
        azureSignOptions: {
          endpoint: signing.endpoint,
          codeSigningAccountName: signing.account,
          certificateProfileName: signing.profile,
          publisherName: signing.publisherName,
        },
      }
    : {}),
  // The updater checks a downloaded installer is signed by this publisher before it runs it.
  ...(signing.kind === 'certificate' && signing.publisherName
    ? { signtoolOptions: { publisherName: [signing.publisherName] } }
    : {}),
});

const macOptions = (signing: MacSigning): Configuration['mac'] => ({
  // The zip is what electron-updater downloads on macOS; the dmg is for the first install.
  target: [forBothArches('dmg'), forBothArches('zip')],
  icon: 'build/icon.png',
  category: 'public.app-category.business',
  ...(signing.signed
    ? {
        hardenedRuntime: true,
        entitlements: 'build/entitlements.mac.plist',
        entitlementsInherit: 'build/entitlements.mac.plist',
      }
    : // Ad-hoc: runs on the Mac that built it (Apple silicon refuses unsigned code), opens nowhere else
      // without a warning, and cannot update itself. The hardened runtime needs a real identity.
      { identity: '-', hardenedRuntime: false }),
  gatekeeperAssess: false,
  notarize: signing.notarize,
});

/** The whole configuration for the given environment. */
export const packagingConfig = (env: BuildEnv): Configuration => {
  const feed = updateFeedUrl(env);
  return {
    appId: 'nl.kluis.app',
    productName: 'Kluis',
    copyright: 'Copyright © Kluis',
    directories: { output: 'release', buildResources: 'build' },
    // Only the two bundles and the renderer build; source maps stay out of the package.
    files: ['dist/renderer/**/*', 'dist-electron/**/*', 'package.json', '!**/*.map'],
    asar: true,
    // Everything is bundled (electron-updater too), so no node_modules are copied or rebuilt.
    beforeBuild: './build/before-build.mjs',
    // With a feed, electron-builder writes app-update.yml into the app and latest*.yml beside the
    // installers; uploading release/ to the feed is left to whoever builds (npm run dist never publishes).
    publish: feed ? [{ provider: 'generic', url: feed }] : null,
    // KLUIS_REQUIRE_SIGNING=1 for a release: fail rather than ship an unsigned Windows or macOS build.
    forceCodeSigning: env.KLUIS_REQUIRE_SIGNING === '1',
    // Flipped in the packaged Electron binary: no ELECTRON_RUN_AS_NODE, NODE_OPTIONS or --inspect
    // backdoors, code only from the (integrity-checked) asar, no extra file:// privileges, cookies
    // encrypted at rest.
    electronFuses: {
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    },
    linux: {
      target: [forBothArches('AppImage'), forBothArches('deb')],
      icon: 'build/icon.png',
      category: 'Office',
      executableName: 'kluis',
      synopsis: 'Encrypted, offline-first CRM for personal data under the GDPR',
      maintainer: 'Kluis',
    },
    win: windowsOptions(windowsSigning(env)),
    nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
    mac: macOptions(macSigning(env)),
  };
};

// electron-builder calls a default-exported function, so the environment is read when it builds.
export default (): Configuration => packagingConfig(process.env);
