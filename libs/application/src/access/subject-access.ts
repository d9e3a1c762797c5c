import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { notFound } from '@coprod/domain';
import { EVENT_STORE, EventStore, StoredEvent } from '@coprod/event-store';
import { buildSubjectAccessExport, SubjectAccessExport } from '@coprod/privacy/subject-access/subject-access-export';
import { PERSONAL_DATA_PROTECTOR, PersonalDataProtector } from '../commands/personal-data-protector';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ReportRegisterFile } from '../reports/report-register';

const PAGE = 1000;

/**
 * Prepares a participant's subject access export (UK GDPR article 15): every event that mentions
 * them, their own details opened with their key (others' withheld), their quotes with the consent
 * given, and where their words were used. Read from the log itself, the only complete record, and
 * from the register of reports, the only record of which reports carried whose words.
 */
@Injectable()
export class SubjectAccess implements OnApplicationShutdown {
  private readonly register: ReportRegisterFile;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PERSONAL_DATA_PROTECTOR) private readonly protector: PersonalDataProtector,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.register = new ReportRegisterFile(config.keysFile);
  }

  onApplicationShutdown(): void {
    this.register.close();
  }

  async export(participantId: string, generatedAt = new Date().toISOString()): Promise<SubjectAccessExport> {
    const own = await this.store.readStream(`participant-${participantId}`);
    if (own.length === 0) {
      throw notFound('participant.not_found', `participant ${participantId} does not exist: check the id (for example part-001)`);
    }
    return buildSubjectAccessExport({
      participantId,
      events: await this.everyEvent(),
      openPersonal: (event) => this.protector.open(event.data, event.id),
      generatedAt,
      register: { reportsCarrying: this.register.opened().reportsCarrying(participantId), keptSince: this.register.opened().keptSince() },
    });
  }

  private async everyEvent(): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    for (;;) {
      const page = await this.store.readAll({ after: events[events.length - 1]?.position ?? 0, maxCount: PAGE });
      events.push(...page);
      if (page.length < PAGE) return events;
    }
  }
}
