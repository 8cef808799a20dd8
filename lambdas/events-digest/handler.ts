import { z } from 'zod';
import { runDailyDigest } from '../../core/events/digest/digest.service';
import { createHandler } from '../_shared/create-handler';
import type { EventsDeps } from '../_shared/events-deps';

/** The schedule's payload: empty (yesterday in EVENTS_TIME_ZONE) or a local `day` to (re)send. */
export const DigestInputSchema = z.looseObject({
  day: z.iso.date().optional(),
});

/** **Daily digest**: scheduled once a day in EVENTS_TIME_ZONE; one Slack message per local day. */
export const buildEventsDigestHandler = (deps: EventsDeps) =>
  createHandler({
    schema: DigestInputSchema,
    logger: deps.logger,
    run: (input) =>
      runDailyDigest(input.day === undefined ? {} : { day: input.day }, {
        store: deps.store,
        clock: deps.clock,
        log: deps.log,
        timeZone: deps.env.EVENTS_TIME_ZONE,
        ...(deps.chat ? { chat: deps.chat } : {}),
      }),
  });
