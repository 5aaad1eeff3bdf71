/**
 * The SDK's logging: a level filter in front of the logger you give it (default `console`).
 *
 * - `error`: nothing yet; reserved for failures the caller cannot see.
 * - `warn` (default): settings that are probably mistakes, such as a key sent over plain http.
 * - `info`: each retry, with its reason.
 * - `debug`: each attempt: method, path, status, attempt number, request ID, duration.
 *
 * Request headers and bodies are never logged, so the key cannot end up in logs.
 */

/** How much the SDK logs. */
export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug';

/** Where the SDK logs: `console`, pino, winston and most loggers fit. */
export interface Logger {
  error(message: string, ...rest: unknown[]): void;
  warn(message: string, ...rest: unknown[]): void;
  info(message: string, ...rest: unknown[]): void;
  debug(message: string, ...rest: unknown[]): void;
}

const rank: Record<LogLevel, number> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };

export const LOG_LEVELS = Object.keys(rank) as LogLevel[];

export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === 'string' && Object.hasOwn(rank, value);
}

/** A logger with a level; methods below the level do nothing. */
export class LevelLogger {
  readonly level: LogLevel;
  readonly #sink: Logger;
  constructor(sink: Logger, level: LogLevel) {
    this.#sink = sink;
    this.level = level;
  }

  /** True when messages of `level` are written: check before building an expensive message. */
  enabled(level: Exclude<LogLevel, 'off'>): boolean {
    return rank[this.level] >= rank[level];
  }

  error(message: string): void {
    if (this.enabled('error')) this.#sink.error(`[intentiq] ${message}`);
  }
  warn(message: string): void {
    if (this.enabled('warn')) this.#sink.warn(`[intentiq] ${message}`);
  }
  info(message: string): void {
    if (this.enabled('info')) this.#sink.info(`[intentiq] ${message}`);
  }
  debug(message: string): void {
    if (this.enabled('debug')) this.#sink.debug(`[intentiq] ${message}`);
  }
}
