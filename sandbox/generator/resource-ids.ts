import type { Prng } from './prng';

const PURPOSES = [
  'logs',
  'assets',
  'backups',
  'artifacts',
  'data',
  'uploads',
  'reports',
  'tfstate',
  'exports',
  'static',
];
const FUNCTIONS = ['ingest', 'resize', 'notify', 'sync', 'authorizer', 'cleanup', 'export', 'webhook', 'scheduler'];

/** Where a resource lives, for ids that embed it. */
export interface ResourceContext {
  accountId: string;
  accountName: string;
  region: string;
}

/**
 * A realistic `ResourceId` as Config reports it for a resource type (bucket names, `i-0…`, `AIDA…` user ids, ARNs for
 * load balancers, the account id for `AWS::::Account`). `n` keeps ids unique within an account and region.
 */
export const resourceId = (type: string, n: number, ctx: ResourceContext, prng: Prng): string => {
  switch (type) {
    case 'AWS::::Account':
      return ctx.accountId;
    case 'AWS::S3::Bucket':
      return `${ctx.accountName}-${prng.pick(PURPOSES)}-${ctx.region}-${n}`;
    case 'AWS::EC2::Instance':
      return `i-0${prng.hex(16)}`;
    case 'AWS::EC2::Volume':
      return `vol-0${prng.hex(16)}`;
    case 'AWS::EC2::SecurityGroup':
      return `sg-0${prng.hex(16)}`;
    case 'AWS::EC2::VPC':
      return `vpc-0${prng.hex(16)}`;
    case 'AWS::IAM::User':
      return `AIDA${prng.upperAlnum(17)}`;
    case 'AWS::RDS::DBInstance':
      return `db-${prng.upperAlnum(26)}`;
    case 'AWS::DynamoDB::Table':
      return `${ctx.accountName}-${prng.pick(PURPOSES)}-table-${n}`;
    case 'AWS::KMS::Key':
      return prng.uuid();
    case 'AWS::Lambda::Function':
      return `${ctx.accountName}-${prng.pick(FUNCTIONS)}-${n}`;
    case 'AWS::Logs::LogGroup':
      return `/aws/lambda/${ctx.accountName}-${prng.pick(FUNCTIONS)}-${n}`;
    case 'AWS::ElasticLoadBalancingV2::LoadBalancer':
      return `arn:aws:elasticloadbalancing:${ctx.region}:${ctx.accountId}:loadbalancer/app/${ctx.accountName}-alb-${n}/${prng.hex(16)}`;
    default:
      return `${ctx.accountName}-resource-${n}`;
  }
};
