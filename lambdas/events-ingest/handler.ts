import { z } from 'zod';
import { ingestComplianceEvent } from '../../core/events/ingest/ingest.service';
import { createHandler } from '../_shared/create-handler';
import type { EventsDeps } from '../_shared/events-deps';

/**
 * The middy parser only checks that an object arrived: the ingest service parses it with ComplianceChangeEventSchema
 * itself, so a bad event fails with a ValidationError naming the field (Powertools' ParseError says only "Failed to
 * parse schema").
 */
const AnyEventSchema = z.looseObject({ id: z.string().optional() });

/**
 * **Ingest compliance event**: the EventBridge rule's target. One "Config Rules Compliance Change" event per
 * invocation; a thrown error makes EventBridge retry (then the DLQ), which the idempotent ingest absorbs.
 */
export const buildEventsIngestHandler = (deps: EventsDeps) =>
  createHandler({
    schema: AnyEventSchema,
    logger: deps.logger,
    logKeys: (event): Record<string, string> => (event.id ? { eventId: event.id } : {}),
    run: (event) =>
      ingestComplianceEvent(event, {
        store: deps.store,
        clock: deps.clock,
        log: deps.log,
        severity: deps.severity,
        historyTtlDays: deps.env.EVENTS_HISTORY_TTL_DAYS,
        consoleDomain: deps.env.EVENTS_CONSOLE_DOMAIN,
        alertSeverities: new Set(deps.env.EVENTS_ALERT_SEVERITIES),
        ...(deps.chat ? { chat: deps.chat } : {}),
      }),
  });
