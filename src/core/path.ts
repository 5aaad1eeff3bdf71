/**
 * A tagged template for API paths. Each interpolated value is one path segment: it is
 * percent-encoded, and empty values, `.` and `..` are refused, so an ID such as `../account` can
 * never reach another endpoint.
 *
 * @example
 * path`/watchlists/${id}/accounts` // '/watchlists/wl_01HZ9X5C3V4N6P2/accounts'
 */
import { ValidationError } from './errors.ts';

// Every path parameter of the API is called `id`; a template with several names them by position.
function nameOf(index: number, count: number): string {
  return count === 1 ? 'id' : `path parameter ${index + 1}`;
}

export function path(strings: TemplateStringsArray, ...values: unknown[]): string {
  let result = strings[0] ?? '';
  values.forEach((value, index) => {
    const field = nameOf(index, values.length);
    if (typeof value !== 'string') {
      throw new ValidationError([{ field, message: `must be a string, got ${typeof value}` }]);
    }
    if (value.trim() === '' || value === '.' || value === '..') {
      throw new ValidationError([{ field, message: `must be a non-empty ID, got "${value}"` }]);
    }
    result += encodeURIComponent(value) + (strings[index + 1] ?? '');
  });
  return result;
}
