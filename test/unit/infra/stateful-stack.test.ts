import { Match, Template } from 'aws-cdk-lib/assertions';
import { buildTestApp } from './app-fixture';

const { stateful } = buildTestApp('dev');
const template = Template.fromStack(stateful);
const buckets = template.findResources('AWS::S3::Bucket');
const [reportBucketId] = Object.keys(buckets).filter((id) => !id.startsWith('ReportBucketAccessLogBucket'));

describe('StatefulStack', () => {
  it('creates the report bucket and its access log bucket, both retained', () => {
    expect(Object.keys(buckets)).toHaveLength(2);
    for (const bucket of Object.values(buckets)) {
      expect(bucket.DeletionPolicy).toBe('Retain');
      expect(bucket.UpdateReplacePolicy).toBe('Retain');
    }
  });

  it('encrypts both buckets and blocks all public access', () => {
    for (const bucket of Object.values(buckets)) {
      expect(bucket.Properties).toMatchObject({
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      });
    }
  });

  it('denies every request without TLS on both buckets', () => {
    const policies = Object.values(template.findResources('AWS::S3::BucketPolicy'));
    expect(policies).toHaveLength(2);
    for (const policy of policies) {
      expect(policy.Properties.PolicyDocument.Statement).toContainEqual(
        expect.objectContaining({
          Effect: 'Deny',
          Action: 's3:*',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          Principal: { AWS: '*' },
        }),
      );
    }
  });

  it('expires runs/ after 30 days and reports/ after the stage retention', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({ Id: 'ExpireRuns', Prefix: 'runs/', ExpirationInDays: 30, Status: 'Enabled' }),
          Match.objectLike({ Id: 'ExpireReports', Prefix: 'reports/', ExpirationInDays: 90, Status: 'Enabled' }),
          Match.objectLike({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 } }),
        ]),
      },
    });
  });

  it('logs server access of the report bucket to the access log bucket', () => {
    expect(buckets[reportBucketId ?? '']?.Properties.LoggingConfiguration).toEqual({
      DestinationBucketName: { Ref: expect.stringMatching(/^ReportBucketAccessLogBucket/) },
      LogFilePrefix: 'report-bucket/',
    });
  });

  it('exports the bucket name and ARN under fixed names for the stateless stack', () => {
    template.hasOutput('*', { Export: { Name: 'ComplianceReport-dev-Stateful-ReportBucketName' } });
    template.hasOutput('*', { Export: { Name: 'ComplianceReport-dev-Stateful-ReportBucketArn' } });
  });
});
