import { Attribution } from '@coprod/domain/core/vocabulary';

/** Who said it: the name where consented, and the role as readers should see it ("carer"). */
export interface Speaker {
  name?: string;
  roleLabel: string;
}

/**
 * The words that introduce a quote's speaker: "Jane Doe, carer", "a carer" or "a participant".
 * A named quote whose name is unknown (never given, or erased) falls back to the role.
 */
export function attributeQuote(attribution: Attribution, speaker: Speaker): string {
  const name = speaker.name?.trim();
  const role = speaker.roleLabel.trim();
  switch (attribution) {
    case 'named':
      if (name) return role ? `${name}, ${role}` : name;
      return withArticle(role || 'participant');
    case 'role_only':
      return withArticle(role || 'participant');
    case 'anonymous':
      return 'a participant';
    default: {
      const unknown: never = attribution;
      throw new TypeError(`unknown attribution ${String(unknown)}; expected named, role_only or anonymous`);
    }
  }
}

// "a user", "a one-off member", "an evaluation lead": the sound decides, and these spellings start with a consonant sound.
const CONSONANT_SOUNDING = /^(uni|use|usu|uti|eu|one|once)/i;

function withArticle(noun: string): string {
  const vowel = /^[aeiou]/i.test(noun) && !CONSONANT_SOUNDING.test(noun);
  return `${vowel ? 'an' : 'a'} ${noun}`;
}
