import type { CloudTrailRecord } from '../../../../../core/trace/analysis/cloudtrail-record.schema';
import { matchCatalogue } from '../../../../../core/trace/detections/privesc-match';
import { call, denied, failed } from '../trail-builder';
import { CATALOGUE_CASES, ec2UserDataSwap } from './privesc-catalogue.cases';

const ids = (records: CloudTrailRecord[]) => matchCatalogue(records).map((f) => f.id);
const denyLast = (records: CloudTrailRecord[]) =>
  records.length >= 5
    ? records.map((r) => denied(r))
    : [...records.slice(0, -1), denied(records[records.length - 1] as CloudTrailRecord)];

describe('matchCatalogue', () => {
  it.each(CATALOGUE_CASES)('finds $id when it succeeds', ({ id, build, succeeded }) => {
    // Act
    const findings = matchCatalogue(build());
    // Assert
    expect(findings).toContainEqual(expect.objectContaining({ id, severity: succeeded, outcome: 'succeeded' }));
  });

  it.each(CATALOGUE_CASES)('finds $id as a denied attempt', ({ id, build, denied: severity }) => {
    // Act
    const findings = matchCatalogue(denyLast(build()));
    // Assert
    expect(findings).toContainEqual(expect.objectContaining({ id, severity, outcome: 'denied' }));
  });

  it('reports a sequence once, with its events in order, folding in the single steps it completes', () => {
    // Arrange
    const [create, expose] =
      CATALOGUE_CASES.find((c) => c.id === 'privesc-12-pass-role-to-lambda-and-run')?.build() ?? [];
    // Act
    const findings = matchCatalogue([expose as CloudTrailRecord, create as CloudTrailRecord].reverse());
    // Assert
    expect(findings).toEqual([
      expect.objectContaining({ kind: 'sequence', events: [create?.eventID, expose?.eventID] }),
    ]);
  });

  it.each([
    { name: 'start before stop', records: ec2UserDataSwap([4, 2, 0]) },
    { name: 'user data changed before the stop', records: ec2UserDataSwap([2, 0, 4]) },
    {
      name: 'steps on different instances',
      records: ec2UserDataSwap([0, 1, 2]).map((r, i) =>
        i === 2 ? { ...r, requestParameters: { instancesSet: { items: [{ instanceId: 'i-0other' }] } } } : r,
      ),
    },
  ])('finds no user-data swap when the sequence is out of order: $name', ({ records }) => {
    // Act
    const found = ids(records);
    // Assert
    expect(found).not.toContain('privesc-11-ec2-user-data-swap');
  });

  it('finds no trust backdoor when the role was assumed before the trust policy changed', () => {
    // Arrange
    const [update, assume] = CATALOGUE_CASES.find((c) => c.id === 'privesc-06-trust-policy-backdoor')?.build() ?? [];
    const early = { ...(assume as CloudTrailRecord), eventTime: '2024-07-30T09:00:00Z' };
    // Act
    const found = ids([update as CloudTrailRecord, early]);
    // Assert
    expect(found).toEqual([]);
  });

  it.each([
    {
      name: 'a non-default policy version',
      record: call('iam.amazonaws.com', 'CreatePolicyVersion', {
        policyArn: 'p',
        policyDocument: '{}',
        setAsDefault: false,
      }),
    },
    {
      name: 'a read-only managed policy',
      record: call('iam.amazonaws.com', 'AttachUserPolicy', {
        userName: 'bob',
        policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
      }),
    },
    { name: 'an access key for oneself', record: call('iam.amazonaws.com', 'CreateAccessKey', { userName: 'alice' }) },
    {
      name: 'a trust policy inside the account',
      record: call('iam.amazonaws.com', 'UpdateAssumeRolePolicy', {
        roleName: 'r',
        policyDocument: '{"Statement":{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"}}}',
      }),
    },
    {
      name: 'a CloudFront function (same normalised name as Lambda)',
      record: call('cloudfront.amazonaws.com', 'CreateFunction2020_05_31', { name: 'f' }),
    },
    {
      name: 'a failed-but-not-denied policy version',
      record: failed(
        call('iam.amazonaws.com', 'CreatePolicyVersion', {
          policyArn: 'p',
          policyDocument: '{"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}',
          setAsDefault: true,
        }),
        'LimitExceeded',
      ),
    },
    { name: 'an unknown event name', record: call('iam.amazonaws.com', 'FrobnicateRole', { roleName: 'r' }) },
  ])('finds nothing for $name', ({ record }) => {
    // Act
    const found = ids([record]);
    // Assert
    expect(found).toEqual([]);
  });

  it('scores a successful inline policy that is not administrative as Medium', () => {
    // Arrange
    const doc = JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] });
    // Act
    const [finding] = matchCatalogue([
      call('iam.amazonaws.com', 'PutUserPolicy', { userName: 'alice', policyDocument: doc }),
    ]);
    // Assert
    expect(finding).toMatchObject({ severity: 'Medium', detail: 'policy is not administrative' });
  });
});
