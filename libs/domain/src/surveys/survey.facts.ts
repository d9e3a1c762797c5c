import { Fact, FactFold } from '../core/fact';
import { SurveyEvent } from './survey';

export interface SurveyFact {
  eventId: string;
  participantId: string;
  phase: 'pre' | 'post';
  answers: Record<string, number>;
}

export interface SurveyFacts {
  surveys: SurveyFact[];
}

export const surveyFacts: FactFold<SurveyEvent, SurveyFacts> = {
  empty: () => ({ surveys: [] }),
  eventTypes: { SurveyResponseRecorded: true },
  apply(f: SurveyFacts, e: Fact<SurveyEvent>): void {
    switch (e.type) {
      case 'SurveyResponseRecorded':
        f.surveys.push({ eventId: e.eventId, participantId: e.data.participantId, phase: e.data.phase, answers: { ...(e.data.answers ?? {}) } as Record<string, number> });
        return;
      default: {
        const unexpected: never = e.type;
        void unexpected;
      }
    }
  },
};
