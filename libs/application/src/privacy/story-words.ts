import { ProjectRecordFacts, STORY_PARTS, StoryPart, StoryPartFact, StoryVersionFact } from '@coprod/domain';
import { isObject, isSealedPersonalData } from '@coprod/privacy/cipher/sealed-personal-data';

/** Opens the `personal` blocks of an event's data with each subject's key (the protector's `open`). */
export type OpenPersonal = (data: Record<string, unknown>, eventId: string) => Promise<Record<string, unknown>>;

/** What opening one version's words gave: the words, or that they were erased (the key is destroyed). */
type OpenedWords = { text: string } | { erased: true } | undefined;

async function wordsOf(version: StoryVersionFact, open: OpenPersonal): Promise<OpenedWords> {
  if (typeof version.text === 'string') return { text: version.text };
  if (version.personal === undefined) return undefined;
  const opened = (await open({ personal: version.personal }, version.eventId)).personal;
  if (isObject(opened) && opened.erased === true) return { erased: true };
  const text = isObject(opened) && isObject(opened.fields) ? opened.fields.text : undefined;
  return typeof text === 'string' ? { text } : undefined;
}

/**
 * The story as a report or a page may show it: for each part, the latest version still counting whose words can be
 * read, sealed words opened with their key. Words whose key was destroyed are missing, and the part falls back to the
 * version before (an answer as known before an erasure still cannot show what was erased since); a part with no
 * readable version is missing, which reports already say plainly.
 */
export async function openStory(
  facts: Pick<ProjectRecordFacts, 'storyVersions'>,
  open: OpenPersonal,
): Promise<Partial<Record<StoryPart, StoryPartFact>>> {
  const story: Partial<Record<StoryPart, StoryPartFact>> = {};
  for (const part of STORY_PARTS) {
    const versions = facts.storyVersions?.[part] ?? [];
    for (let i = versions.length - 1; i >= 0; i -= 1) {
      const words = await wordsOf(versions[i], open);
      if (words && 'text' in words) {
        story[part] = { text: words.text, recordedOn: versions[i].recordedOn, eventId: versions[i].eventId };
        break;
      }
    }
  }
  return story;
}

/** The same facts with the story's sealed words opened: `story` then holds every readable part. */
export async function withOpenStory<F extends Pick<ProjectRecordFacts, 'storyVersions' | 'story'>>(facts: F, open: OpenPersonal): Promise<F> {
  return { ...facts, story: await openStory(facts, open) };
}

/**
 * A story version's data as an auditor reads it in a history: sealed words opened into `text`, as versions recorded
 * before sealing always showed them, and the subject they were sealed under (`sealedUnder`); once erased, no text but
 * `wordsErased: true`. Every other event's data is returned as it is (its personal data stays withheld elsewhere).
 */
export async function storyWordsForHistory(
  type: string,
  data: Record<string, unknown>,
  eventId: string,
  open: OpenPersonal,
): Promise<Record<string, unknown>> {
  if (type !== 'ProjectStoryRecorded' || !isSealedPersonalData(data.personal)) return data;
  const { personal, ...rest } = data;
  const sealedUnder = personal.subjectId;
  // Words that do not open (damaged, or a keys file that does not match) stay withheld: the history still reads, and verify says why.
  const words = await wordsOf({ eventId, recordedOn: String(data.recordedOn ?? ''), personal }, open).catch(() => undefined);
  if (words && 'text' in words) return { ...rest, text: words.text, sealedUnder };
  if (words && 'erased' in words) return { ...rest, wordsErased: true, sealedUnder };
  return data;
}
