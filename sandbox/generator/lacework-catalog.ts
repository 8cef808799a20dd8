/** What kind of resource a policy evaluates, to build realistic ARNs in reports and alerts. */
export type LaceworkResourceKind =
  | 'root'
  | 'iam-user'
  | 'iam-policy'
  | 'ebs'
  | 'rds'
  | 'kms'
  | 's3'
  | 'trail'
  | 'vpc'
  | 'sg'
  | 'nacl';

/** One policy of the generated catalog. */
export interface CatalogPolicy {
  id: string;
  title: string;
  severity: 'critical' | 'high' | 'medium' | 'low' | 'info';
  policyType: 'Compliance' | 'Manual' | 'Violation';
  kind: LaceworkResourceKind;
  enabled?: false;
  /** Referenced by the framework but absent from `policies` (the report shows "Not Found"). */
  missing?: true;
}

/** A framework section: ISO 27001 Annex A control families. */
export interface CatalogSection {
  category: string;
  title: string;
  policies: CatalogPolicy[];
}

const p = (
  id: number,
  title: string,
  severity: CatalogPolicy['severity'],
  kind: LaceworkResourceKind,
  extra: Partial<CatalogPolicy> = {},
): CatalogPolicy => ({ id: `lacework-global-${id}`, title, severity, policyType: 'Compliance', kind, ...extra });

/** The generated framework's sections, after Lacework's AWS ISO 27001:2013 mapping of its CIS-derived policies. */
export const ISO_27001_SECTIONS: readonly CatalogSection[] = [
  {
    category: 'A.9',
    title: 'A.9 Access control',
    policies: [
      p(34, "Ensure no 'root' user account access key exists", 'critical', 'root'),
      p(35, "Ensure MFA is enabled for the 'root' user account", 'critical', 'root'),
      p(37, 'Ensure IAM password policy requires minimum length of 14 or greater', 'medium', 'root'),
      p(38, 'Ensure IAM password policy prevents password reuse', 'low', 'root'),
      p(40, 'Ensure MFA is enabled for all IAM users that have a console password', 'high', 'iam-user'),
      p(41, 'Ensure credentials unused for 45 days or greater are disabled', 'medium', 'iam-user'),
      p(43, 'Ensure access keys are rotated every 90 days or less', 'medium', 'iam-user'),
      p(44, 'Ensure IAM users receive permissions only through groups', 'low', 'iam-user'),
      p(
        46,
        'Ensure IAM policies that allow full "*:*" administrative privileges are not attached',
        'high',
        'iam-policy',
      ),
      p(31, 'Maintain current contact details', 'info', 'root', { policyType: 'Manual' }),
    ],
  },
  {
    category: 'A.10',
    title: 'A.10 Cryptography',
    policies: [
      p(68, 'Ensure EBS volume encryption is enabled in all regions', 'high', 'ebs'),
      p(69, 'Ensure that encryption is enabled for RDS instances', 'high', 'rds'),
      p(76, 'Ensure rotation for customer created symmetric CMKs is enabled', 'medium', 'kms'),
      p(96, 'Ensure S3 bucket policy is set to deny HTTP requests', 'medium', 's3'),
    ],
  },
  {
    category: 'A.12',
    title: 'A.12 Operations security',
    policies: [
      p(51, 'Ensure CloudTrail is enabled in all regions', 'critical', 'trail'),
      p(52, 'Ensure CloudTrail log file validation is enabled', 'medium', 'trail'),
      p(55, 'Ensure AWS Config is enabled in all regions', 'high', 'root', { enabled: false }),
      p(58, 'Ensure VPC flow logging is enabled in all VPCs', 'low', 'vpc'),
      p(82, 'Unauthorized API calls observed', 'info', 'root', { policyType: 'Violation' }),
    ],
  },
  {
    category: 'A.13',
    title: 'A.13 Communications security',
    policies: [
      p(
        85,
        'Ensure no Network ACLs allow ingress from 0.0.0.0/0 to remote server administration ports',
        'high',
        'nacl',
      ),
      p(
        86,
        'Ensure no security groups allow ingress from 0.0.0.0/0 to remote server administration ports',
        'critical',
        'sg',
      ),
      p(87, 'Ensure the default security group of every VPC restricts all traffic', 'low', 'sg'),
      p(248, 'Ensure no security groups allow ingress from ::/0 to remote server administration ports', 'high', 'sg', {
        missing: true,
      }),
    ],
  },
];

/** A policy outside the framework: it appears in reports (ignored there) and in alerts (kept without a filter). */
export const OUTSIDE_POLICY = p(500, 'Ensure S3 buckets have server access logging enabled', 'low', 's3');
/** A policy id alerts name but `policies` lacks (enrichment reads "Unknown"). */
export const UNKNOWN_POLICY_ID = 'lacework-global-777';
