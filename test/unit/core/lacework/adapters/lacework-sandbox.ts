// Starts the sandbox with the Lacework fixture (test/fixtures/lacework/sandbox-lacework.json) on the small AWS
// scenario, and builds the real adapter against it with a fake clock and a sleep that records its waits.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LaceworkHttpApi, type LaceworkHttpApiOptions } from '../../../../../core/lacework/adapters/lacework-http-api';
import {
  type LaceworkFaultsInput,
  type LaceworkScenarioInput,
  loadScenario,
  parseScenario,
  type Sandbox,
  startSandbox,
} from '../../../../../sandbox';

const ROOT = join(__dirname, '..', '..', '..', '..', '..');

/** The Lacework section of the fixture. */
export const laceworkFixture = (): LaceworkScenarioInput =>
  JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'lacework', 'sandbox-lacework.json'), 'utf8'));

/** A clock tests move by hand. */
export class FakeClock {
  constructor(private ms = Date.parse('2026-11-22T08:00:00.000Z')) {}
  now(): Date {
    return new Date(this.ms);
  }
  advance(seconds: number): void {
    this.ms += seconds * 1000;
  }
}

/** Starts a sandbox whose Lacework server uses `serverClock` and the fixture with `faults` and `overrides`. */
export const startLaceworkSandbox = (
  options: { faults?: LaceworkFaultsInput; overrides?: Partial<LaceworkScenarioInput>; serverClock?: FakeClock } = {},
): Promise<Sandbox> => {
  const lacework = {
    ...laceworkFixture(),
    ...options.overrides,
    ...(options.faults ? { faults: options.faults } : {}),
  };
  const scenario = parseScenario(
    { ...loadScenario(join(ROOT, 'test', 'fixtures', 'scenarios', 'small.json')), lacework },
    'lacework adapter test',
  );
  return startSandbox(scenario, options.serverClock ? { laceworkClock: options.serverClock } : {});
};

/** The adapter pointed at the sandbox; `waits` records every sleep (tests never really wait). */
export const apiFor = (
  sandbox: Sandbox,
  options: Partial<LaceworkHttpApiOptions> = {},
): { api: LaceworkHttpApi; waits: number[] } => {
  const waits: number[] = [];
  const api = new LaceworkHttpApi({
    key: sandbox.lacework.key,
    keySource: 'secret compliance-report/lacework',
    baseUrl: sandbox.endpoints.lacework,
    sleep: async (ms) => {
      waits.push(ms);
    },
    random: () => 0.5,
    ...options,
  });
  return { api, waits };
};

/** Drains an async iterable. */
export const collect = async <T>(items: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
};
