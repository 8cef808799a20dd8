import type { LaceworkReportDefinition } from '../../domain/lacework.schema';
import { NotFoundError } from '../../shared/errors';
import type { LaceworkApi } from '../lacework-api.port';
import { pyCompare } from '../python-compat';

/** How a framework name is matched against `reportName`. */
export interface FrameworkMatch {
  /**
   * Compare with surrounding whitespace removed on both sides (the legacy alert tool's `-r` matched
   * `reportName.strip()`); the compliance tool compared exactly.
   * @default false - exact, case-sensitive comparison
   */
  trim?: boolean;
}

/**
 * The first definition whose `reportName` equals `reportName` (names are not unique in Lacework; the legacy tool took
 * the first). Throws NotFoundError listing the available names when none matches.
 */
export const pickFramework = (
  definitions: readonly LaceworkReportDefinition[],
  reportName: string,
  match: FrameworkMatch = {},
): LaceworkReportDefinition => {
  const norm = (name: string) => (match.trim ? name.trim() : name);
  const wanted = norm(reportName);
  const found = definitions.find((d) => norm(d.reportName) === wanted);
  if (found) return found;
  const available = [...new Set(definitions.map((d) => d.reportName))];
  throw new NotFoundError(
    `Lacework framework "${reportName}" not found; available: ${available.length ? available.join(', ') : '(none)'}`,
  );
};

/**
 * **Resolve framework**: `GET /ReportDefinitions`, then {@link pickFramework}. API failures propagate as the adapter
 * threw them; an unknown name throws NotFoundError whose message lists the available names.
 *
 * @example const def = await resolveFramework(api, 'AWS ISO 27001:2013');
 */
export const resolveFramework = async (
  api: Pick<LaceworkApi, 'listReportDefinitions'>,
  reportName: string,
  match: FrameworkMatch = {},
): Promise<LaceworkReportDefinition> => pickFramework(await api.listReportDefinitions(), reportName, match);

/**
 * The union of the sections' policy ids, sorted as Python sorts strings (`lacework-global-10` before
 * `lacework-global-2`).
 */
export const frameworkPolicyIds = (definition: LaceworkReportDefinition): string[] =>
  [...new Set(definition.reportDefinition.sections.flatMap((s) => s.policies))].sort(pyCompare);
