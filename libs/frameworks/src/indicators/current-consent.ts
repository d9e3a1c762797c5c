import { Fact, ParticipantErased, QuoteConsentWithdrawn } from '@coprod/domain';
import { ProjectFacts } from './project-facts';

/** A change of consent that applies to every answer given after it, whatever the answer's clocks. */
export type ConsentChange = Fact<QuoteConsentWithdrawn | ParticipantErased>;

/**
 * The facts as consent now stands: withdrawn quotes and everything an erased person said are never
 * offered again, and the person is counted as erased. Returns new facts (the given ones are left as
 * they were) and the ids of the changes that altered something.
 */
export function withCurrentConsent(facts: ProjectFacts, changes: readonly ConsentChange[]): { facts: ProjectFacts; applied: string[] } {
  const quotes = new Map(facts.quotes);
  const participants = new Map(facts.participants);
  const applied: string[] = [];
  for (const change of changes) {
    if (change.type === 'QuoteConsentWithdrawn') {
      const quote = quotes.get(change.data.quoteId);
      if (!quote) continue;
      quotes.set(quote.quoteId, { ...quote, withdrawn: true });
    } else {
      const person = participants.get(change.data.participantId);
      if (person) participants.set(person.participantId, { ...person, erased: true });
      // An erased person's words are gone with their key: their quotes are never offered again.
      const theirs = [...quotes.values()].filter((quote) => quote.participantId === change.data.participantId);
      for (const quote of theirs) quotes.set(quote.quoteId, { ...quote, withdrawn: true });
      if (!person && theirs.length === 0) continue;
    }
    applied.push(change.eventId);
  }
  return { facts: applied.length === 0 ? facts : { ...facts, quotes, participants }, applied };
}
