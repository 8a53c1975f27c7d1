/**
 * The layers of docs/architecture.md as dependency-cruiser rules, one per import that must never exist; `npm run deps`
 * (part of `npm run check`) fails on any of them with one line naming the import and the rule's reason.
 * Bottom to top: the contract (models/types.ts, models/codec, models/contract) -> the reference model and the engines
 * (models/reference; engines/base, engines/c1z, engines/leftovers, engines/sqlite, engines/leveldb) -> the tee and comparison
 * (engines/compare, engines/tee, engines/metrics) -> the engine registry (engines/registry) -> the conformance suite
 * (engines/conformance) -> the harness (harness/*, harness/cli on top) -> bench.
 */

/**
 * Test files: a test may use its siblings and the layers below (the model, other engines) as doubles and witnesses, and
 * a harness test may drive a CLI verb; no test under engines/ or models/ reaches the harness, and none imports bench/.
 */
const TEST = '(^|/)test/|\\.test\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'contract-knows-nothing-above',
      comment: 'the contract (models/types.ts, models/codec, models/contract) imports no model, engine, harness or bench',
      severity: 'error',
      from: { path: '^models/(types\\.ts$|codec/|contract/)' },
      to: { path: '^(engines|harness|bench|test)/|^models/reference/' },
    },
    {
      name: 'model-knows-no-engine',
      comment: 'the reference model (models/reference) knows only the contract: no engine, harness or bench',
      severity: 'error',
      from: { path: '^models/reference/' },
      to: { path: '^(engines|harness|bench|test)/' },
    },
    {
      name: 'engines-know-no-harness',
      comment: 'nothing under engines/ (tests included) imports the harness, the top-level tests or bench',
      severity: 'error',
      from: { path: '^engines/' },
      to: { path: '^(harness|bench|test)/' },
    },
    {
      name: 'engine-knows-no-other-engine',
      comment: 'an engine (sqlite, leveldb) and its shared parts (base, c1z, leftovers) import only the contract and those shared parts',
      severity: 'error',
      from: { path: '^engines/(sqlite|leveldb|base|c1z|leftovers)/', pathNot: TEST },
      to: { path: '^engines/|^models/reference/', pathNot: '^engines/($1|base|c1z|leftovers)/' },
    },
    {
      name: 'tee-knows-no-concrete-engine',
      comment: 'the tee, the comparison core and the metrics wrapper use the Engine interface only: no concrete engine or model',
      severity: 'error',
      from: { path: '^engines/(tee|compare|metrics)/', pathNot: TEST },
      to: { path: '^engines/(sqlite|leveldb|c1z)/|^models/reference/' },
    },
    {
      name: 'compare-below-tee',
      comment: 'the comparison core is below the tee and the metrics wrapper and imports neither',
      severity: 'error',
      from: { path: '^engines/compare/' },
      to: { path: '^engines/(tee|metrics)/' },
    },
    {
      name: 'registry-above-engines',
      comment: 'which engine opens a store is decided above the engines: only engines/conformance, the harness and bench import engines/registry',
      severity: 'error',
      from: { path: '^(engines|models)/', pathNot: '^engines/(registry|conformance)/' },
      to: { path: '^engines/registry/' },
    },
    {
      name: 'conformance-is-a-test-layer',
      comment: 'engines/conformance is the shared test suite: only its own files and tests import it',
      severity: 'error',
      from: { pathNot: `^engines/conformance/|${TEST}` },
      to: { path: '^engines/conformance/' },
    },
    {
      name: 'only-the-cli-imports-the-cli',
      comment: 'harness/cli is the top of the harness: nothing but harness/cli, bench and tests (driving a verb) imports it',
      severity: 'error',
      from: { pathNot: `^(harness/cli|bench)/|${TEST}` },
      to: { path: '^harness/cli/' },
    },
    {
      name: 'nothing-imports-bench',
      comment: 'bench/ is the top layer: nothing outside it imports it (a verb on bench code goes in bench/verbs.ts, which bin/c1z-parity.js hands to the CLI)',
      severity: 'error',
      from: { pathNot: '^bench/' },
      to: { path: '^bench/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules|coverage|reports|corpus)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
