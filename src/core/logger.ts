/**
 * The SDK's logging: a level filter in front of the logger you give it (default `console`).
 *
 * - `error`: nothing yet; reserved for failures the caller cannot see.
 * - `warn` (default): settings that are probably mistakes, such as a key sent over plain http.
 * - `info`: each retry, with its reason.
 * - `debug`: each attempt: method, path, status, attempt number, request ID, duration.
 *
 * Request headers and bodies are never logged, and every line passes through the key's redaction
 * before it reaches the sink, so a server or proxy that echoes the key cannot put it in a log.
 */
import { redactText } from '../internal/redact.ts';

/** How much the SDK logs. */
export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug';

/** Where the SDK logs: `console`, pino, winston and most loggers fit. */
export interface Logger {
  /** A call failed for good (after its retries). */
  error(message: string, ...rest: unknown[]): void;
  /** Something worth a look: a retry, a deprecated option, a key sent over plain http. */
  warn(message: string, ...rest: unknown[]): void;
  /** One line per request and response. */
  info(message: string, ...rest: unknown[]): void;
  /** The details: headers and timings, the key redacted. */
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
  readonly #secret: string;
  constructor(sink: Logger, level: LogLevel, secret = '') {
    this.#sink = sink;
    this.level = level;
    this.#secret = secret;
  }

  /** The same logger, removing `secret` (the API key) from every line. */
  redacting(secret: string): LevelLogger {
    return new LevelLogger(this.#sink, this.level, secret);
  }

  /** True when messages of `level` are written: check before building an expensive message. */
  enabled(level: Exclude<LogLevel, 'off'>): boolean {
    return rank[this.level] >= rank[level];
  }

  error(message: string): void {
    if (this.enabled('error')) this.#sink.error(`[intentiq] ${redactText(message, this.#secret)}`);
  }
  warn(message: string): void {
    if (this.enabled('warn')) this.#sink.warn(`[intentiq] ${redactText(message, this.#secret)}`);
  }
  info(message: string): void {
    if (this.enabled('info')) this.#sink.info(`[intentiq] ${redactText(message, this.#secret)}`);
  }
  debug(message: string): void {
    if (this.enabled('debug')) this.#sink.debug(`[intentiq] ${redactText(message, this.#secret)}`);
  }
}
