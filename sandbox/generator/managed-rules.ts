/** An AWS managed Config rule the generator can deploy. */
export interface ManagedRule {
  /** The rule name AWS suggests (before conformance-pack or Security Hub suffixes). */
  name: string;
  /** `Source.SourceIdentifier`. */
  identifier: string;
  resourceType: string;
  /** Share of evaluated resources that are NON_COMPLIANT. */
  nonCompliantRate: number;
  /** Annotation Config writes on some NON_COMPLIANT results. */
  annotation?: string;
}

const rule = (name: string, resourceType: string, nonCompliantRate: number, annotation?: string): ManagedRule => ({
  name,
  identifier: name.toUpperCase().replace(/-/g, '_'),
  resourceType,
  nonCompliantRate,
  ...(annotation === undefined ? {} : { annotation }),
});

/** Managed rules with resources in typical accounts, in the order a generated rule set takes them. */
export const MANAGED_RULES: readonly ManagedRule[] = [
  rule(
    's3-bucket-server-side-encryption-enabled',
    'AWS::S3::Bucket',
    0.12,
    'Server-side encryption is not enabled for this bucket.',
  ),
  rule(
    'ec2-imdsv2-check',
    'AWS::EC2::Instance',
    0.4,
    'Instance metadata service version 2 is not required (HttpTokens is optional).',
  ),
  rule('encrypted-volumes', 'AWS::EC2::Volume', 0.2, 'The EBS volume is not encrypted.'),
  rule('restricted-ssh', 'AWS::EC2::SecurityGroup', 0.08, 'The security group allows inbound SSH from 0.0.0.0/0.'),
  rule('iam-user-mfa-enabled', 'AWS::IAM::User', 0.3, 'MFA is not enabled for this IAM user.'),
  rule('cloudwatch-log-group-encrypted', 'AWS::Logs::LogGroup', 0.6, 'The log group is not encrypted with a KMS key.'),
  rule('s3-bucket-versioning-enabled', 'AWS::S3::Bucket', 0.35, 'Versioning is not enabled for this bucket.'),
  rule('rds-storage-encrypted', 'AWS::RDS::DBInstance', 0.1, 'The DB instance storage is not encrypted.'),
  rule('vpc-flow-logs-enabled', 'AWS::EC2::VPC', 0.35, 'No flow log is configured for this VPC.'),
  rule(
    'iam-password-policy',
    'AWS::::Account',
    0.3,
    'The account password policy does not meet the required parameters.',
  ),
  rule('dynamodb-pitr-enabled', 'AWS::DynamoDB::Table', 0.4, 'Point-in-time recovery is not enabled.'),
  rule('cmk-backing-key-rotation-enabled', 'AWS::KMS::Key', 0.3, 'Automatic key rotation is not enabled.'),
  rule('ec2-instance-no-public-ip', 'AWS::EC2::Instance', 0.15, 'The instance has a public IP address.'),
  rule('s3-bucket-ssl-requests-only', 'AWS::S3::Bucket', 0.4, 'The bucket policy does not deny requests without SSL.'),
  rule('root-account-mfa-enabled', 'AWS::::Account', 0.1, 'MFA is not enabled for the root user.'),
  rule('access-keys-rotated', 'AWS::IAM::User', 0.3, 'An active access key is older than 90 days.'),
  rule(
    'lambda-function-public-access-prohibited',
    'AWS::Lambda::Function',
    0.03,
    'The function policy allows public access.',
  ),
  rule(
    'vpc-default-security-group-closed',
    'AWS::EC2::SecurityGroup',
    0.25,
    'The default security group has inbound or outbound rules.',
  ),
  rule('rds-instance-public-access-check', 'AWS::RDS::DBInstance', 0.05, 'The DB instance is publicly accessible.'),
  rule('alb-http-to-https-redirection-check', 'AWS::ElasticLoadBalancingV2::LoadBalancer', 0.2),
  rule('ec2-instance-managed-by-systems-manager', 'AWS::EC2::Instance', 0.25),
  rule('cloudtrail-enabled', 'AWS::::Account', 0.05, 'No CloudTrail trail is logging in this account.'),
  rule('s3-bucket-public-read-prohibited', 'AWS::S3::Bucket', 0.04),
  rule('rds-multi-az-support', 'AWS::RDS::DBInstance', 0.5),
  rule(
    'iam-user-unused-credentials-check',
    'AWS::IAM::User',
    0.25,
    'A password or access key has not been used for 90 days.',
  ),
  rule('ec2-ebs-encryption-by-default', 'AWS::::Account', 0.4, 'EBS encryption by default is disabled in this region.'),
  rule('s3-bucket-logging-enabled', 'AWS::S3::Bucket', 0.5),
];

/** Managed rules whose resource types typical accounts do not have: they end with zero evaluations (INSUFFICIENT_DATA). */
export const DORMANT_RULES: readonly ManagedRule[] = [
  rule('redshift-cluster-public-access-check', 'AWS::Redshift::Cluster', 0.1),
  rule('opensearch-encrypted-at-rest', 'AWS::OpenSearch::Domain', 0.1),
];

/** Resources of each type per unit of account size (`AWS::::Account` always has exactly one resource). */
export const RESOURCE_WEIGHTS: Readonly<Record<string, number>> = {
  'AWS::S3::Bucket': 1,
  'AWS::EC2::Instance': 1.5,
  'AWS::EC2::Volume': 2,
  'AWS::EC2::SecurityGroup': 1.5,
  'AWS::EC2::VPC': 0.2,
  'AWS::IAM::User': 0.8,
  'AWS::Logs::LogGroup': 2,
  'AWS::RDS::DBInstance': 0.3,
  'AWS::DynamoDB::Table': 0.5,
  'AWS::KMS::Key': 0.4,
  'AWS::Lambda::Function': 1.2,
  'AWS::ElasticLoadBalancingV2::LoadBalancer': 0.3,
};

/** Global resource types Config records in one region only (the first region of a generated account). */
export const GLOBAL_RESOURCE_TYPES: ReadonlySet<string> = new Set(['AWS::IAM::User']);
