// Replaced at bundle time by scripts/build.mjs from package.json; the fallback serves tests run from source.
declare const __PERFGATE_VERSION__: string | undefined;
export const PERFGATE_VERSION: string = typeof __PERFGATE_VERSION__ === 'string' ? __PERFGATE_VERSION__ : '0.0.0-dev';
