import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export interface ReportBucketProps {
  /** Days the run working files under `runs/` (accounts, partials, map results) are kept. */
  readonly runsRetentionDays: number;
  /** Days the reports under `reports/` are kept. */
  readonly reportRetentionDays: number;
  /**
   * Keep object versions (non-current versions expire after `runsRetentionDays`).
   * @default false - a rerun of a run id overwrites its keys by design
   */
  readonly versioned?: boolean;
  /**
   * Days the S3 server access logs are kept.
   * @default 365
   */
  readonly accessLogRetentionDays?: number;
  /**
   * What happens to the buckets when the stack is deleted.
   * @default RemovalPolicy.RETAIN - reports are compliance evidence
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * The report bucket (runs, partials, map results, reports, history) with its server access log bucket: SSE-S3, all
 * public access blocked, TLS-only bucket policy, lifecycle per prefix.
 */
export class ReportBucket extends Construct {
  /** Where the workflow keeps `runs/`, `reports/` and `history/`. */
  readonly bucket: s3.Bucket;
  /** Receives the report bucket's server access logs. */
  readonly accessLogBucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: ReportBucketProps) {
    super(scope, id);
    // Log delivery through a bucket policy (not the LogDeliveryWrite ACL), so both buckets can disable ACLs. This is
    // the CDK feature flag's recommended value, scoped to this construct because cdk.json does not set it.
    this.node.setContext('@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy', true);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    const secured = {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy,
    } as const;

    this.accessLogBucket = new s3.Bucket(this, 'AccessLogBucket', {
      ...secured,
      lifecycleRules: [{ id: 'ExpireAccessLogs', expiration: Duration.days(props.accessLogRetentionDays ?? 365) }],
    });
    Validations.of(this.accessLogBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'this bucket is the server access log destination of the report bucket; logging it again would only log the log delivery',
    });

    this.bucket = new s3.Bucket(this, 'Bucket', {
      ...secured,
      versioned: props.versioned ?? false,
      serverAccessLogsBucket: this.accessLogBucket,
      serverAccessLogsPrefix: 'report-bucket/',
      lifecycleRules: [
        {
          id: 'ExpireRuns',
          prefix: 'runs/',
          expiration: Duration.days(props.runsRetentionDays),
          ...(props.versioned && { noncurrentVersionExpiration: Duration.days(props.runsRetentionDays) }),
        },
        {
          id: 'ExpireReports',
          prefix: 'reports/',
          expiration: Duration.days(props.reportRetentionDays),
          ...(props.versioned && { noncurrentVersionExpiration: Duration.days(props.runsRetentionDays) }),
        },
        { id: 'AbortIncompleteUploads', abortIncompleteMultipartUploadAfter: Duration.days(7) },
      ],
    });
  }
}
