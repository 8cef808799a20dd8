import type { Severity } from './severity';

/**
 * Shipped severities of AWS managed Config rules, by the rule's name as AWS deploys it (lower-case, dashes), which is
 * what {@link normalizeRuleName} returns for conformance-pack, Security Hub and organization deployments.
 *
 * Source and judgement: where a Security Hub control (AWS Foundational Security Best Practices, CIS) evaluates with
 * the managed rule, the tier is that control's severity as recalled from the Security Hub controls reference (the
 * control id is in the comment; recheck against the current reference when updating, AWS re-tiers controls now and
 * then). Rules without a control carry our own judgement (`judgement`): public exposure and root/credential takeover
 * → Critical; audit trail loss and wide network exposure → High; encryption at rest, logging and rotation → Medium;
 * hygiene (tags, unused resources, versioning) → Low. Local overrides (EVENTS_SEVERITY_OVERRIDES) win over this table.
 */
export const MANAGED_RULE_SEVERITIES: Readonly<Record<string, Severity>> = {
  // Root account and IAM
  'root-account-mfa-enabled': 'Critical', // IAM.9
  'root-account-hardware-mfa-enabled': 'Critical', // IAM.6
  'iam-root-access-key-check': 'Critical', // IAM.4
  'iam-policy-no-statements-with-admin-access': 'High', // IAM.1
  'iam-password-policy': 'Medium', // IAM.7
  'iam-user-mfa-enabled': 'Medium', // IAM.19
  'mfa-enabled-for-iam-console-access': 'Medium', // IAM.5
  'iam-user-unused-credentials-check': 'Medium', // IAM.8
  'access-keys-rotated': 'Medium', // IAM.3
  'iam-user-no-policies-check': 'Low', // IAM.2
  'iam-policy-no-statements-with-full-access': 'Low', // IAM.21
  'iam-no-inline-policy-check': 'Low', // judgement
  'iam-customer-policy-blocked-kms-actions': 'Medium', // KMS.1
  'iam-inline-policy-blocked-kms-actions': 'Medium', // KMS.2
  // KMS and secrets
  'kms-cmk-not-scheduled-for-deletion': 'Critical', // KMS.3
  'cmk-backing-key-rotation-enabled': 'Medium', // KMS.4
  'secretsmanager-rotation-enabled-check': 'Medium', // SecretsManager.1
  'secretsmanager-secret-unused': 'Medium', // SecretsManager.3
  // Audit trail and detection
  'cloudtrail-enabled': 'High', // CloudTrail.1 (legacy rule name)
  'multi-region-cloudtrail-enabled': 'High', // CloudTrail.1
  'cloud-trail-encryption-enabled': 'Medium', // CloudTrail.2
  'cloud-trail-log-file-validation-enabled': 'Low', // CloudTrail.4
  'cloud-trail-cloud-watch-logs-enabled': 'Low', // CloudTrail.5
  'guardduty-enabled-centralized': 'High', // GuardDuty.1
  'securityhub-enabled': 'Medium', // judgement
  'cloudwatch-alarm-action-check': 'High', // CloudWatch.15
  'cloudwatch-log-group-encrypted': 'Medium', // judgement
  'vpc-flow-logs-enabled': 'Medium', // EC2.6
  // S3
  's3-bucket-public-read-prohibited': 'Critical', // S3.2
  's3-bucket-public-write-prohibited': 'Critical', // S3.3
  's3-bucket-level-public-access-prohibited': 'High', // S3.8
  's3-account-level-public-access-blocks': 'Medium', // S3.1
  's3-account-level-public-access-blocks-periodic': 'Medium', // S3.1
  's3-bucket-ssl-requests-only': 'Medium', // S3.5
  's3-bucket-server-side-encryption-enabled': 'Medium', // S3.4
  's3-bucket-logging-enabled': 'Medium', // S3.9
  's3-bucket-acl-prohibited': 'Medium', // S3.12
  's3-bucket-versioning-enabled': 'Low', // S3.14
  // EC2, EBS, VPC
  'ebs-snapshot-public-restorable-check': 'Critical', // EC2.1
  'restricted-common-ports': 'Critical', // EC2.19
  'vpc-default-security-group-closed': 'High', // EC2.2
  'restricted-ssh': 'High', // EC2.13
  'vpc-sg-open-only-to-authorized-ports': 'High', // EC2.18
  'ec2-instance-no-public-ip': 'High', // EC2.9
  'ec2-imdsv2-check': 'High', // EC2.8
  'autoscaling-launch-config-public-ip-disabled': 'High', // AutoScaling.5
  'encrypted-volumes': 'Medium', // EC2.3
  'ec2-ebs-encryption-by-default': 'Medium', // EC2.7
  'ec2-stopped-instance': 'Medium', // EC2.4
  'ec2-managedinstance-patch-compliance-status-check': 'High', // SSM.2
  'ec2-instance-managed-by-systems-manager': 'Medium', // SSM.1
  'approved-amis-by-id': 'Medium', // judgement
  'eip-attached': 'Low', // EC2.12
  'ec2-volume-inuse-check': 'Low', // judgement
  'ec2-instance-detailed-monitoring-enabled': 'Low', // judgement
  'desired-instance-type': 'Low', // judgement
  'required-tags': 'Low', // judgement
  // Databases and analytics
  'rds-instance-public-access-check': 'Critical', // RDS.2
  'rds-snapshots-public-prohibited': 'Critical', // RDS.1
  'redshift-cluster-public-access-check': 'Critical', // Redshift.1
  'dms-replication-not-public': 'Critical', // DMS.1
  'elasticsearch-in-vpc-only': 'Critical', // ES.2
  'opensearch-in-vpc-only': 'Critical', // Opensearch.2
  'rds-automatic-minor-version-upgrade-enabled': 'High', // RDS.13
  'rds-storage-encrypted': 'Medium', // RDS.3
  'rds-snapshot-encrypted': 'Medium', // RDS.4
  'rds-multi-az-support': 'Medium', // RDS.5
  'db-instance-backup-enabled': 'Medium', // RDS.11
  'rds-instance-deletion-protection-enabled': 'Low', // RDS.8
  'elasticsearch-encrypted-at-rest': 'Medium', // ES.1
  'dynamodb-pitr-enabled': 'Medium', // DynamoDB.2
  'dynamodb-autoscaling-enabled': 'Medium', // DynamoDB.1
  'efs-encrypted-check': 'Medium', // EFS.1
  'emr-master-no-public-ip': 'High', // EMR.1
  'sagemaker-notebook-no-direct-internet-access': 'High', // SageMaker.1
  // Compute, containers, build
  'lambda-function-public-access-prohibited': 'Critical', // Lambda.1
  'lambda-function-settings-check': 'Medium', // Lambda.2
  'ssm-document-not-public': 'Critical', // SSM.4
  'codebuild-project-envvar-awscred-check': 'Critical', // CodeBuild.2
  'codebuild-project-source-repo-url-check': 'Critical', // CodeBuild.1
  'eks-endpoint-no-public-access': 'High', // EKS.1
  'ecs-task-definition-user-for-host-mode-check': 'High', // ECS.1
  'ecr-private-image-scanning-enabled': 'High', // ECR.1
  // Edge, load balancing, messaging
  'cloudfront-default-root-object-configured': 'High', // CloudFront.1
  'cloudfront-viewer-policy-https': 'Medium', // CloudFront.3
  'alb-http-to-https-redirection-check': 'Medium', // ELB.1
  'elb-logging-enabled': 'Medium', // ELB.5
  'elb-deletion-protection-enabled': 'Medium', // ELB.6
  'api-gw-execution-logging-enabled': 'Medium', // APIGateway.1
  'acm-certificate-expiration-check': 'Medium', // ACM.1
  'sns-encrypted-kms': 'Medium', // SNS.1
  'backup-plan-min-frequency-and-min-retention-check': 'Medium', // judgement
};
