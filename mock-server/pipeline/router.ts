/**
 * Matches a method and an API path (relative to the base URL) against the route table. Static
 * paths are one map lookup; paths with parameters (`/score/{id}`) are compared segment by segment.
 */
import type { Route } from './route.ts';

export type Match =
  | { kind: 'route'; route: Route; params: Record<string, string> }
  | { kind: 'method_not_allowed'; allowed: string[] }
  | { kind: 'not_found' };

interface Pattern {
  route: Route;
  segments: string[];
}

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

export class Router {
  readonly #static = new Map<string, Route>();
  readonly #staticMethods = new Map<string, string[]>();
  readonly #patterns: Pattern[] = [];

  constructor(routes: readonly Route[]) {
    for (const route of routes) {
      if (route.path.includes('{')) this.#patterns.push({ route, segments: route.path.split('/') });
      else {
        this.#static.set(`${route.method} ${route.path}`, route);
        this.#staticMethods.set(route.path, [
          ...(this.#staticMethods.get(route.path) ?? []),
          route.method,
        ]);
      }
    }
  }

  match(method: string, path: string): Match {
    const exact = this.#static.get(`${method} ${path}`);
    if (exact !== undefined) return { kind: 'route', route: exact, params: {} };
    const allowed = [...(this.#staticMethods.get(path) ?? [])];
    const segments = path.split('/');
    for (const pattern of this.#patterns) {
      const params = this.#params(pattern.segments, segments);
      if (params === undefined) continue;
      if (pattern.route.method === method) return { kind: 'route', route: pattern.route, params };
      allowed.push(pattern.route.method);
    }
    return allowed.length > 0 ? { kind: 'method_not_allowed', allowed } : { kind: 'not_found' };
  }

  #params(
    pattern: readonly string[],
    segments: readonly string[],
  ): Record<string, string> | undefined {
    if (pattern.length !== segments.length) return undefined;
    const params: Record<string, string> = {};
    for (let i = 0; i < pattern.length; i++) {
      const want = pattern[i] as string;
      const have = segments[i] as string;
      if (want.startsWith('{')) {
        const value = decode(have);
        if (value === undefined || value === '') return undefined;
        params[want.slice(1, -1)] = value;
      } else if (want !== have) {
        return undefined;
      }
    }
    return params;
  }
}
