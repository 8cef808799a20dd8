import { LaceworkHttpApi } from '../../../../../core/lacework/adapters/lacework-http-api';
import { FakeClock } from './lacework-sandbox';

/**
 * Hostile `GET /api/v2/Reports` answers through the real Lacework adapter (a scripted `fetch`, no module mocks):
 * malformed bodies raise a ValidationError naming the call and the field, in a bounded message without the secret or
 * the token; huge but valid bodies parse whole.
 */
const KEY = { keyId: 'MYCO_KEY', secret: '_s3cr3t-value', account: 'myco.lacework.net' };
const TOKEN = '_t0k3n-value';
const ACCOUNT = '111111111111';
const FRAMEWORK = 'AWS ISO 27001:2013';

const rec = (over: Record<string, unknown> = {}) => ({
  REC_ID: 'lacework-global-34',
  STATUS: 'NonCompliant',
  ASSESSED_RESOURCE_COUNT: 3,
  RESOURCE_COUNT: 2,
  ...over,
});

/** An adapter whose Reports call answers `reportsBody` (text as is, anything else as JSON) with status 200. */
const apiAnswering = (reportsBody: unknown) => {
  const fetch: typeof globalThis.fetch = async (input) => {
    if (String(input).endsWith('/api/v2/access/tokens')) {
      return new Response(JSON.stringify({ token: TOKEN, expiresAt: '2026-11-22T09:00:00.000Z' }), { status: 201 });
    }
    const text = typeof reportsBody === 'string' ? reportsBody : JSON.stringify(reportsBody);
    return new Response(text, { status: 200 });
  };
  return new LaceworkHttpApi({ key: KEY, fetch, clock: new FakeClock() });
};

const failureOf = async (promise: Promise<unknown>): Promise<Error | undefined> =>
  promise.then(
    () => undefined,
    (error: unknown) => error as Error,
  );

describe('LaceworkHttpApi.getComplianceReport with hostile answers', () => {
  it.each<[string, unknown, RegExp]>([
    ['an HTML page with status 200', '<html><body>Bad Gateway</body></html>', /expected object/],
    ['data that is not a list', { data: { recommendations: [] } }, /data/],
    ['a report without recommendations', { data: [{ reportTitle: FRAMEWORK }] }, /recommendations/],
    ['a recommendation without REC_ID', { data: [{ recommendations: [rec({ REC_ID: undefined })] }] }, /REC_ID/],
    ['a STATUS that is a number', { data: [{ recommendations: [rec({ STATUS: 3 })] }] }, /STATUS/],
    [
      '10,000 malformed recommendations',
      { data: [{ recommendations: Array.from({ length: 10_000 }, () => ({ REC_ID: 7 })) }] },
      /more issues/,
    ],
  ])('throws a ValidationError naming the call and the field on %s', async (_, body, field) => {
    // Act
    const error = await failureOf(apiAnswering(body).getComplianceReport(ACCOUNT, FRAMEWORK));

    // Assert
    expect(error?.name).toBe('ValidationError');
    expect(error?.message).toMatch(`lacework answer (Reports of ${ACCOUNT} "${FRAMEWORK}")`);
    expect(error?.message).toMatch(field);
    expect(error?.message.length).toBeLessThan(4_000);
    expect(error?.message).not.toContain(KEY.secret);
    expect(error?.message).not.toContain(TOKEN);
  });

  it('parses a 10 MB page whole, keeping every recommendation and the huge title', async () => {
    // Arrange
    const title = 't'.repeat(1_000_000);
    const recommendations = [rec(), rec({ REC_ID: 'lacework-global-35', STATUS: 'Compliant', TITLE: title })];
    const body = { data: [{ reportTitle: FRAMEWORK, padding: 'x'.repeat(10 * 1024 * 1024), recommendations }] };

    // Act
    const report = await apiAnswering(body).getComplianceReport(ACCOUNT, FRAMEWORK);

    // Assert
    expect(report?.recommendations.map((r) => [r.REC_ID, r.STATUS])).toEqual([
      ['lacework-global-34', 'NonCompliant'],
      ['lacework-global-35', 'Compliant'],
    ]);
    expect(report?.recommendations[1]?.TITLE).toHaveLength(1_000_000);
  });
});
