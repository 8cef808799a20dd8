import { type NotifySandbox, startNotifySandbox } from '../../../../sandbox/notify-sandbox';
import { validateAdf } from '../../../../sandbox/servers/jira-validation';
import { validateSlackMessage } from '../../../../sandbox/servers/slack-validation';

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('validateSlackMessage', () => {
  it.each([
    ['no text and no blocks', {}, 'no_text'],
    ['51 blocks', { blocks: Array.from({ length: 51 }, () => section('x')) }, 'invalid_blocks'],
    ['a section text of 3,001 chars', { blocks: [section('x'.repeat(3001))] }, 'invalid_blocks'],
    [
      'a header of 151 chars',
      { blocks: [{ type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } }] },
      'invalid_blocks',
    ],
    ['a mrkdwn header', { blocks: [{ type: 'header', text: { type: 'mrkdwn', text: 'h' } }] }, 'invalid_blocks'],
    [
      'a button text of 76 chars',
      {
        blocks: [
          {
            type: 'actions',
            elements: [{ type: 'button', text: { type: 'plain_text', text: 'b'.repeat(76) }, url: 'https://x' }],
          },
        ],
      },
      'invalid_blocks',
    ],
    ['an unknown block type', { blocks: [{ type: 'carousel' }] }, 'invalid_blocks'],
  ])('refuses %s', (_name, body, code) => {
    expect(validateSlackMessage(body)).toBe(code);
  });

  it('accepts text alone and 50 valid blocks', () => {
    expect(validateSlackMessage({ text: 'hi' })).toBeUndefined();
    expect(
      validateSlackMessage({ text: 'hi', blocks: Array.from({ length: 50 }, () => section('x'.repeat(3000))) }),
    ).toBeUndefined();
  });
});

describe('validateAdf', () => {
  it('accepts a document of paragraphs, headings, lists and links', () => {
    // Arrange
    const doc = {
      type: 'doc',
      version: 1,
      content: [
        { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Links' }] },
        {
          type: 'bulletList',
          content: [
            {
              type: 'listItem',
              content: [
                {
                  type: 'paragraph',
                  content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'https://x' } }] }],
                },
              ],
            },
          ],
        },
      ],
    };

    // Act / Assert
    expect(validateAdf(doc)).toBeUndefined();
  });

  it.each([
    ['plain text instead of a document', 'hello'],
    ['version 2', { type: 'doc', version: 2, content: [] }],
    [
      'an empty text node',
      { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: '' }] }] },
    ],
    ['an unknown node', { type: 'doc', version: 1, content: [{ type: 'marquee' }] }],
  ])('refuses %s', (_name, doc) => {
    expect(validateAdf(doc)).toEqual(expect.any(String));
  });
});

describe('startNotifySandbox', () => {
  let sandbox: NotifySandbox;
  beforeEach(async () => {
    sandbox = await startNotifySandbox({ jira: { projectKey: 'OPS' } });
  });
  afterEach(async () => {
    await sandbox.stop();
  });

  it('answers the webhook like Slack: 200 ok, 400 invalid_blocks, 404 on another path', async () => {
    // Act
    const ok = await post(sandbox.slack.webhookUrl, { text: 'hi' });
    const bad = await post(sandbox.slack.webhookUrl, { blocks: [section('x'.repeat(3001))] });
    const other = await post(`${sandbox.slack.apiBaseUrl}/../services/T000/B000/WRONG`, { text: 'hi' });

    // Assert
    expect([ok.status, await ok.text()]).toEqual([200, 'ok']);
    expect([bad.status, await bad.text()]).toEqual([400, 'invalid_blocks']);
    expect(other.status).toBe(404);
    expect(sandbox.slack.received).toHaveLength(1);
  });

  it('checks the bot token on chat.postMessage and injects 429 with Retry-After', async () => {
    // Arrange
    sandbox.slack.faults.failNext(1, { status: 429, retryAfterSeconds: 5 });
    const url = `${sandbox.slack.apiBaseUrl}/chat.postMessage`;

    // Act
    const limited = await post(
      url,
      { channel: '#c', text: 'hi' },
      { authorization: `Bearer ${sandbox.slack.botToken}` },
    );
    const wrong = await post(url, { channel: '#c', text: 'hi' }, { authorization: 'Bearer xoxb-nope' });

    // Assert
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '5']);
    expect(await wrong.json()).toEqual({ ok: false, error: 'invalid_auth' });
  });

  it('requires Basic auth, the project and a valid issue type on Jira create', async () => {
    // Arrange
    const auth = {
      authorization: `Basic ${Buffer.from(`${sandbox.jira.email}:${sandbox.jira.apiToken}`).toString('base64')}`,
    };
    const url = `${sandbox.jira.baseUrl}/rest/api/3/issue`;

    // Act
    const anonymous = await post(url, { fields: {} });
    const invalid = await post(
      url,
      { fields: { project: { key: 'SEC' }, issuetype: { name: 'Epic-ish' }, summary: '' } },
      auth,
    );

    // Assert
    expect(anonymous.status).toBe(401);
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toEqual({
      errorMessages: [],
      errors: {
        project: 'valid project is required',
        issuetype: 'Specify a valid issue type',
        summary: 'You must specify a summary of the issue.',
      },
    });
  });

  it('refuses an attachment upload without X-Atlassian-Token: no-check', async () => {
    // Arrange
    const auth = `Basic ${Buffer.from(`${sandbox.jira.email}:${sandbox.jira.apiToken}`).toString('base64')}`;
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array([1])]), 'a.xlsx');

    // Act
    const response = await fetch(`${sandbox.jira.baseUrl}/rest/api/3/issue/OPS-1/attachments`, {
      method: 'POST',
      headers: { authorization: auth },
      body: form,
    });

    // Assert
    expect(response.status).toBe(403);
    expect(await response.text()).toBe('XSRF check failed');
  });
});
