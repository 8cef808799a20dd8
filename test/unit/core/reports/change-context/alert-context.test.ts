import type { LaceworkAlertRow } from '../../../../../core/domain/lacework-report';
import { alertContextLookup } from '../../../../../core/reports/change-context/alert-context';
import type { ChangeContextRow } from '../../../../../core/reports/change-context/change-context-collector';

const traced = (overrides: Partial<ChangeContextRow> = {}): ChangeContextRow => ({
  accountId: '366113990329',
  accountName: 'log-archive',
  region: 'us-east-1',
  ruleName: 's3-bucket-server-side-encryption-enabled',
  resourceType: 'AWS::S3::Bucket',
  resourceId: 'log-archive-logs-us-east-1-1',
  status: 'traced',
  changedAt: '2026-11-17T17:56:02Z',
  eventName: 'DeleteBucketEncryption',
  actor: 'ci-deployer',
  chain: 'ci-deployer → DeployRole → OpsAdminRole',
  interface: 'cli (aws-cli/2.15.30)',
  sourceIp: '203.0.113.10',
  userAgent: 'aws-cli/2.15.30',
  findings: '',
  topSeverity: '',
  detail: '',
  ...overrides,
});

const alert = (resource: string, account: string): LaceworkAlertRow => ({
  policyId: 'lacework-global-51',
  policyTitle: 'S3 encryption',
  description: 'd',
  remediationSteps: 'r',
  severity: 'High',
  resource,
  region: 'us-east-1',
  account,
  dateTime: '2026-11-18T00:00:00.000Z',
  alertId: 7,
});

describe('alertContextLookup', () => {
  it("gives an alert on a traced resource of a scanned account that resource's change context", () => {
    // Arrange
    const lookup = alertContextLookup([traced()]);

    // Act
    const context = lookup(
      alert(
        'arn:aws:s3:::log-archive-logs-us-east-1-1 (Account: 366113990329, Alias: log-archive)',
        '366113990329 (log-archive)',
      ),
    );

    // Assert
    expect(context).toEqual({
      changedBy: 'ci-deployer',
      via: 'ci-deployer → DeployRole → OpsAdminRole',
      changedAt: '2026-11-17T17:56:02Z',
    });
  });

  it('leaves the columns empty for another account, another resource, or an untraced row', () => {
    // Arrange
    const lookup = alertContextLookup([traced(), traced({ resourceId: 'other-bucket', status: 'no-matching-event' })]);

    // Act / Assert
    expect(lookup(alert('arn:aws:s3:::log-archive-logs-us-east-1-1', '111111111111'))).toEqual({
      changedBy: '',
      via: '',
      changedAt: '',
    });
    expect(lookup(alert('arn:aws:s3:::unrelated', '366113990329')).changedBy).toBe('');
    expect(lookup(alert('arn:aws:s3:::other-bucket', '366113990329')).changedBy).toBe('');
  });
});
