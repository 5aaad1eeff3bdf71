/**
 * Every workspace of a mock and the keys that open them. A workspace starts with a write key and
 * a read key in each mode, derived from the mock's seed (the same seed gives the same keys in
 * every run), or, for the default workspace's write keys, the keys the caller chose. More keys can
 * be made (`createKey`), up to 100 per workspace, and any key revoked.
 */
import { ControlError, ControlRangeError } from '../kernel/errors.ts';
import type { Kernel } from '../kernel/kernel.ts';
import { deriveKey, type KeyRecord, type KeyScope, keyRecord, type Mode } from './keys.ts';
import { PLANS, type PlanName } from './plans.ts';
import { createWorkspace, type Space, type Workspace } from './workspace.ts';

/** A workspace's first keys: a write key per mode, and a read key per mode under `read`. */
export interface WorkspaceKeys {
  test: string;
  live: string;
  read: { test: string; live: string };
}

/** The most keys a workspace holds, revoked ones included; making one more is refused. */
export const MAX_KEYS_PER_WORKSPACE = 100;

export interface TenantsOptions {
  /** Keys for the default (first) workspace instead of the derived ones. */
  keys?: { test?: string; live?: string };
  /** The default workspace's plan. */
  plan: PlanName;
  /** Apply the per-minute rate limits. */
  rateLimits: boolean;
}

/** The most workspaces one mock holds. */
export const MAX_WORKSPACES = 1_000;

export class Tenants {
  readonly #kernel: Kernel;
  readonly #options: TenantsOptions;
  readonly #byKeyHash = new Map<string, { key: KeyRecord; workspace: Workspace }>();
  readonly #workspaces = new Map<string, Workspace>();
  #count = 0;
  #extraKeys = 0;
  defaultWorkspace!: Workspace;
  defaultKeys!: WorkspaceKeys;

  constructor(kernel: Kernel, options: TenantsOptions) {
    this.#kernel = kernel;
    this.#options = options;
    this.reset();
  }

  /** Forgets every workspace and makes the default one again, with the same keys. */
  reset(): void {
    this.#byKeyHash.clear();
    this.#workspaces.clear();
    this.#count = 0;
    this.#extraKeys = 0;
    const defaults = this.create({ plan: this.#options.plan, name: 'Mock workspace' });
    this.defaultWorkspace = defaults.workspace;
    this.defaultKeys = defaults.keys;
  }

  /** A new workspace with a fresh pair of keys. */
  create(options: { plan?: PlanName; name?: string } = {}): {
    workspace: Workspace;
    keys: WorkspaceKeys;
  } {
    const plan = PLANS[options.plan ?? 'team'];
    if (plan === undefined) {
      throw new ControlError(
        `plan must be "starter", "team" or "scale", got "${String(options.plan)}"`,
      );
    }
    if (this.#workspaces.size >= MAX_WORKSPACES) {
      throw new ControlError(
        `a mock holds at most ${MAX_WORKSPACES} workspaces; reset() it to start over`,
      );
    }
    const index = this.#count++;
    const chosen = index === 0 ? this.#options.keys : undefined;
    const seed = this.#kernel.seed;
    const keys = {
      test: chosen?.test ?? deriveKey(seed, 'test', index),
      live: chosen?.live ?? deriveKey(seed, 'live', index),
      read: {
        test: deriveKey(seed, 'test', `${index}:read`),
        live: deriveKey(seed, 'live', `${index}:read`),
      },
    };
    const workspace = createWorkspace({
      id: this.#kernel.ids.next('ws'),
      name: options.name ?? `Workspace ${index + 1}`,
      plan,
      keys: [
        keyRecord(keys.test),
        keyRecord(keys.live),
        keyRecord(keys.read.test, 'read'),
        keyRecord(keys.read.live, 'read'),
      ],
      now: this.#kernel.clock.now(),
      rateLimits: this.#options.rateLimits,
    });
    this.#workspaces.set(workspace.id, workspace);
    for (const key of workspace.keys) this.#byKeyHash.set(key.hash, { key, workspace });
    return { workspace, keys };
  }

  /** Every workspace, oldest first. */
  all(): IterableIterator<Workspace> {
    return this.#workspaces.values();
  }

  /** Every space of every workspace, live before test. */
  *spaces(): Generator<Space> {
    for (const workspace of this.#workspaces.values()) {
      yield workspace.spaces.live;
      yield workspace.spaces.test;
    }
  }

  /** A workspace by ID (the default one when `id` is undefined), or undefined. */
  find(id: string | undefined): Workspace | undefined {
    return id === undefined ? this.defaultWorkspace : this.#workspaces.get(id);
  }

  /** A key by its hash, revoked or not, with its workspace. */
  findKey(keyHash: string): { key: KeyRecord; workspace: Workspace } | undefined {
    return this.#byKeyHash.get(keyHash);
  }

  /**
   * A new key for a workspace, derived from the seed (the same seed and order give the same keys).
   * The raw key is returned this once; the mock keeps its hash.
   */
  createKey(workspace: Workspace, mode: Mode, scope: KeyScope): string {
    if (workspace.keys.length >= MAX_KEYS_PER_WORKSPACE) {
      throw new ControlRangeError(
        `a workspace holds at most ${MAX_KEYS_PER_WORKSPACE} keys, revoked ones included; reset the mock or use another workspace`,
      );
    }
    const key = deriveKey(this.#kernel.seed, mode, `extra:${this.#extraKeys++}`);
    const record = keyRecord(key, scope);
    workspace.keys.push(record);
    this.#byKeyHash.set(record.hash, { key: record, workspace });
    return key;
  }

  /** Revokes a key by its hash; true if it existed and was active. */
  revoke(keyHash: string): boolean {
    const found = this.#byKeyHash.get(keyHash);
    if (found === undefined || found.key.revoked) return false;
    found.key.revoked = true;
    return true;
  }
}
