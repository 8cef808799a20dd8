import type { ConfigRule, EvaluationResult, RegionScenario } from '../scenario.schema';

/** What a lazy region builds: its rules alone (cheap), or its rules and evaluations. */
export interface RegionBuilder {
  rules(): ConfigRule[];
  all(): { configRules: ConfigRule[]; evaluations: EvaluationResult[] };
}

/**
 * A {@link RegionScenario} whose `configRules` and `evaluations` are built on first read and kept only through a
 * `WeakRef`: while something (the sandbox's index, a test) holds them they are built once; once nothing does, the
 * garbage collector may drop them and the next read rebuilds the same records from the same seed. This keeps a
 * 5,000-account × 4-region × 150-rule organization at a few MiB until the sandbox asks for a region.
 *
 * Both properties are enumerable getters, so `JSON.stringify`, zod and `Object.values` see ordinary arrays.
 */
export const lazyRegion = (recorder: RegionScenario['recorder'], build: RegionBuilder): RegionScenario => {
  let rules: WeakRef<ConfigRule[]> | undefined;
  let all: WeakRef<ReturnType<RegionBuilder['all']>> | undefined;
  const region = { recorder } as RegionScenario;
  Object.defineProperties(region, {
    configRules: {
      enumerable: true,
      get: (): ConfigRule[] => {
        const built = all?.deref()?.configRules ?? rules?.deref();
        if (built !== undefined) return built;
        const fresh = build.rules();
        rules = new WeakRef(fresh);
        return fresh;
      },
    },
    evaluations: {
      enumerable: true,
      get: (): EvaluationResult[] => {
        const built = all?.deref();
        if (built !== undefined) return built.evaluations;
        const fresh = build.all();
        all = new WeakRef(fresh);
        return fresh.evaluations;
      },
    },
  });
  return region;
};
