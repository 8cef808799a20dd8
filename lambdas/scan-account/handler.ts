import { ScanAccountInputSchema } from '../../core/domain/scan-account.schema';
import { scanAccount } from '../../core/scan/scan-account.service';
import { createHandler } from '../_shared/create-handler';
import type { Deps } from '../_shared/deps';

/** **Scan account**: AWS Config compliance of one member account, written as a partial; returns a small summary. */
export const buildScanAccountHandler = (deps: Deps) =>
  createHandler({
    schema: ScanAccountInputSchema,
    logger: deps.logger,
    logKeys: (input) => ({ runId: input.runId, accountId: input.accountId }),
    run: (input) =>
      scanAccount(input, {
        ...deps,
        regionConcurrency: deps.env.REGION_CONCURRENCY,
        ruleConcurrency: deps.env.RULE_CONCURRENCY,
      }),
  });
