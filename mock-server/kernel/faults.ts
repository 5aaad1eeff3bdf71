/**
 * Fault injection: the next N requests to a path answer with a chosen error status, whatever they
 * carry. For testing a client's handling of failures the magic domains do not reach.
 */

/** What `mock.faults.inject()` takes. */
export interface FaultSpec {
  /** An API path such as `/score` or `/v1/score` (query strings are ignored). */
  path: string;
  /** Only this method (default: any). */
  method?: string;
  /** The status to answer with: 400-599. */
  status: number;
  /** How many requests fail (default 1). */
  count?: number;
}

/** An injected fault still waiting for requests. */
export interface Fault {
  readonly path: string;
  readonly method: string | undefined;
  readonly status: number;
  remaining: number;
}

/** The faults injected into one mock. */
export class Faults {
  #faults: Fault[] = [];

  inject(spec: FaultSpec, basePath: string): Fault {
    const status = Number(spec.status);
    if (!Number.isInteger(status) || status < 400 || status > 599) {
      throw new TypeError(
        `a fault's status must be an HTTP error status from 400 to 599, got ${spec.status}`,
      );
    }
    const count = spec.count ?? 1;
    if (!Number.isInteger(count) || count < 1)
      throw new TypeError(`a fault's count must be a positive integer, got ${count}`);
    if (typeof spec.path !== 'string' || !spec.path.startsWith('/')) {
      throw new TypeError(`a fault's path must start with "/", such as "/score"`);
    }
    const bare = spec.path.split('?')[0] as string;
    const path = bare.startsWith(`${basePath}/`) ? bare.slice(basePath.length) : bare;
    const fault = { path, method: spec.method?.toUpperCase(), status, remaining: count };
    this.#faults.push(fault);
    return fault;
  }

  /** The fault that applies to this request, if any, counting it down. */
  take(method: string, path: string): Fault | undefined {
    if (this.#faults.length === 0) return undefined;
    const fault = this.#faults.find(
      (f) => f.path === path && (f.method === undefined || f.method === method),
    );
    if (fault === undefined) return undefined;
    fault.remaining--;
    if (fault.remaining === 0) this.#faults.splice(this.#faults.indexOf(fault), 1);
    return fault;
  }

  list(): readonly Fault[] {
    return this.#faults;
  }

  clear(): void {
    this.#faults = [];
  }
}
