/**
 * The rules of the house, checked by `npm run check:deps` (part of `npm test`). Data flows one way:
 * a request goes resource -> transport -> fetch in the SDK, and door -> pipeline -> area -> kernel in
 * the mock. See the "Develop" section of the README for the layout.
 */
const ENGINE =
  '^mock-server/(kernel|tenancy|world|events|areas|pipeline)/|^mock-server/(engine|context|controls)[.]ts$';
const ROOT_WIRING = '^mock-server/(engine|controls|mock-api|index|areas/index)[.]ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'No import cycle anywhere, type-only imports included.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'kernel-knows-no-area',
      comment:
        'The kernel (clock, scheduler, ids, idempotency, rate limits, ...) imports nothing else of the mock.',
      severity: 'error',
      from: { path: '^mock-server/kernel/' },
      to: { path: '^mock-server/', pathNot: '^mock-server/kernel/' },
    },
    {
      name: 'world-is-data',
      comment: 'The world (fixtures, synthetic profiles, the scoring model) knows only the kernel.',
      severity: 'error',
      from: { path: '^mock-server/world/' },
      to: { path: '^mock-server/', pathNot: '^mock-server/(kernel|world)/' },
    },
    {
      name: 'tenancy-knows-no-area',
      comment: 'Workspaces, keys, plans, credits and spaces know only the kernel.',
      severity: 'error',
      from: { path: '^mock-server/tenancy/' },
      to: { path: '^mock-server/', pathNot: '^mock-server/(kernel|tenancy)/' },
    },
    {
      name: 'events-know-no-area',
      comment:
        'The event log and the webhook dispatcher know the kernel and tenancy, not the areas.',
      severity: 'error',
      from: { path: '^mock-server/events/' },
      to: { path: '^mock-server/', pathNot: '^mock-server/(kernel|tenancy|events)/' },
    },
    {
      name: 'pipeline-knows-no-area',
      comment: 'The pipeline runs whatever route table it is given; it imports no area.',
      severity: 'error',
      from: { path: '^mock-server/pipeline/' },
      to: { path: `^mock-server/areas/|${ROOT_WIRING}` },
    },
    {
      name: 'engine-imports-no-door',
      comment:
        'Nothing under the engine imports a door (fetch, msw, http, webhook transport) or the CLI.',
      severity: 'error',
      from: { path: ENGINE },
      to: { path: '^mock-server/(doors|cli)/' },
    },
    {
      name: 'areas-know-no-wiring',
      comment:
        'Areas are wired by engine.ts; they never import it, the controls or the public entry.',
      severity: 'error',
      from: { path: '^mock-server/areas/' },
      to: { path: ROOT_WIRING },
    },
    {
      name: 'areas-meet-through-index',
      comment: "An area calls another area's exported functions (its index.ts), never its files.",
      severity: 'error',
      from: { path: '^mock-server/areas/([^/]+)/' },
      to: {
        path: '^mock-server/areas/[^/]+/',
        pathNot: ['^mock-server/areas/$1/', '^mock-server/areas/[^/]+/index[.]ts$'],
      },
    },
    {
      name: 'sdk-imports-no-mock',
      comment: "The SDK never imports the mock (the mock may use the SDK's schemas and types).",
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^mock-server/' },
    },
    {
      name: 'webhooks-import-no-client',
      comment:
        'src/webhooks stands alone: the spec types and the list of event types, nothing of the client.',
      severity: 'error',
      from: { path: '^src/webhooks/' },
      to: {
        path: '^src/',
        pathNot: ['^src/webhooks/', '^src/generated/', '^src/schemas/event-types[.]ts$'],
      },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'Every import resolves.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|src/generated)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.json'],
    },
  },
};
