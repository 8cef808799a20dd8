/**
 * The dependency rule of `core/` (README, "Project layout"), checked by `npm run lint`.
 *
 * - `core/shared` (generic helpers) imports nothing else of ours;
 * - `core/domain` (shared concepts and the tasks' wire contracts) imports only `shared`;
 * - `core/platform` (plumbing: AWS clients, HTTP, storage, secrets, chat) imports only `domain` and `shared`;
 * - a feature (`scan`, `lacework`, `reports`, `trace`, `notify`, `events`) imports `domain`, `shared`, `platform`,
 *   its own files, and another feature only through that feature's `index.ts`;
 * - `core` imports no framework (CDK, Lambda runtime, middy, Powertools) and nothing outside `core`;
 * - `lambdas` never imports the CDK; nothing anywhere imports in a circle.
 *
 * @type {import('dependency-cruiser').IConfiguration}
 */
const FEATURES = '(scan|lacework|reports|trace|notify|events)';

module.exports = {
  forbidden: [
    {
      name: 'core-imports-no-framework',
      comment:
        'core/ is plain TypeScript: only zod, the AWS SDK (and its @smithy/types), exceljs, csv-stringify and node builtins',
      severity: 'error',
      from: { path: '^core/' },
      to: {
        dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-bundled', 'npm-no-pkg', 'npm-unknown'],
        pathNot: '(^|/)node_modules/(zod|@aws-sdk/[^/]+|@smithy/types|exceljs|csv-stringify)/',
      },
    },
    {
      name: 'core-imports-nothing-outside-core',
      comment: 'dependencies point inwards: lambdas, cli, sandbox, infra and statemachines use core, never the reverse',
      severity: 'error',
      from: { path: '^core/' },
      to: { path: '^(lambdas|cli|sandbox|infra|statemachines|test|scripts)/' },
    },
    {
      name: 'shared-imports-nothing-of-ours',
      severity: 'error',
      from: { path: '^core/shared/' },
      to: { path: '^core/', pathNot: '^core/shared/' },
    },
    {
      name: 'domain-imports-only-shared',
      severity: 'error',
      from: { path: '^core/domain/' },
      to: { path: '^core/', pathNot: '^core/(domain|shared)/' },
    },
    {
      name: 'platform-imports-only-domain-and-shared',
      severity: 'error',
      from: { path: '^core/platform/' },
      to: { path: '^core/', pathNot: '^core/(domain|shared|platform)/' },
    },
    {
      name: 'feature-imports-other-features-only-through-index',
      comment: "a feature's files other than index.ts are its internals",
      severity: 'error',
      from: { path: `^core/${FEATURES}/` },
      to: { path: `^core/${FEATURES}/`, pathNot: ['^core/$1/', `^core/${FEATURES}/index\\.ts$`] },
    },
    {
      name: 'lambdas-import-no-cdk',
      severity: 'error',
      from: { path: '^lambdas/' },
      to: { path: '(^|/)node_modules/(aws-cdk-lib|constructs|cdk-nag)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // node_modules may be a symlink (git worktrees, the rule's own test): keep the paths the rules match on.
    preserveSymlinks: true,
    exclude: { path: '^(cdk\\.out|output|dist|coverage)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    moduleSystems: ['cjs', 'es6'],
  },
};
