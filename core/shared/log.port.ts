/**
 * The small logging interface `core` depends on. The Powertools `Logger` satisfies it in Lambda and in the CLI;
 * tests use {@link silentLog} or a recording fake. Context goes in keys, never in the message.
 */
export interface Log {
  debug(message: string, extra?: Record<string, unknown>): void;
  info(message: string, extra?: Record<string, unknown>): void;
  warn(message: string, extra?: Record<string, unknown> | Error): void;
  error(message: string, extra?: Record<string, unknown> | Error): void;
}

/** A Log that drops everything. */
export const silentLog: Log = { debug() {}, info() {}, warn() {}, error() {} };
