import { StoryPart } from '@coprod/domain';

/** How the pages speak of each part of a project's story: its name, the question it answers, and a hint with an example. */
export const STORY_PART_WORDS: Readonly<Record<StoryPart, { name: string; question: string; hint: string }>> = {
  background: {
    name: 'Background',
    question: 'Why the project started',
    hint: 'What led the council and residents to take this on. For example: parish councils kept asking how a village could start an energy scheme, and there was no plain guide.',
  },
  reach: {
    name: 'Who was reached',
    question: 'How people were reached, and who was not',
    hint: 'How people were found and invited, and who the project did not reach. The figures of who took part are shown beside it.',
  },
  lessons: {
    name: 'Lessons',
    question: 'What the project learnt',
    hint: 'What worked, what did not, and what you would do differently.',
  },
  next_steps: {
    name: 'What happens next',
    question: 'What happens next',
    hint: 'What the council and the group will do now, and when.',
  },
  thanks: {
    name: 'Thanks',
    question: 'Who the council thanks',
    hint: 'The groups and people who gave their time. Name a person only if they agreed to be named.',
  },
  contact: {
    name: 'Contact',
    question: 'Who readers contact about the publication',
    hint: "A team name with the team's e-mail address or phone number. Never a person's own e-mail or phone: this is printed in public reports.",
  },
};
