import { Logger } from '@aws-lambda-powertools/logger';

/** Powertools log levels, as the CLI and POWERTOOLS_LOG_LEVEL spell them. */
export type LogLevel = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT';

/**
 * One Powertools Logger per function, JSON only, `service` from POWERTOOLS_SERVICE_NAME (default
 * `aws-config-compliance`). Without `logLevel`, POWERTOOLS_LOG_LEVEL decides (default INFO).
 */
export const createLogger = (serviceName: string, logLevel?: LogLevel): Logger =>
  new Logger({ serviceName, ...(logLevel ? { logLevel } : {}) });
