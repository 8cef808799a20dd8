export type { GenerateScenarioOptions } from './generator';
export { generateScenario } from './generator';
export type { AccountExpectation, ExpectedTotals, ExpectedTotalsOptions } from './ground-truth';
export { expectedTotals } from './ground-truth';
export { loadScenario, parseScenario } from './load-scenario';
export * from './scenario.schema';
export { SandboxStats } from './servers/stats';
export type { Sandbox, SandboxOptions } from './start-sandbox';
export { DEFAULT_SANDBOX_BUCKET, SANDBOX_REGION, startSandbox } from './start-sandbox';
