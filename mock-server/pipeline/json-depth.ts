/**
 * How deep a JSON text nests, found before it is parsed: a body nested 100,000 levels deep would
 * otherwise be parsed, stored, and later break whatever renders it. One pass over the text, no
 * recursion; strings (and the brackets inside them) are skipped.
 */

/** The deepest a JSON body may nest (objects and arrays), the API's bodies and the controls'. */
export const MAX_JSON_DEPTH = 32;

/** The longest a field name is echoed in an error (`field`, `message`), before it is cut. */
export const MAX_ECHOED_FIELD = 100;

interface Frame {
  array: boolean;
  /** The current key (objects) or index (arrays). */
  at: string | number | undefined;
}

/** A field path as errors write it: `data.score.signals[2]`, cut to a sane length. */
export function fieldPath(parts: readonly (string | number | undefined)[]): string {
  let path = '';
  for (const part of parts) {
    if (part === undefined) continue;
    path += typeof part === 'number' ? `[${part}]` : path === '' ? part : `.${part}`;
  }
  return cutField(path === '' ? 'body' : path);
}

/** A field name as it may appear in an error: at most 100 characters, then an ellipsis. */
export function cutField(field: string): string {
  return field.length <= MAX_ECHOED_FIELD ? field : `${field.slice(0, MAX_ECHOED_FIELD)}…`;
}

/**
 * The path of the first value nested deeper than `max`, or undefined when the text nests no
 * deeper. The text need not be valid JSON: this only counts brackets outside strings.
 */
export function tooDeep(text: string, max = MAX_JSON_DEPTH): string | undefined {
  const stack: Frame[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // a string: find its end, honouring escapes
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) !== 0x22)
        j += text.charCodeAt(j) === 0x5c ? 2 : 1;
      const top = stack[stack.length - 1];
      if (expectKey && top !== undefined && !top.array) {
        top.at = text.slice(i + 1, Math.min(j, i + 1 + MAX_ECHOED_FIELD + 1));
        expectKey = false;
      }
      i = j;
    } else if (c === 0x7b || c === 0x5b) {
      // { or [
      if (stack.length >= max) {
        return fieldPath(stack.map((frame) => frame.at));
      }
      const array = c === 0x5b;
      stack.push({ array, at: array ? 0 : undefined });
      expectKey = !array;
    } else if (c === 0x7d || c === 0x5d) {
      stack.pop();
      expectKey = false;
    } else if (c === 0x2c) {
      // ,
      const top = stack[stack.length - 1];
      if (top?.array) top.at = (top.at as number) + 1;
      else expectKey = top !== undefined;
    }
  }
  return undefined;
}
