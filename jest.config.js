/**
 * Jest projects: `unit` (pure logic, fakes, adapters against loopback servers, CDK templates) and
 * `integration` (the synthesized state machine run end to end against the sandbox).
 * @swc/jest transpiles TypeScript (no type-check: `npm run typecheck` does that) and the ESM-only @middy packages.
 */
const shared = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!(@middy)/)'],
  setupFiles: ['<rootDir>/test/helpers/setup.ts'],
};

/** @type {import('jest').Config} */
module.exports = {
  // Workflow runs on the sandbox take seconds (SDK backoff on throttling is real time); unit tests finish far sooner.
  testTimeout: 60_000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    { ...shared, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.test.ts'] },
  ],
};
