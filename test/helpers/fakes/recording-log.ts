import type { Log } from '../../../core/shared/log.port';

/** One recorded log call. */
export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  extra?: Record<string, unknown> | Error;
}

/** A Log that keeps every call, so tests can assert warnings without a logging library. */
export class RecordingLog implements Log {
  readonly entries: LogEntry[] = [];
  debug(message: string, extra?: Record<string, unknown>): void {
    this.entries.push({ level: 'debug', message, extra });
  }
  info(message: string, extra?: Record<string, unknown>): void {
    this.entries.push({ level: 'info', message, extra });
  }
  warn(message: string, extra?: Record<string, unknown> | Error): void {
    this.entries.push({ level: 'warn', message, extra });
  }
  error(message: string, extra?: Record<string, unknown> | Error): void {
    this.entries.push({ level: 'error', message, extra });
  }
  /** The entries of one level. */
  at(level: LogEntry['level']): LogEntry[] {
    return this.entries.filter((e) => e.level === level);
  }
}
