import { dedupeSharedEvents, summarizeActivity } from '../../../../../core/trace/analysis/activity';
import type { CloudTrailRecord } from '../../../../../core/trace/analysis/cloudtrail-record.schema';
import { actorFromIdentity } from '../../../../../core/trace/analysis/identity';
import { resolveRoleChain } from '../../../../../core/trace/analysis/role-chain';
import { ec2UserDataSwap } from '../detections/privesc-catalogue.cases';
import { ALICE, BOB, call, denied, failed } from '../trail-builder';
import { changeOf, fakeLookup, loadTrail } from '../trail-fixtures';

const alice = actorFromIdentity(ALICE);
const AROUND = '2024-07-30T10:00:00Z';

describe('summarizeActivity', () => {
  it('counts writes by readOnly and errorCode, never by name prefix or responseElements', () => {
    // Arrange
    const attach = call('iam.amazonaws.com', 'AttachUserPolicy', {
      userName: 'alice',
      policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
    });
    const assume = call(
      'sts.amazonaws.com',
      'AssumeRole',
      { roleArn: 'arn:aws:iam::111122223333:role/R' },
      { readOnly: true, at: 1 },
    );
    const getPrefixedWrite = call('ec2.amazonaws.com', 'GetEbsEncryptionByDefault', null, { at: 2, readOnly: false });
    const legacy = call('s3.amazonaws.com', 'DeleteBucket', { bucketName: 'b' }, { at: 3, readOnly: undefined });
    const deniedWrite = denied(call('iam.amazonaws.com', 'CreateUser', { userName: 'eve' }, { at: 4 }));
    // Act
    const summary = summarizeActivity([attach, assume, getPrefixedWrite, legacy, deniedWrite], alice, {
      around: AROUND,
    });
    // Assert
    expect(summary.writeCalls.map((c) => c.eventName)).toEqual(['AttachUserPolicy', 'GetEbsEncryptionByDefault']);
    expect(summary.unclassifiedCalls.map((c) => c.eventName)).toEqual(['DeleteBucket']);
  });

  it('lists failed-but-not-denied calls as failed only', () => {
    // Arrange
    const noBucket = failed(call('s3.amazonaws.com', 'PutBucketPolicy', { bucketName: 'gone' }), 'NoSuchBucket');
    const invalid = failed(
      call('ec2.amazonaws.com', 'RunInstances', { instanceType: 'x' }, { at: 1 }),
      'Client.InvalidParameterValue',
    );
    const deniedCall = denied(call('ec2.amazonaws.com', 'RunInstances', { instanceType: 't3.micro' }, { at: 2 }));
    // Act
    const summary = summarizeActivity([noBucket, invalid, deniedCall], alice, { around: AROUND });
    // Assert
    expect(summary.failedCalls.map((c) => c.errorCode)).toEqual([
      'NoSuchBucket',
      'Client.InvalidParameterValue',
      'Client.UnauthorizedOperation',
    ]);
    expect(summary.deniedCalls.map((c) => c.errorCode)).toEqual(['Client.UnauthorizedOperation']);
  });

  it('takes the target of a denied AssumeRole from its errorMessage when parameters were dropped', () => {
    // Arrange
    const role = 'arn:aws:iam::111122223333:role/X';
    const attempt = denied(
      call('sts.amazonaws.com', 'AssumeRole', { roleArn: role, roleSessionName: 's' }, { readOnly: true }),
    );
    // Act
    const summary = summarizeActivity([attempt], alice, { around: AROUND });
    // Assert
    expect(summary.deniedCalls).toEqual([expect.objectContaining({ eventName: 'AssumeRole', target: role })]);
  });

  it.each([
    'AccessDenied',
    'AccessDeniedException',
    'Client.UnauthorizedOperation',
    'UnauthorizedOperation',
    'UnauthorizedException',
  ])('counts %s as denied', (errorCode) => {
    // Arrange
    const record = failed(call('s3.amazonaws.com', 'GetObject', null), errorCode);
    // Act
    const summary = summarizeActivity([record], alice, { around: AROUND });
    // Assert
    expect(summary.deniedCalls).toHaveLength(1);
  });

  it('counts services per UTC hour inside the window only', () => {
    // Arrange
    const records = [
      call('s3.amazonaws.com', 'PutObjectAcl', null, { at: 5 }),
      call('s3.amazonaws.com', 'PutBucketTagging', null, { at: 50 }),
      call('iam.amazonaws.com', 'TagRole', null, { at: 70 }),
      call('iam.amazonaws.com', 'TagUser', null, { at: 25 * 60 }),
    ];
    // Act
    const summary = summarizeActivity(records, alice, { around: AROUND });
    // Assert
    expect(summary.servicesPerHour).toEqual([
      { hour: '2024-07-30T10:00:00.000Z', eventSource: 's3.amazonaws.com', count: 2 },
      { hour: '2024-07-30T11:00:00.000Z', eventSource: 'iam.amazonaws.com', count: 1 },
    ]);
    expect(summary.window).toEqual({ from: '2024-07-29T10:00:00.000Z', to: '2024-07-31T10:00:00.000Z' });
  });

  it('honours a configured window', () => {
    // Arrange
    const records = [
      call('s3.amazonaws.com', 'PutObjectAcl', null, { at: -90 }),
      call('s3.amazonaws.com', 'PutObjectAcl', null, { at: 30 }),
    ];
    // Act
    const summary = summarizeActivity(records, alice, { around: new Date(AROUND), hoursBefore: 1, hoursAfter: 1 });
    // Assert
    expect(summary.totalCalls).toBe(1);
  });

  it('finds no sequence whose middle step was made by another actor', () => {
    // Arrange
    const [stop, modify, start] = ec2UserDataSwap([0, 1, 2]) as [CloudTrailRecord, CloudTrailRecord, CloudTrailRecord];
    const byBob = { ...modify, userIdentity: BOB };
    // Act
    const summary = summarizeActivity([stop, byBob, start], alice, { around: AROUND });
    // Assert
    expect(summary.findings).toEqual([]);
    expect(summary.totalCalls).toBe(2);
  });

  it('attributes calls made through the chain to its origin and finds the sequence across sessions', async () => {
    // Arrange
    const trail = loadTrail('multi-hop-cross-account');
    const chain = await resolveRoleChain(changeOf(trail), fakeLookup(trail));
    const prodSession = changeOf(trail).userIdentity;
    const swap = ec2UserDataSwap([10, 11, 12]).map((r, i) => (i === 0 ? r : { ...r, userIdentity: prodSession }));
    // Act
    const summary = summarizeActivity([...trail, ...swap], chain, { around: AROUND });
    // Assert
    expect(summary.findings.map((f) => [f.id, f.severity])).toEqual([['privesc-11-ec2-user-data-swap', 'Critical']]);
    expect(summary.totalCalls).toBe(trail.length - 1 + swap.length);
  });

  it('keeps the caller-side copy of a cross-account call logged in both accounts', () => {
    // Arrange
    const trail = loadTrail('multi-hop-cross-account').reverse();
    // Act
    const unique = dedupeSharedEvents(trail);
    // Assert
    expect(unique).toHaveLength(3);
    expect(unique.find((r) => r.sharedEventID !== undefined)?.userIdentity.type).toBe('AssumedRole');
  });

  it('attributes a federated console session to the IAM user behind it and finds the CLI-to-console pivot', async () => {
    // Arrange
    const trail = loadTrail('federation-token');
    const federated = changeOf(trail).userIdentity;
    const { accessKeyId: _none, ...noKey } = federated;
    const signin = call('signin.amazonaws.com', 'GetSigninToken', null, {
      at: 1,
      identity: federated,
      readOnly: undefined,
    });
    const login = call('signin.amazonaws.com', 'ConsoleLogin', null, {
      at: 2,
      identity: noKey,
      extra: { eventType: 'AwsConsoleSignIn', responseElements: { ConsoleLogin: 'Success' } },
    });
    const chain = await resolveRoleChain(changeOf(trail), fakeLookup(trail));
    // Act
    const summary = summarizeActivity([...trail, signin, login], chain, { around: AROUND });
    // Assert
    expect(chain.origin.display).toBe('mallory');
    expect(summary.findings.map((f) => f.id)).toContain('privesc-19-cli-to-console');
  });

  it('attributes a session whose issuing event is missing through its sourceIdentity', () => {
    // Arrange
    const change = changeOf(loadTrail('missing-first-hop'));
    const carol = { ...alice, key: 'iam-user:arn:aws:iam::111122223333:user/carol', userName: 'carol' };
    // Act
    const summary = summarizeActivity([change], carol, { around: AROUND });
    // Assert
    expect(summary.totalCalls).toBe(1);
  });

  it('lists distinct source IPs, user agents and regions, anonymised and fake ones included', () => {
    // Arrange
    const odd = call('s3.amazonaws.com', 'PutObjectAcl', null, {
      extra: { sourceIPAddress: '075.050.255.67', awsRegion: 'ap-isob-central-3r' },
    });
    const internal = call('s3.amazonaws.com', 'PutObjectAcl', null, {
      extra: { sourceIPAddress: 'AWS Internal', userAgent: 'AWS Internal' },
    });
    // Act
    const summary = summarizeActivity([odd, internal], alice, { around: AROUND });
    // Assert
    expect(summary.sourceIPs).toEqual(['075.050.255.67', 'AWS Internal']);
    expect(summary.regions).toEqual(['ap-isob-central-3r', 'us-east-1']);
  });
});
