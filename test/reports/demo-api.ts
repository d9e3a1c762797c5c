import { CommandBus } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore } from '@coprod/event-store';
import { eventIdFor, HandleDomainCommand, READ_MODELS, ReadModels, ReportService } from '@coprod/application';
import { buildDemoRecord, resolveCorrectionTargets } from '../../apps/cli/src/demo';
import { ApiHarness, startApiHarness } from '../support/api-harness';

/** A real API on a fresh data folder holding the demo record, recorded through the CommandBus as `coprod demo` does. */
export interface DemoApi {
  api: ApiHarness;
  reports: ReportService;
  bus: CommandBus;
  store: EventStore;
  /** Records one more command, as the demo does, and waits until the read models hold it. */
  record: (type: string, data: Record<string, unknown>, commandId: string) => Promise<void>;
}

export async function startDemoApi(): Promise<DemoApi> {
  const api = await startApiHarness();
  const bus = api.app.get(CommandBus);
  const store = api.app.get<EventStore>(EVENT_STORE);
  const readModels = api.app.get<ReadModels>(READ_MODELS);
  const steps = resolveCorrectionTargets(buildDemoRecord(), (index) => eventIdFor(`demo-${index}`, 0));
  let position = 0;
  for (const [index, step] of steps.entries()) {
    const result = await bus.execute(
      new HandleDomainCommand(
        { type: step.type, data: step.data, metadata: { commandId: `demo-${index}`, now: step.at, actor: step.actor } },
        { source: step.source, correlationId: `demo-${index}` },
      ),
    );
    position = Math.max(position, result.position);
  }
  await readModels.runtime.waitFor(position, 30_000);
  const record = async (type: string, data: Record<string, unknown>, commandId: string) => {
    const result = await bus.execute(
      new HandleDomainCommand(
        { type, data, metadata: { commandId, now: new Date().toISOString(), actor: { id: 'test.officer', role: 'evaluation_lead' } } },
        { source: 'api', correlationId: commandId },
      ),
    );
    await readModels.runtime.waitFor(result.position, 30_000);
  };
  return { api, reports: api.app.get(ReportService), bus, store, record };
}
