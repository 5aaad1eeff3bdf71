/**
 * Fault injection: the failures a client's retry logic must survive, on demand, per path and
 * method, for the next N requests or with a probability:
 *
 * | kind | what the client sees | did the API act? |
 * | --- | --- | --- |
 * | `status` | an error status (400-599) with the API's JSON error | no |
 * | `reset` | the connection reset before any header | no |
 * | `stall` | no answer for `ms` (default 60 s), then the connection reset | no |
 * | `latency` | the normal answer, `ms` late | yes |
 * | `cut` | the headers and part of the body, then the connection reset | yes |
 * | `commit_then_drop` | the connection reset before any header | yes: the write happened |
 *
 * The kernel only decides which request a fault hits; the pipeline runs (or skips) the request,
 * and each door carries the fault out its own way.
 */
import { type Duration, parseDuration } from './clock.ts';
import { ControlError } from './errors.ts';
import { Random } from './random.ts';

/** The kinds of fault. */
export type FaultKind = 'status' | 'reset' | 'stall' | 'latency' | 'cut' | 'commit_then_drop';

const KINDS: readonly FaultKind[] = [
  'status',
  'reset',
  'stall',
  'latency',
  'cut',
  'commit_then_drop',
];

/** The methods of the API's operations, the only ones a fault can wait for. */
const METHODS: readonly string[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** What `mock.faults.inject()` takes. */
export interface FaultSpec {
  /**
   * An API path such as `/score` or `/v1/score`, a path template such as `/score/{id}`, or `*` for
   * every path (query strings are ignored).
   */
  path: string;
  /** Only this method (default: any). */
  method?: string;
  /** What goes wrong (default `status` when `status` is given). */
  kind?: FaultKind;
  /** For `status`: the status to answer with, 400-599. */
  status?: number;
  /** For `latency` and `stall`: how long, in real time (a duration or milliseconds, at most 10 minutes). */
  ms?: Duration;
  /** How many requests fail (default 1; with `probability`, the most that fail; default unlimited). */
  count?: number;
  /** Each matching request fails with this probability, from 0 to 1, drawn from the mock's seed. */
  probability?: number;
}

/** An injected fault still waiting for requests. */
export interface Fault {
  readonly path: string;
  readonly method: string | undefined;
  readonly kind: FaultKind;
  /** The status a `status` fault answers with (null for the other kinds). */
  readonly status: number | null;
  /** How long a `latency` or `stall` fault waits, in real ms (null for the other kinds). */
  readonly ms: number | null;
  readonly probability: number | null;
  /** Requests it will still fail (null: unlimited, for a fault with a probability and no count). */
  remaining: number | null;
}

/** The most faults waiting at once. */
export const MAX_FAULTS = 100;
/** The longest a `latency` or `stall` fault waits. */
export const MAX_FAULT_MS = 600_000;
const DEFAULT_STALL_MS = 60_000;

function pathMatches(pattern: string, path: string, template: string | undefined): boolean {
  return pattern === '*' || pattern === path || (template !== undefined && pattern === template);
}

/** The faults injected into one mock. */
export class Faults {
  #faults: Fault[] = [];
  #random: Random;
  readonly #seed: string;

  constructor(seed = 'faults') {
    this.#seed = seed;
    this.#random = new Random(`${seed}:faults`);
  }

  inject(spec: FaultSpec, basePath: string): Fault {
    if (spec === null || typeof spec !== 'object') {
      throw new ControlError('a fault is an object such as { path: "/score", status: 503 }');
    }
    if (this.#faults.length >= MAX_FAULTS) {
      throw new ControlError(`at most ${MAX_FAULTS} faults can wait at once; clear some first`);
    }
    const kind = spec.kind ?? 'status';
    if (!KINDS.includes(kind)) {
      throw new ControlError(`a fault's kind must be one of ${KINDS.join(', ')}`);
    }
    let status: number | null = null;
    if (kind === 'status') {
      status = Number(spec.status);
      if (!Number.isInteger(status) || status < 400 || status > 599) {
        throw new ControlError(
          `a fault's status must be an HTTP error status from 400 to 599, got ${String(spec.status)}`,
        );
      }
    }
    let ms: number | null = null;
    if (kind === 'latency' || kind === 'stall') {
      if (kind === 'latency' && spec.ms === undefined) {
        throw new ControlError('a latency fault needs ms, e.g. { kind: "latency", ms: 2000 }');
      }
      ms = parseDuration(spec.ms ?? DEFAULT_STALL_MS);
      if (ms > MAX_FAULT_MS) {
        throw new ControlError(`a fault waits at most 10 minutes (${MAX_FAULT_MS} ms)`);
      }
    }
    let probability: number | null = null;
    if (spec.probability !== undefined) {
      probability = Number(spec.probability);
      if (!(probability >= 0 && probability <= 1)) {
        throw new ControlError(
          `a fault's probability must be from 0 to 1, got ${spec.probability}`,
        );
      }
    }
    const count = spec.count ?? (probability === null ? 1 : null);
    if (count !== null && (!Number.isInteger(count) || count < 1 || count > 1_000_000)) {
      throw new ControlError(`a fault's count must be an integer from 1 to 1000000, got ${count}`);
    }
    if (typeof spec.path !== 'string' || !(spec.path === '*' || spec.path.startsWith('/'))) {
      throw new ControlError('a fault\'s path must start with "/", such as "/score", or be "*"');
    }
    if (spec.path.length > 200) throw new ControlError("a fault's path is at most 200 characters");
    if (
      spec.method !== undefined &&
      (typeof spec.method !== 'string' || !METHODS.includes(spec.method.toUpperCase()))
    ) {
      // A typo ("PSOT") would otherwise wait for a request that never comes.
      throw new ControlError(`a fault's method must be one of ${METHODS.join(', ')}`);
    }
    const bare = spec.path.split('?')[0] as string;
    const path = bare.startsWith(`${basePath}/`) ? bare.slice(basePath.length) : bare;
    const fault: Fault = {
      path,
      method: spec.method?.toUpperCase(),
      kind,
      status,
      ms,
      probability,
      remaining: count,
    };
    this.#faults.push(fault);
    return fault;
  }

  /**
   * The fault that hits this request, if any, counting it down. `path` is relative to the base
   * URL; `template` is the route's path as the spec writes it (`/score/{id}`), when one matched.
   */
  take(method: string, path: string, template?: string): Fault | undefined {
    if (this.#faults.length === 0) return undefined;
    for (const fault of this.#faults) {
      if (!pathMatches(fault.path, path, template)) continue;
      if (fault.method !== undefined && fault.method !== method) continue;
      if (fault.probability !== null && this.#random.next() >= fault.probability) continue;
      if (fault.remaining !== null) {
        fault.remaining--;
        if (fault.remaining === 0) this.#faults.splice(this.#faults.indexOf(fault), 1);
      }
      return fault;
    }
    return undefined;
  }

  list(): readonly Fault[] {
    return this.#faults;
  }

  clear(): void {
    this.#faults = [];
    this.#random = new Random(`${this.#seed}:faults`);
  }
}
