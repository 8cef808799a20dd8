import type { LaceworkReportDefinition } from '../../../../../core/domain/lacework.schema';
import { frameworkPolicyIds, resolveFramework } from '../../../../../core/lacework/frameworks/framework-definition';
import { NotFoundError } from '../../../../../core/shared/errors';
import iso from '../../../../fixtures/lacework/domain/definition.iso-27001.json';
import { InMemoryLaceworkApi } from '../../../../helpers/fakes/in-memory-lacework-api';

const definition = (reportName: string, guid: string, policies: string[] = []): LaceworkReportDefinition => ({
  reportDefinitionGuid: guid,
  reportName,
  reportDefinition: { sections: [{ policies }] },
});

describe('resolveFramework', () => {
  it('returns the first definition with the exact reportName', async () => {
    // Arrange
    const api = new InMemoryLaceworkApi({
      definitions: [
        definition('CIS', 'g1'),
        definition('AWS ISO 27001:2013', 'g2'),
        definition('AWS ISO 27001:2013', 'g3'),
      ],
    });

    // Act
    const found = await resolveFramework(api, 'AWS ISO 27001:2013');

    // Assert
    expect(found.reportDefinitionGuid).toBe('g2');
  });

  it('throws NotFoundError listing the available names for an unknown framework', async () => {
    // Arrange
    const api = new InMemoryLaceworkApi({
      definitions: [definition('A', 'g1'), definition('B', 'g2'), definition('C', 'g3'), definition('A', 'g4')],
    });

    // Act
    const result = resolveFramework(api, 'a');

    // Assert
    await expect(result).rejects.toThrow(NotFoundError);
    await expect(result).rejects.toThrow('Lacework framework "a" not found; available: A, B, C');
  });

  it('matches after trimming both sides when asked (the alert filter)', async () => {
    // Arrange
    const api = new InMemoryLaceworkApi({ definitions: [definition('CIS 1.4 ', 'g1')] });

    // Act
    const found = await resolveFramework(api, ' CIS 1.4', { trim: true });

    // Assert
    expect(found.reportDefinitionGuid).toBe('g1');
    await expect(resolveFramework(api, ' CIS 1.4')).rejects.toThrow('available: CIS 1.4 ');
  });

  it('says (none) when Lacework has no definitions', async () => {
    await expect(resolveFramework(new InMemoryLaceworkApi(), 'X')).rejects.toThrow(
      'Lacework framework "X" not found; available: (none)',
    );
  });
});

describe('frameworkPolicyIds', () => {
  it('returns the union of the sections, sorted as strings', () => {
    expect(frameworkPolicyIds(iso as LaceworkReportDefinition)).toEqual([
      'lacework-global-10',
      'lacework-global-2',
      'lacework-global-34',
    ]);
  });
});
