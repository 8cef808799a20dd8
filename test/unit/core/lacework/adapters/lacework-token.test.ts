import { LaceworkHttpApi } from '../../../../../core/lacework/adapters/lacework-http-api';
import { ExternalServiceError } from '../../../../../core/shared/errors';
import { FakeClock } from './lacework-sandbox';

const KEY = { keyId: 'MYCO_KEY', secret: '_s3cr3t-value', account: 'myco.lacework.net' };
const json = (status: number, body: unknown): Response => new Response(JSON.stringify(body), { status });

/** A scripted fetch: token answers from `tokenBodies` in turn, every other call `{data: []}`; records the URLs. */
const scripted = (tokenBodies: unknown[]) => {
  const urls: string[] = [];
  const fetch: typeof globalThis.fetch = async (input) => {
    urls.push(String(input));
    if (String(input).endsWith('/api/v2/access/tokens')) return json(201, tokenBodies.shift());
    return json(200, { data: [] });
  };
  return { fetch, urls };
};

describe('LaceworkHttpApi token handling', () => {
  it('accepts the legacy v1 token shape {data: [{token, expiresAt}]}', async () => {
    // Arrange
    const { fetch, urls } = scripted([{ data: [{ token: '_t1', expiresAt: '2026-11-22T09:00:00.000Z' }], ok: true }]);
    const api = new LaceworkHttpApi({ key: KEY, fetch, clock: new FakeClock() });

    // Act
    const accounts = await api.listAwsCloudAccounts();

    // Assert
    expect(accounts).toEqual([]);
    expect(urls).toEqual([
      'https://myco.lacework.net/api/v2/access/tokens',
      'https://myco.lacework.net/api/v2/CloudAccounts/AwsCfg',
    ]);
  });

  it('renews a minute before expiresAt', async () => {
    // Arrange
    const clock = new FakeClock();
    const { fetch, urls } = scripted([
      { token: '_t1', expiresAt: '2026-11-22T09:00:00.000Z' },
      { token: '_t2', expiresAt: '2026-11-22T10:00:00.000Z' },
    ]);
    const api = new LaceworkHttpApi({ key: KEY, fetch, clock });

    // Act
    await api.listReportDefinitions();
    clock.advance(3540 - 1);
    await api.listReportDefinitions();
    clock.advance(1);
    await api.listReportDefinitions();

    // Assert
    expect(urls.filter((url) => url.endsWith('/access/tokens'))).toHaveLength(2);
  });

  it('throws ExternalServiceError without the body when the token answer has no token', async () => {
    // Arrange
    const { fetch } = scripted([{ expiresAt: 'soon', token: '_leaky-token' }]);
    const api = new LaceworkHttpApi({ key: KEY, fetch, clock: new FakeClock() });

    // Act
    const call = api.listReportDefinitions();

    // Assert
    await expect(call).rejects.toThrow(ExternalServiceError);
    await expect(call).rejects.not.toThrow(/_leaky-token/);
  });
});
