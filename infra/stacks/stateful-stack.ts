import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { StageConfig } from '../config/stages';
import { ReportBucket } from '../constructs/report-bucket';

export interface StatefulStackProps extends StackProps {
  readonly config: StageConfig;
}

/** Names of the stateful stack's exports that the stateless stack imports. */
export interface ReportBucketExports {
  readonly bucketName: string;
  readonly bucketArn: string;
}

/**
 * What must outlive a redeploy: the report bucket (and its access log bucket), retained on stack deletion.
 * The bucket is shared through exports with fixed names (not CDK's generated ones), so the stateless stack and its
 * cdk-nag acknowledgments refer to stable names.
 */
export class StatefulStack extends Stack {
  readonly bucket: s3.IBucket;
  readonly bucketExports: ReportBucketExports;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    const reports = new ReportBucket(this, 'ReportBucket', {
      runsRetentionDays: props.config.runsRetentionDays,
      reportRetentionDays: props.config.reportRetentionDays,
    });
    this.bucket = reports.bucket;
    this.bucketExports = {
      bucketName: `${this.stackName}-ReportBucketName`,
      bucketArn: `${this.stackName}-ReportBucketArn`,
    };
    new CfnOutput(this, 'ReportBucketName', {
      value: reports.bucket.bucketName,
      exportName: this.bucketExports.bucketName,
    });
    new CfnOutput(this, 'ReportBucketArn', {
      value: reports.bucket.bucketArn,
      exportName: this.bucketExports.bucketArn,
    });
  }
}
