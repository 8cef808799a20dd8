import { z } from 'zod';
import {
  AccountIdSchema,
  type ExecutionInput,
  IsoDateSchema,
  RegionSchema,
} from '../../core/domain/execution-input.schema';
import { parseCliArgs } from './parse-cli-args';

export const DEFAULT_SCENARIO = 'sandbox/scenarios/demo.json';

export const RUN_USAGE = `usage: npm start -- [options]

Runs the compliance report workflow (the CDK-synthesized state machine) on this machine.
By default against the embedded sandbox: no AWS account or credentials needed.

  --scenario <file>       sandbox scenario file (default ${DEFAULT_SCENARIO})
  --output <dir>          where the reports are copied (default output/)
  --start-date YYYY-MM-DD first day of the report range
  --end-date YYYY-MM-DD   last day of the report range (default: the previous Monday–Sunday)
  --current-week          report on the current week instead
  --account <id>          only this account (repeatable)
  --no-notify             skip Slack and Jira (the execution input's notify: false)
  --log-level <level>     Powertools log level: DEBUG, INFO, WARN, ERROR, SILENT (default ERROR)

Lacework (the legacy tools' options keep working):
  -k, --api-key-file <f>  Lacework API key JSON from the console (keyId, secret, account[, subAccount]);
                          with --live and no -k, LW_ACCOUNT / LW_API_KEY / LW_API_SECRET are used
  -r, --report-name <n>   the Lacework framework to report (exact reportName); also keeps only its alerts
  --output-file <name>    file name of the Lacework alerts CSV in --output
  --clear-cache           fetch every Lacework policy afresh (ignore the policy cache)

  --live                  run against real AWS with the SDK's default credential chain
    --profile <name>        AWS profile (SSO or role) to use
    --bucket <name>         report bucket (required with --live)
    --role-name <name>      member role name (default ComplianceReader)
    --external-id <id>      ExternalId the member roles require (required with --live)
    --region <r>            region to scan (repeatable; default AWS_REGION)
  --help                  this text
`;

const RunOptionsSchema = z
  .object({
    scenario: z.string().default(DEFAULT_SCENARIO),
    output: z.string().default('output'),
    startDate: IsoDateSchema.optional(),
    endDate: IsoDateSchema.optional(),
    currentWeek: z.boolean().default(false),
    account: z.array(AccountIdSchema).default([]),
    logLevel: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT']).default('ERROR'),
    live: z.boolean().default(false),
    profile: z.string().optional(),
    bucket: z.string().optional(),
    roleName: z.string().default('ComplianceReader'),
    externalId: z.string().optional(),
    region: z.array(RegionSchema).default([]),
    apiKeyFile: z.string().min(1).optional(),
    reportName: z.string().trim().min(1, 'give the exact Lacework reportName, e.g. "AWS ISO 27001:2013"').optional(),
    outputFile: z
      .string()
      .regex(/^[^/\\]+$/, 'a file name, not a path (it is written in --output)')
      .optional(),
    clearCache: z.boolean().default(false),
    noNotify: z.boolean().default(false),
    help: z.boolean().default(false),
  })
  .superRefine((o, ctx) => {
    if (o.live && !o.bucket)
      ctx.addIssue({ code: 'custom', path: ['bucket'], message: '--live needs --bucket <report bucket>' });
    if (o.live && !o.externalId)
      ctx.addIssue({
        code: 'custom',
        path: ['externalId'],
        message: '--live needs --external-id <id of the member roles>',
      });
  });

export type RunOptions = z.output<typeof RunOptionsSchema>;

/** Lambda environment values the options change: the alerts filter (`-r`) and a fresh policy cache. */
export const envOverridesFrom = (options: RunOptions): Record<string, string> => ({
  ...(options.reportName ? { LACEWORK_ALERTS_FRAMEWORK: options.reportName } : {}),
  ...(options.clearCache ? { LACEWORK_POLICY_CACHE_TTL_HOURS: '0' } : {}),
});

/** Parses `npm start -- …` arguments; unknown flags and bad values end the CLI with exit code 2 and the usage. */
export const parseRunOptions = (argv: string[]): RunOptions =>
  parseCliArgs(
    argv,
    {
      scenario: { type: 'string' },
      output: { type: 'string' },
      'start-date': { type: 'string' },
      'end-date': { type: 'string' },
      'current-week': { type: 'boolean' },
      account: { type: 'string', multiple: true },
      'log-level': { type: 'string' },
      live: { type: 'boolean' },
      profile: { type: 'string' },
      bucket: { type: 'string' },
      'role-name': { type: 'string' },
      'external-id': { type: 'string' },
      region: { type: 'string', multiple: true },
      'api-key-file': { type: 'string', short: 'k' },
      'report-name': { type: 'string', short: 'r' },
      'output-file': { type: 'string' },
      'clear-cache': { type: 'boolean' },
      'no-notify': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    RunOptionsSchema,
    RUN_USAGE,
  );

/** The execution input the options describe (dates, accounts, notify); the workflow's Resolve run validates it. */
export const executionInputFrom = (options: RunOptions): ExecutionInput => ({
  ...(options.startDate ? { startDate: options.startDate } : {}),
  ...(options.endDate ? { endDate: options.endDate } : {}),
  ...(options.currentWeek ? { currentWeek: true } : {}),
  ...(options.account.length > 0 ? { accounts: options.account } : {}),
  ...(options.reportName ? { frameworks: [options.reportName] } : {}),
  ...(options.noNotify ? { notify: false } : {}),
});
