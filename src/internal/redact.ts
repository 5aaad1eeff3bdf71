/**
 * Keeps the API key out of everything an error carries. The API never echoes credentials, but
 * proxies, custom `fetch` functions and network stacks may: whatever text reaches an error passes
 * through here first.
 */

/** The part of a key that is safe to show: its mode prefix. */
export function keyPrefix(key: string): string {
  return key.startsWith('iiq_live_') ? 'iiq_live_' : key.startsWith('iiq_test_') ? 'iiq_test_' : '';
}

/** Replaces every occurrence of `key` in `text` with its prefix and an ellipsis. */
export function redactText(text: string, key: string): string {
  if (key === '' || !text.includes(key)) return text;
  return text.split(key).join(`${keyPrefix(key)}***`);
}

/**
 * A value the server sent (a request ID, a message) made fit for a log line or a span attribute:
 * the key removed, control characters (which could forge extra log lines) replaced, and the
 * length capped.
 */
export function logSafe(text: string, key: string, max = 200): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: they are what is removed
  const clean = redactText(text, key).replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return clean.length > max ? `${clean.slice(0, max)}...` : clean;
}

/** A deep copy of JSON-like data with the key removed from every string. */
export function redactData(value: unknown, key: string): unknown {
  if (typeof value === 'string') return redactText(value, key);
  if (Array.isArray(value)) return value.map((item) => redactData(item, key));
  if (typeof value === 'object' && value !== null) {
    const copy: Record<string, unknown> = {};
    for (const [name, item] of Object.entries(value)) copy[name] = redactData(item, key);
    return copy;
  }
  return value;
}

/** Headers with the key removed from every value. */
export function redactHeaders(headers: Headers, key: string): Headers {
  let dirty = false;
  headers.forEach((value) => {
    if (value.includes(key)) dirty = true;
  });
  if (!dirty) return headers;
  const clean = new Headers();
  headers.forEach((value, name) => {
    clean.append(name, redactText(value, key));
  });
  return clean;
}

/**
 * A log-safe copy of a low-level error (and its causes): name, message and `code` only, scrubbed.
 * Attaching the original could leak the request it holds.
 */
export function safeCause(error: unknown, key: string, depth = 0): Error | undefined {
  if (!(error instanceof Error) || depth > 3) return undefined;
  const cause = safeCause(error.cause, key, depth + 1);
  const copy = new Error(redactText(error.message, key), cause ? { cause } : undefined);
  copy.name = error.name;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') Object.assign(copy, { code });
  // The copy's own stack would point here, not at the failure; the message is what matters.
  copy.stack = `${copy.name}: ${copy.message}`;
  return copy;
}

/** The innermost message of an error chain, e.g. `connect ECONNREFUSED 127.0.0.1:1`. */
export function rootMessage(error: Error | undefined): string {
  let current: unknown = error;
  let message = '';
  for (let depth = 0; current instanceof Error && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    message =
      typeof code === 'string' && !current.message.includes(code)
        ? `${current.message} (${code})`
        : current.message;
    current = current.cause;
  }
  return message;
}
