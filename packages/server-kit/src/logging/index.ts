export {
  createLogger,
  type Logger,
  type LoggerCreateOptions,
  PERSONAL_DATA_KEYS,
  personalDataRedactPaths,
} from './create-logger.js';
export { describeErrorForLog, type LoggedError } from './describe-error-for-log.js';
