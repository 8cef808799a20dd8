import { ChangeContextSchema } from '../../core/domain/change-context.schema';
import { loadScenario } from '../../sandbox';
import { startWorkflowHarness, type WorkflowHarness } from '../helpers/workflow-harness';

/**
 * Trace changes in the workflow: the child execution's second task, over the sandbox's Config history and CloudTrail
 * (LookupEvents paced at 2 calls/s, as AWS allows). The demo's management account holds a privilege-escalation
 * sequence by contractor-bob that ends in the non-compliant IAM user.
 */
const demo = loadScenario('sandbox/scenarios/demo.json');
const MANAGEMENT = '688864825472';

describe('Trace changes in the compliance report workflow', () => {
  let harness: WorkflowHarness;
  beforeAll(async () => {
    harness = await startWorkflowHarness(demo, { TRACE_LIMIT: '10' });
  });
  afterAll(() => harness.stop());

  it('writes the change context of the account: who changed the resource, and the escalation they ran', async () => {
    // Act
    const result = await harness.run({ startDate: '2026-11-16', accounts: [MANAGEMENT], notify: false }, 'trace-run');

    // Assert
    expect(result.status).toBe('SUCCEEDED');
    const text = await harness.deps.store.getText(`runs/trace-run/traces/${MANAGEMENT}.json`);
    const context = ChangeContextSchema.parse(JSON.parse(text ?? 'null'));
    expect(context.candidates).toBeGreaterThan(0);
    const bob = context.traced.find((t) => t.resourceId === 'AIDAHQ58PVZG5CFH3SF1S');
    expect(bob?.actor).toMatchObject({ display: expect.stringMatching(/contractor-bob/) });
    expect(JSON.stringify(bob?.activity)).toMatch(/privesc/);
    expect(context.traced.length + context.untraced.length).toBe(Math.min(10, context.candidates));
  });

  it('never traces an account whose scan failed (its child ends in Account failed) and still finishes the run', async () => {
    // Arrange: 1 failed of 2 accounts is 50%, tolerated here (the dev stage's 10% would fail the Map)
    const denied = Object.entries(demo.accounts).find(([, a]) => a.assumeRole === 'AccessDenied')?.[0] ?? '';

    // Act
    const result = await harness.run(
      { startDate: '2026-11-16', accounts: [denied, MANAGEMENT], notify: false },
      undefined,
      { toleratedFailurePercentage: 50 },
    );

    // Assert
    expect(result.status).toBe('SUCCEEDED');
    const traced = result.events.filter(
      (e) => e.type === 'StateExited' && (e as { state: { name: string } }).state.name === 'Trace changes',
    );
    expect(
      traced.map((e) => (e as { state: { output: { trace?: { status: string } } } }).state.output.trace?.status).sort(),
    ).toEqual(['traced']);
    expect(
      result.events.some(
        (e) => e.type === 'StateEntered' && (e as { state: { name: string } }).state.name === 'Account failed',
      ),
    ).toBe(true);
  });
});
