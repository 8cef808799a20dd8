import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NON_COMPLIANT_CSV_HEADER, writeNonCompliantCsv } from '../../../../core/reports/csv-writer';
import type { ResourceRow } from '../../../../core/reports/report-model';

const row = (overrides: Partial<ResourceRow>): ResourceRow => ({
  accountId: '111111111111',
  accountName: 'prod',
  region: 'us-east-1',
  ruleName: 'required-tags',
  resourceType: 'AWS::S3::Bucket',
  resourceId: 'bucket-a',
  complianceType: 'NON_COMPLIANT',
  annotation: '',
  recordedTime: '2026-11-08T10:00:00.000Z',
  ...overrides,
});

async function* from(rows: ResourceRow[]): AsyncGenerator<ResourceRow> {
  yield* rows;
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'csv-writer-test-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeNonCompliantCsv', () => {
  it('writes the exact header, quotes commas, quotes and line breaks, and keeps the given order', async () => {
    // Arrange
    const path = join(dir, 'out.csv');
    const rows = [
      row({ annotation: 'missing tags: owner, team' }),
      row({ resourceId: 'bucket-b', annotation: 'says "no"' }),
      row({ accountId: '222222222222', accountName: 'dev, eu', annotation: 'line one\nline two', recordedTime: '' }),
    ];

    // Act
    await writeNonCompliantCsv(from(rows), path);

    // Assert
    expect(await readFile(path, 'utf8')).toBe(
      [
        'Account ID,Account Name,Region,Rule Name,Resource Type,Resource ID,Compliance Type,Annotation,Recorded Time',
        '111111111111,prod,us-east-1,required-tags,AWS::S3::Bucket,bucket-a,NON_COMPLIANT,"missing tags: owner, team",2026-11-08T10:00:00.000Z',
        '111111111111,prod,us-east-1,required-tags,AWS::S3::Bucket,bucket-b,NON_COMPLIANT,"says ""no""",2026-11-08T10:00:00.000Z',
        '222222222222,"dev, eu",us-east-1,required-tags,AWS::S3::Bucket,bucket-a,NON_COMPLIANT,"line one\nline two",',
        '',
      ].join('\n'),
    );
  });

  it('writes only the header when there are no rows', async () => {
    // Arrange
    const path = join(dir, 'empty.csv');

    // Act
    await writeNonCompliantCsv(from([]), path);

    // Assert
    expect(await readFile(path, 'utf8')).toBe(`${NON_COMPLIANT_CSV_HEADER.join(',')}\n`);
  });
});
