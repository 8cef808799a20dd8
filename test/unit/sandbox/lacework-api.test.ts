import type { Sandbox } from '../../../sandbox';
import { startLaceworkSandbox } from '../core/lacework/adapters/lacework-sandbox';

const DAY_MS = 86_400_000;

/** The JSON answer, read loosely: the assertions check its shape. */
// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON answers and assert on their shape
const jsonOf = async (res: Response): Promise<any> => res.json();

describe('sandbox Lacework API', () => {
  let sandbox: Sandbox;
  let token: string;

  const get = (path: string, auth = `Bearer ${token}`) =>
    fetch(`${sandbox.endpoints.lacework}/api/v2/${path}`, { headers: { Authorization: auth } });

  beforeAll(async () => {
    sandbox = await startLaceworkSandbox();
    const res = await fetch(`${sandbox.endpoints.lacework}/api/v2/access/tokens`, {
      method: 'POST',
      headers: { 'X-LW-UAKS': sandbox.lacework.key.secret, 'Content-Type': 'application/json' },
      body: JSON.stringify({ keyId: sandbox.lacework.key.keyId, expiryTime: 3600 }),
    });
    token = ((await res.json()) as { token: string }).token;
  });

  afterAll(async () => {
    await sandbox.stop();
  });

  describe('POST access/tokens', () => {
    it('answers 201 with a token and expiresAt in milliseconds', async () => {
      // Act
      const res = await fetch(`${sandbox.endpoints.lacework}/api/v2/access/tokens`, {
        method: 'POST',
        headers: { 'X-LW-UAKS': sandbox.lacework.key.secret },
        body: JSON.stringify({ keyId: sandbox.lacework.key.keyId, expiryTime: 60 }),
      });
      const issued = (await res.json()) as { token: string; expiresAt: string };

      // Assert
      expect(res.status).toBe(201);
      expect(issued.expiresAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(Date.parse(issued.expiresAt) - Date.now()).toBeLessThanOrEqual(60_000);
    });

    it('answers 401 for a wrong secret', async () => {
      // Act
      const res = await fetch(`${sandbox.endpoints.lacework}/api/v2/access/tokens`, {
        method: 'POST',
        headers: { 'X-LW-UAKS': 'wrong' },
        body: JSON.stringify({ keyId: sandbox.lacework.key.keyId, expiryTime: 60 }),
      });

      // Assert
      expect(res.status).toBe(401);
    });
  });

  describe('authorization', () => {
    it('accepts the raw token as well as Bearer', async () => {
      expect((await get('ReportDefinitions', token)).status).toBe(200);
      expect((await get('ReportDefinitions')).status).toBe(200);
    });

    it('answers 401 for an unknown token', async () => {
      expect((await get('ReportDefinitions', 'Bearer _nope')).status).toBe(401);
    });
  });

  describe('GET Alerts', () => {
    it('answers 400 with a message for an 8-day window', async () => {
      // Arrange
      const start = '2026-11-01T00:00:00.000Z';
      const end = new Date(Date.parse(start) + 8 * DAY_MS).toISOString();

      // Act
      const res = await get(`Alerts?startTime=${start}&endTime=${end}`);

      // Assert
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ message: expect.stringContaining('exceeds the maximum of 7 days') });
      expect(sandbox.stats.errors['lacework.BadRequest']).toBeGreaterThanOrEqual(1);
    });

    it('accepts exactly 7 days and pages with absolute nextPage URLs, always with paging', async () => {
      // Act
      const first = await jsonOf(
        await get('Alerts?startTime=2026-11-16T00:00:00.000Z&endTime=2026-11-23T00:00:00.000Z'),
      );
      const nextPage: string = first.paging.urls.nextPage;
      const second = await jsonOf(await fetch(nextPage, { headers: { Authorization: `Bearer ${token}` } }));
      const third = await jsonOf(await fetch(second.paging.urls.nextPage, { headers: { Authorization: token } }));

      // Assert
      expect(first.paging).toMatchObject({ rows: 3, totalRows: 7 });
      expect(nextPage).toMatch(new RegExp(`^${sandbox.endpoints.lacework}/api/v2/Alerts/[A-Za-z0-9_-]+$`));
      expect(first.data[0]).not.toHaveProperty('entityMap');
      expect(third.data).toHaveLength(1);
      expect(third.paging.urls.nextPage).toBeNull();
    });

    it('answers an empty window with empty data and paging', async () => {
      // Act
      const answer = await jsonOf(await get('Alerts?startTime=2026-01-01&endTime=2026-01-02'));

      // Assert
      expect(answer).toEqual({ paging: { rows: 3, totalRows: 0, urls: { nextPage: null } }, data: [] });
    });
  });

  describe('GET Alerts/{id}', () => {
    it('serves the details with entityMap for scope=Details', async () => {
      // Act
      const answer = await jsonOf(await get('Alerts/900001?scope=Details'));

      // Assert
      expect(answer.data.entityMap.Resource).toHaveLength(1);
    });
  });

  describe('GET Reports', () => {
    it('form-decodes reportName and wraps the report in data with ok and message', async () => {
      // Act
      const answer = await jsonOf(
        await get('Reports?format=json&primaryQueryId=111111111111&reportName=AWS+ISO+27001%3A2013'),
      );

      // Assert
      expect(answer.ok).toBe(true);
      expect(answer.message).toBe('SUCCESS');
      expect(answer.data[0].accountId).toBe('111111111111');
    });

    it('answers data [] for an account without the report and 400 for an unknown name', async () => {
      // Act
      const empty = await jsonOf(
        await get('Reports?format=json&primaryQueryId=222222222222&reportName=AWS+ISO+27001%3A2013'),
      );
      const unknown = await get('Reports?format=json&primaryQueryId=111111111111&reportName=AWS%2BISO');

      // Assert
      expect(empty.data).toEqual([]);
      expect(unknown.status).toBe(400);
    });
  });

  describe('GET Policies/{id}', () => {
    it('answers 404 with a message for a policy the scenario lacks', async () => {
      // Act
      const res = await get('Policies/lacework-global-999');

      // Assert
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ message: 'Not Found' });
    });
  });
});
