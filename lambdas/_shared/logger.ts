import { Logger } from '@aws-lambda-powertools/logger';
import type { Log } from '../../core/shared/log.port';

/** Powertools log levels, as the CLI and POWERTOOLS_LOG_LEVEL spell them. */
export type LogLevel = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT';

/**
 * One Powertools Logger per function, JSON only, `service` from POWERTOOLS_SERVICE_NAME (default
 * `aws-config-compliance`). Without `logLevel`, POWERTOOLS_LOG_LEVEL decides (default INFO).
 */
export const createLogger = (serviceName: string, logLevel?: LogLevel): Logger =>
  new Logger({ serviceName, ...(logLevel ? { logLevel } : {}) });

/** Adapts the Powertools Logger to core's small {@link Log} interface (its variadic signature differs). */
export const toLog = (logger: Logger): Log => ({
  debug: (message, extra) => (extra === undefined ? logger.debug(message) : logger.debug(message, extra as never)),
  info: (message, extra) => (extra === undefined ? logger.info(message) : logger.info(message, extra as never)),
  warn: (message, extra) => (extra === undefined ? logger.warn(message) : logger.warn(message, extra as never)),
  error: (message, extra) => (extra === undefined ? logger.error(message) : logger.error(message, extra as never)),
});
