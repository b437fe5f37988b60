/**
 * The architecture as lint rules: the layer graph of docs/architecture.md (eslint-plugin-boundaries) and the browser
 * globals that only src/platform and the entrypoints may touch. tests/lint-rules.test.ts lints one fixture per rule
 * (tests/lint-fixtures/) and expects exactly that rule to report it.
 */
import boundaries from 'eslint-plugin-boundaries';

/** Each folder of src/ is one element; the first pattern that matches a file's folder decides. */
const elements = [
  { type: 'entrypoint', pattern: 'entrypoints/**', partialMatch: false },
  { type: 'chat', pattern: 'src/background/**', partialMatch: false },
  { type: 'trading', pattern: 'src/trading/**', partialMatch: false },
  { type: 'memory', pattern: 'src/memory/**', partialMatch: false },
  { type: 'page', pattern: 'src/page/**', partialMatch: false },
  { type: 'audit', pattern: 'src/audit/**', partialMatch: false },
  { type: 'monitoring', pattern: 'src/monitoring/**', partialMatch: false },
  { type: 'resilience', pattern: 'src/resilience/**', partialMatch: false },
  { type: 'store', pattern: 'src/store/**', partialMatch: false },
  { type: 'agents', pattern: 'src/agents/**', partialMatch: false },
  { type: 'tools', pattern: 'src/tools/**', partialMatch: false },
  { type: 'clients', pattern: 'src/clients/**', partialMatch: false },
  { type: 'verification', pattern: 'src/verification/**', partialMatch: false },
  { type: 'finance', pattern: 'src/finance/**', partialMatch: false },
  { type: 'protocol', pattern: 'src/protocol/**', partialMatch: false },
  { type: 'platform', pattern: 'src/platform/**', partialMatch: false },
  // A new folder of src/ is refused until it is placed in a layer here and in docs/architecture.md.
  { type: 'unplaced', pattern: 'src/*', partialMatch: false },
  // Files directly in src/: the composition root (src/background-app.ts).
  { type: 'app', pattern: 'src', partialMatch: false },
  { type: 'tests', pattern: 'tests/**', partialMatch: false },
  { type: 'bench', pattern: 'bench/**', partialMatch: false },
  { type: 'eval', pattern: 'eval/**', partialMatch: false },
  { type: 'scripts', pattern: 'scripts/**', partialMatch: false },
];

/**
 * Pure domain rules that live beside their service: the order draft and the pre-trade rules (trading), the rebalance
 * target a profile implies and the reconcile decision for a new fact (memory). Layers below the services (tools, agents) and the pages may use them; they use
 * only finance, protocol and platform, and each other.
 */
const domainFiles = [
  'src/trading/order-draft.ts',
  'src/trading/rules/**',
  'src/memory/rebalance-target.ts',
  'src/memory/reconcile.ts',
  // The shapes the store keeps and the pages read: pure, and importing only protocol and each other.
  'src/memory/conversation-summary.ts',
  'src/monitoring/span.ts',
  'src/monitoring/eval-import.ts',
  'src/monitoring/histogram.ts',
  'src/monitoring/rollup.ts',
  'src/monitoring/metrics-source.ts',
  'src/monitoring/alert-rules.ts',
  'src/monitoring/span-export.ts',
];

/** Who may import whom: each layer only what is below it (the diagram in docs/architecture.md). */
const base = ['clients', 'verification', 'finance', 'protocol', 'platform'];
const infrastructure = ['audit', 'monitoring', 'resilience', 'store'];
const services = ['chat', 'trading', 'memory'];
export const layers = {
  entrypoint: ['app', 'page', 'protocol', 'platform', 'finance'],
  app: [...services, 'page', ...infrastructure, 'agents', 'tools', ...base],
  chat: ['trading', 'memory', 'page', ...infrastructure, 'agents', 'tools', ...base],
  page: ['tools', ...base],
  trading: [...infrastructure, ...base],
  memory: ['store', 'agents', 'tools', ...base],
  audit: ['store', ...base],
  monitoring: ['store', 'agents', ...base],
  resilience: ['store', ...base],
  store: ['agents', ...base],
  agents: ['tools', ...base],
  tools: [...base],
  clients: ['finance', 'protocol', 'platform'],
  verification: ['finance', 'protocol'],
  finance: ['protocol'],
  protocol: [],
  platform: ['protocol'],
  unplaced: [],
};
/** Layers that may use the domain files although the folder they live in is above them. */
const domainUsers = ['entrypoint', 'agents', 'tools', 'store', 'protocol'];
const domainMayUse = ['finance', 'protocol', 'platform'];

const layerMessage =
  'A layer imports only the layers below it (docs/architecture.md): {{ from.element.type }} must not import {{ to.element.type }}. ' +
  'A new folder of src/ is "unplaced" until eslint/architecture.js places it.';
const domainMessage = 'A domain file (order draft, pre-trade rules, rebalance target, reconcile) imports only finance, protocol, platform and other domain files.';

export const layerRules = {
  files: ['**/*.ts', '**/*.tsx'],
  // Test files may wire anything together: they belong to no layer. (tests/, bench/ and eval/ are not restricted.)
  ignores: ['**/*.test.ts', '**/*.test.tsx'],
  plugins: { boundaries },
  settings: {
    'import/resolver': { typescript: { alwaysTryTypes: true, project: './tsconfig.json' } },
    'boundaries/elements': elements,
    'boundaries/files': [{ category: 'domain', pattern: domainFiles }, { category: 'in-extension-eval', pattern: ['eval/in-extension/index.ts'] }],
    // Inline type imports (`import('../x').T`) are dependencies too.
    'boundaries/additional-dependency-nodes': [{ selector: 'TSImportType > Literal', kind: 'type', name: 'import-type' }],
  },
  rules: {
    'boundaries/dependencies': [
      'error',
      {
        default: 'allow',
        // Also within one folder: a domain file must not import its own service.
        checkInternals: true,
        // The last policy that matches a dependency decides.
        policies: [
          ...Object.entries(layers).map(([from, allowed]) => ({
            from: { element: { type: from } },
            disallow: { to: { element: { types: { noneOf: [from, ...allowed] } } } },
            message: layerMessage,
          })),
          ...domainUsers.map((from) => ({ from: { element: { type: from } }, allow: { to: { file: { categories: 'domain' } } } })),
          { from: { file: { categories: 'domain' } }, disallow: { to: { element: { types: { noneOf: domainMayUse } } } }, message: domainMessage },
          { from: { file: { categories: 'domain' } }, allow: { to: { file: { categories: 'domain' } } } },
          // "Run evaluation": the background worker is given the evaluation set's runner (eval/in-extension), its one
          // way into eval/; the rest of eval/ is reached only through it.
          { from: { element: { type: 'entrypoint' } }, allow: { to: { file: { categories: 'in-extension-eval' } } } },
        ],
      },
    ],
  },
};

/** Browser and ambient globals the core takes injected, with what to use instead. */
const restrictedGlobals = [
  { name: 'chrome', message: 'Browser APIs live in src/platform (or an entrypoint); take what you need injected.' },
  { name: 'fetch', message: 'Take fetch injected (a resilient fetch from src/resilience, or the clients on the ToolContext).' },
  { name: 'setTimeout', message: 'Use the injected Clock: clock.sleep(ms, signal) or clock.timeout(ms) (src/platform/clock.ts).' },
  { name: 'setInterval', message: 'Use the injected Clock: clock.sleep(ms, signal) in a loop (src/platform/clock.ts).' },
  { name: 'crypto', message: 'Use the injected IdSource for ids (src/platform/clock.ts), or WebCrypto injected (src/platform/web-crypto.ts, the vault).' },
  { name: 'performance', message: 'Use the injected Clock: clock.monotonic() for durations (src/platform/clock.ts).' },
];
const restrictedProperties = [
  { object: 'Date', property: 'now', message: 'Use the injected Clock: clock.now() for a stamp, clock.monotonic() for a duration (src/platform/clock.ts).' },
  { object: 'AbortSignal', property: 'timeout', message: 'Use the injected Clock: clock.timeout(ms) (src/platform/clock.ts).' },
  { object: 'Math', property: 'random', message: 'Use the injected IdSource, or a RandomSource for jitter (src/platform/random.ts).' },
  ...restrictedGlobals.map(({ name, message }) => ({ object: 'globalThis', property: name, message })),
];
/** Syntax every file obeys (JSON.parse), and syntax only the platform edge may use (reading the time). */
const sharedSyntax = [{ selector: "CallExpression[callee.object.name='JSON'][callee.property.name='parse']", message: 'Use parseJson(schema, text) from src/protocol/json.ts.' }];
const coreSyntax = [
  ...sharedSyntax,
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Use the injected Clock: clock.now() (src/platform/clock.ts).' },
];

/**
 * JSON.parse everywhere. Browser globals and reading the time only in src/platform and the entrypoints. Test files are
 * exempt: they start real simulators over HTTP, name throwaway databases with random ids and drive fake timers; the
 * rule protects the shipped code's determinism, and tests inject their own clock into it.
 */
export const globalsRules = [
  { files: ['**/*.ts', '**/*.tsx'], rules: { 'no-restricted-syntax': ['error', ...sharedSyntax] } },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/platform/**', '**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-globals': ['error', ...restrictedGlobals],
      'no-restricted-properties': ['error', ...restrictedProperties],
      'no-restricted-syntax': ['error', ...coreSyntax],
    },
  },
];
