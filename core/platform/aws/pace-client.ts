import type { MiddlewareStack } from '@smithy/types';
import type { RequestPacer } from '../../shared/request-pacer';

/**
 * Paces every attempt of a client (retries included: the middleware sits after the retry middleware, in the
 * finalizeRequest step) through a {@link RequestPacer}.
 */
export const paceClient = <Input extends object, Output extends object>(
  client: { middlewareStack: Pick<MiddlewareStack<Input, Output>, 'add'> },
  pacer: RequestPacer,
): void => {
  client.middlewareStack.add(
    (next) => async (args) => {
      await pacer.acquire();
      return next(args);
    },
    { step: 'finalizeRequest', priority: 'low', name: 'requestPacerMiddleware' },
  );
};
