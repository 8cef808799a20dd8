import type { CloudTrailRecord } from '../../../../../core/trace/analysis/cloudtrail-record.schema';
import { classifyInterface } from '../../../../../core/trace/analysis/interface';
import { changeOf, loadTrail } from '../trail-fixtures';

const base = changeOf(loadTrail('one-hop'));
const withUa = (userAgent: string | undefined, extra: Partial<CloudTrailRecord> = {}): CloudTrailRecord => {
  const { userAgent: _ua, ...rest } = base;
  return { ...rest, ...(userAgent !== undefined && { userAgent }), ...extra } as CloudTrailRecord;
};

const cases: { name: string; record: CloudTrailRecord; kind: string; tool?: string }[] = [
  { name: 'the AWS CLI v2', record: base, kind: 'cli', tool: 'aws-cli/2.15.0' },
  {
    name: 'Boto3',
    record: withUa('Boto3/1.34.0 md/Botocore#1.34.0 ua/2.0 os/linux#6.5 md/arch#x86_64 lang/python#3.11.6'),
    kind: 'sdk',
    tool: 'Boto3/1.34.0',
  },
  {
    name: 'the JS SDK v3',
    record: withUa('aws-sdk-js/3.600.0 ua/2.1 os/linux#6.5 lang/js md/nodejs#20.12.0 api/s3#3.600.0'),
    kind: 'sdk',
    tool: 'aws-sdk-js/3.600.0',
  },
  {
    name: 'Terraform',
    record: withUa(
      'APN/1.0 HashiCorp/1.0 Terraform/1.7.5 (+https://www.terraform.io) terraform-provider-aws/5.40.0 aws-sdk-go-v2/1.25.3',
    ),
    kind: 'sdk',
    tool: 'Terraform/1.7.5',
  },
  {
    name: 'the Go SDK',
    record: withUa('aws-sdk-go/1.50.0 (go1.22.0; linux; amd64)'),
    kind: 'sdk',
    tool: 'aws-sdk-go/1.50.0',
  },
  {
    name: 'a browser',
    record: withUa('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36'),
    kind: 'console',
  },
  { name: 'the console user agent AWS Internal', record: withUa('AWS Internal'), kind: 'console' },
  {
    name: 'aws-internal/3',
    record: withUa('aws-internal/3 aws-sdk-java/1.12.0 Linux/5.10 OpenJDK_64-Bit_Server_VM/25.0'),
    kind: 'console',
  },
  { name: 'the console host', record: withUa('s3.console.aws.amazon.com'), kind: 'console' },
  {
    name: 'console session credentials',
    record: withUa('aws-cli/2.15.0', { sessionCredentialFromConsole: 'true' }),
    kind: 'console',
  },
  { name: 'a console sign-in', record: withUa(undefined, { eventType: 'AwsConsoleSignIn' }), kind: 'console' },
  {
    name: 'an AWSService identity',
    record: withUa('ec2.amazonaws.com', { userIdentity: { type: 'AWSService', invokedBy: 'ec2.amazonaws.com' } }),
    kind: 'aws-service',
    tool: 'ec2.amazonaws.com',
  },
  {
    name: 'a call invokedBy a service',
    record: withUa('cloudformation.amazonaws.com', {
      userIdentity: { ...base.userIdentity, invokedBy: 'cloudformation.amazonaws.com' },
    }),
    kind: 'aws-service',
    tool: 'cloudformation.amazonaws.com',
  },
  { name: 'AssumeRoleWithSAML', record: loadTrail('saml')[0] as CloudTrailRecord, kind: 'saml' },
  { name: 'AssumeRoleWithWebIdentity', record: loadTrail('web-identity')[0] as CloudTrailRecord, kind: 'web-identity' },
  { name: 'no user agent', record: withUa(undefined), kind: 'unknown' },
  { name: 'an unknown user agent', record: withUa('curl/8.5.0'), kind: 'unknown' },
];

describe('classifyInterface', () => {
  it.each(cases)('classifies $name as $kind', ({ record, kind, tool }) => {
    // Act
    const result = classifyInterface(record);
    // Assert
    expect(result.kind).toBe(kind);
    expect(result.tool).toBe(tool);
  });

  it('tells the console from the CLI for the same principal', () => {
    // Arrange
    const consoleCall = changeOf(loadTrail('identity-center'));
    // Act
    const kinds = [classifyInterface(consoleCall).kind, classifyInterface(base).kind];
    // Assert
    expect(kinds).toEqual(['console', 'cli']);
  });
});
