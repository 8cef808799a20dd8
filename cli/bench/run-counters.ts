import type { Deps } from '../../lambdas/_shared/deps';
import type { TaskKey } from '../../statemachines/state-names';
import type { EventLog, LocalTaskHandlers } from '../local/run-local-workflow';

/** What the benchmark counts while the workflow runs (see {@link attachRunCounters}). */
export interface RunCounters {
  s3: { put: number; get: number; list: number };
  secretsManagerCalls: number;
  /** Invocations and their durations (ms, each rounded up to 1 ms as Lambda bills), per task. */
  lambda: Record<string, { invocations: number; billedMs: number }>;
  transitions: { parent: number; children: number; childExecutions: number };
  /** Bytes of the execution's events as JSON (Step Functions logs at level ALL with execution data log about that). */
  eventBytes: number;
  retries: { parent: number; children: number };
}

/**
 * Wraps the session's object store and secret source with counters (S3 requests as the S3 adapter makes them: one PUT
 * per put, one GET per getText/getStream, one LIST per page of 1,000 keys listed; secret reads are GetSecretValue
 * calls), and returns the counters plus the `wrapHandlers` and `onEvent` hooks for executeWorkflow.
 */
export const attachRunCounters = (deps: Deps) => {
  const counters: RunCounters = {
    s3: { put: 0, get: 0, list: 0 },
    secretsManagerCalls: 0,
    lambda: {},
    transitions: { parent: 0, children: 0, childExecutions: 0 },
    eventBytes: 0,
    retries: { parent: 0, children: 0 },
  };
  const store = deps.store;
  const counted: Partial<Deps['store']> = {
    put: (...args) => {
      counters.s3.put += 1;
      return store.put(...args);
    },
    getText: (...args) => {
      counters.s3.get += 1;
      return store.getText(...args);
    },
    getStream: (...args) => {
      counters.s3.get += 1;
      return store.getStream(...args);
    },
    list: async function* (prefix) {
      let n = 0;
      counters.s3.list += 1;
      for await (const key of store.list(prefix)) {
        n += 1;
        if (n % 1000 === 0) counters.s3.list += 1;
        yield key;
      }
    },
  };
  deps.store = new Proxy(store, {
    get: (target, property, receiver) => {
      const own = counted[property as keyof Deps['store']];
      if (own !== undefined) return own;
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const secrets = deps.secrets;
  deps.secrets = {
    getSecret: (name) => {
      counters.secretsManagerCalls += 1;
      return secrets.getSecret(name);
    },
  };

  const wrapHandlers = (handlers: LocalTaskHandlers): LocalTaskHandlers =>
    Object.fromEntries(
      (Object.entries(handlers) as [TaskKey, LocalTaskHandlers[TaskKey]][]).map(([key, handler]) => [
        key,
        async (payload: unknown, context: Parameters<typeof handler>[1]) => {
          const started = performance.now();
          try {
            return await handler(payload, context);
          } finally {
            const entry = counters.lambda[key] ?? { invocations: 0, billedMs: 0 };
            counters.lambda[key] = entry;
            entry.invocations += 1;
            entry.billedMs += Math.ceil(performance.now() - started);
          }
        },
      ]),
    ) as LocalTaskHandlers;

  const onEvent = (event: EventLog): void => {
    const child = 'index' in event && event.index !== undefined;
    // Without the local runner's copy of the whole Map input on every iteration event (not in AWS's history).
    const { parentState: _parent, ...logged } = event as EventLog & { parentState?: unknown };
    counters.eventBytes += JSON.stringify(logged).length;
    if (event.type === 'MapIterationStarted') counters.transitions.childExecutions += 1;
    if (event.type === 'StateEntered' || event.type === 'StateRetried') {
      if (child) counters.transitions.children += 1;
      else counters.transitions.parent += 1;
    }
    if (event.type === 'StateRetried') {
      if (child) counters.retries.children += 1;
      else counters.retries.parent += 1;
    }
  };
  return { counters, wrapHandlers, onEvent };
};
