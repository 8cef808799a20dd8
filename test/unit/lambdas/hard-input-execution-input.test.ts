import type { Context } from 'aws-lambda';
import { loadEnv } from '../../../core/platform/env';
import type { Deps } from '../../../lambdas/_shared/deps';
import { createLogger } from '../../../lambdas/_shared/logger';
import { buildResolveRunHandler } from '../../../lambdas/resolve-run/handler';
import { FixedClock } from '../../helpers/fakes/fixed-clock';

/**
 * Bad and hostile execution input through the real **Resolve run** handler (middy stack, zod parser, service): every
 * case fails with InvalidInput naming the field, with a bounded message, and nothing leaks into Object.prototype.
 */
const deps = {
  logger: createLogger('hard-input', 'SILENT'),
  clock: new FixedClock('2026-11-23T02:00:00.000Z'),
  env: loadEnv({
    REPORT_BUCKET: 'reports-bucket',
    MEMBER_ROLE_NAME: 'ComplianceReader',
    MEMBER_EXTERNAL_ID: 'compliance-report-test',
    REGIONS: 'us-east-1,eu-west-1',
  }),
} as unknown as Deps;
const context = { functionName: 'resolve-run', awsRequestId: 'req-1', getRemainingTimeInMillis: () => 60_000 };
const resolve = (input: unknown) =>
  buildResolveRunHandler(deps)({ input, executionName: 'hard-input' }, context as unknown as Context);

/** The longest message we accept: Step Functions keeps 32,768 characters of a Cause, Slack far fewer. */
const MAX_MESSAGE_CHARS = 4_000;

const junkAccounts = Array.from({ length: 10_000 }, (_, i) => (i % 3 === 0 ? i : `junk-${i}`));

describe('Resolve run handler with hostile execution input', () => {
  afterEach(() => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each<[string, unknown, RegExp]>([
    ['a number for a date', { startDate: 20261102 }, /startDate/],
    ['a date that does not exist', { startDate: '2026-02-30' }, /not a real calendar date[\s\S]*startDate/],
    ['a date with a time', { endDate: '2026-11-08T00:00:00Z' }, /endDate/],
    ['a string for the accounts list', { accounts: '111111111111' }, /accounts/],
    ['an empty accounts list', { accounts: [] }, /accounts/],
    ['a string for notify', { notify: 'yes' }, /notify/],
    ['a number for currentWeek', { currentWeek: 1 }, /currentWeek/],
    ['currentWeek with dates', { currentWeek: true, startDate: '2026-11-02' }, /currentWeek/],
    ['an unknown field', { endate: '2026-11-08' }, /endate/],
    ['an array instead of an object', ['2026-11-02'], /expected object/],
    ['a string instead of an object', 'last week', /expected object/],
    ['a 1 MB date string', { startDate: 'x'.repeat(1_000_000) }, /startDate/],
    ['a 1 MB unknown key', { ['k'.repeat(1_000_000)]: true }, /Unrecognized key/],
    ['a region that is not one', { regions: ['us-east-1; rm -rf /'] }, /regions/],
    ['an empty framework name', { frameworks: [''] }, /frameworks/],
    ['a prototype-pollution key', JSON.parse('{"__proto__": {"polluted": true}}'), /__proto__/],
    ['a constructor-pollution key', JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'), /constructor/],
    ['10,000 junk accounts', { accounts: junkAccounts }, /accounts/],
  ])('fails with InvalidInput on %s, naming the field in a bounded message', async (_, input, field) => {
    // Act
    const outcome = resolve(input);

    // Assert
    const error = (await outcome.then(
      () => undefined,
      (e: unknown) => e,
    )) as Error | undefined;
    expect(error?.name).toBe('InvalidInput');
    expect(error?.message).toMatch(field);
    expect(error?.message.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
  });

  it('treats a null input like {} (the schedule sends {}): the previous week', async () => {
    // Act
    const run = await resolve(null);

    // Assert
    expect(run).toMatchObject({ startDate: '2026-11-16', endDate: '2026-11-22', runId: 'hard-input' });
  });
});
