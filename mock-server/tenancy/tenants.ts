/**
 * Every workspace of a mock and the keys that open them. A workspace starts with a test and a
 * live key derived from the mock's seed (the same seed gives the same keys in every run), or the
 * keys the caller chose for the default workspace.
 */
import { ControlError } from '../kernel/errors.ts';
import type { Kernel } from '../kernel/kernel.ts';
import { deriveKey, type KeyRecord, keyRecord } from './keys.ts';
import { PLANS, type PlanName } from './plans.ts';
import { createWorkspace, type Space, type Workspace } from './workspace.ts';

/** A workspace's two keys. */
export interface WorkspaceKeys {
  test: string;
  live: string;
}

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
    };
    const workspace = createWorkspace({
      id: this.#kernel.ids.next('ws'),
      name: options.name ?? `Workspace ${index + 1}`,
      plan,
      keys: [keyRecord(keys.test), keyRecord(keys.live)],
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

  /** The space a key opens, or undefined for an unknown or revoked key. */
  authenticate(keyHash: string): Space | undefined {
    const found = this.#byKeyHash.get(keyHash);
    if (found === undefined || found.key.revoked) return undefined;
    return found.workspace.spaces[found.key.mode];
  }

  /** Revokes a key by its hash; true if it existed and was active. */
  revoke(keyHash: string): boolean {
    const found = this.#byKeyHash.get(keyHash);
    if (found === undefined || found.key.revoked) return false;
    found.key.revoked = true;
    return true;
  }
}
