import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalApi } from '../../../cli/commands/api';
import { formatReplay, type ReplaySummary, runEvents } from '../../../cli/commands/events';
import { toProxyEvent } from '../../../cli/local/proxy-event';

const DEMO = 'sandbox/scenarios/events-demo.jsonl';

type Page = { items: { eventId: string }[]; nextCursor?: string; limit: number };
type Compliance = { score: Record<string, number> };
const getJson = async <T>(url: string): Promise<T> => (await (await fetch(url)).json()) as T;

describe('events command', () => {
  let db: string;
  let summary: ReplaySummary;

  beforeAll(async () => {
    db = await mkdtemp(join(tmpdir(), 'events-db-'));
    summary = await runEvents({ replay: DEMO, db, fresh: false, logLevel: 'SILENT' });
  });

  afterAll(async () => {
    await rm(db, { recursive: true, force: true });
  });

  describe('runEvents', () => {
    it('replays the demo through the ingest: duplicates once, out of order superseded, resolve and reopen', () => {
      expect(summary.results.map((r) => ('error' in r ? r.error : `${r.transition}/${r.history}/${r.alert}`))).toEqual([
        'new-violation/stored/sent',
        'new-violation/duplicate/already-sent',
        'first-seen/stored/not-needed',
        'new-violation/stored/not-needed',
        'resolved/stored/not-needed',
        'superseded/stored/not-needed',
        'reopened/stored/sent',
        'new-violation/stored/sent',
        'new-violation/stored/not-needed',
        'first-seen/stored/not-needed',
      ]);
    });

    it('posts one Slack message per Critical new or reopened violation', () => {
      expect(summary.slack.map((m) => m.text?.split(':')[0])).toEqual([
        'New violation (Critical)',
        'Violation reopened (Critical)',
        'New violation (Critical)',
      ]);
    });

    it('prints the stored latest states with each account score', () => {
      // Act
      const lines = formatReplay(summary);

      // Assert
      expect(lines).toContain('111111111111: 2 states, score 0%');
      expect(lines).toContain('222222222222: 3 states, score 0%');
      expect(lines).toContain('== Slack (3 messages) ==');
    });
  });

  describe('startLocalApi', () => {
    it('serves the replayed table over HTTP, paging with a cursor and naming bad parameters', async () => {
      // Arrange
      const api = await startLocalApi({ db, port: 0, logLevel: 'SILENT' });
      try {
        // Act
        const first = await getJson<Page>(`${api.url}/events?account=111111111111&limit=3`);
        const second = await getJson<Page>(`${api.url}/events?account=111111111111&limit=3&cursor=${first.nextCursor}`);
        const third = await getJson<Page>(`${api.url}/events?account=111111111111&limit=3&cursor=${second.nextCursor}`);
        const compliance = await getJson<Compliance>(`${api.url}/accounts/222222222222/compliance`);
        const bad = await fetch(`${api.url}/events?account=111111111111&from=yesterday`);

        // Assert
        expect([...first.items, ...second.items].map((i) => i.eventId.slice(-2))).toEqual([
          '07',
          '05',
          '06',
          '04',
          '03',
          '01',
        ]);
        expect(third).toEqual({ items: [], limit: 3 });
        expect(compliance.score).toEqual({ compliant: 0, nonCompliant: 2, excluded: 1, score: 0 });
        expect(bad.status).toBe(400);
        expect(await bad.json()).toMatchObject({ parameter: 'from' });
      } finally {
        await api.stop();
      }
    });
  });

  describe('toProxyEvent', () => {
    it('maps a path to its API Gateway resource and parameters', () => {
      expect(toProxyEvent('GET', '/accounts/111111111111/compliance?limit=5&limit=6')).toMatchObject({
        resource: '/accounts/{id}/compliance',
        pathParameters: { id: '111111111111' },
        queryStringParameters: { limit: '6' },
        multiValueQueryStringParameters: { limit: ['5', '6'] },
      });
    });
  });
});
