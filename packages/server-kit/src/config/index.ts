export {
  ConfigError,
  type ConfigField,
  type ConfigFieldType,
  type ConfigOf,
  type ConfigSchema,
  type LoadConfigOptions,
  loadConfig,
} from './load-config.js';
