export type { Config } from './config.js';
export { loadConfig, parseConfig, type ConfigOverrides } from './load-config.js';
export type { CompareSettings, LoadSettings, RedactionSettings } from './schema.js';
