import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { startDynamoSandbox } from '../../../../sandbox/dynamodb/dynamo-sandbox';

const KEY = { PK: 'ACCOUNTS', SK: 'ACCT#111122223333' };

describe('startDynamoSandbox', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dynamo-sandbox-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps the table and its items in `path` from one start to the next', async () => {
    // Arrange
    const first = await startDynamoSandbox({ path: join(dir, 'db'), tableName: 'kept' });
    await first.documentClient().send(new PutCommand({ TableName: 'kept', Item: { ...KEY, name: 'dev' } }));
    await first.stop();

    // Act
    const second = await startDynamoSandbox({ path: join(dir, 'db'), tableName: 'kept' });
    const got = await second
      .documentClient()
      .send(new GetCommand({ TableName: 'kept', Key: KEY }))
      .finally(() => second.stop());

    // Assert
    expect(got.Item).toEqual({ ...KEY, name: 'dev' });
  });

  it('serves the table from a worker thread with `inWorker`', async () => {
    // Arrange
    const db = await startDynamoSandbox({ inWorker: true, maxAttempts: 3 });

    // Act
    const got = await db
      .documentClient()
      .send(new PutCommand({ TableName: db.tableName, Item: KEY }))
      .then(() => db.documentClient().send(new GetCommand({ TableName: db.tableName, Key: KEY })))
      .finally(() => db.stop());

    // Assert
    expect(got.Item).toEqual(KEY);
    expect(db.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});
