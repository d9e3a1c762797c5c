import { STORY_TEXT_MAX_LENGTH } from '@coprod/domain';
import { text as recordingText } from '../recording/form-input';
import { optional, text } from './form-values';

describe('a text answer read from a posted form', () => {
  it('counts each line break as one character, as the page counted it, however the browser sent it', () => {
    const typed = ['Ring every member before the meeting', 'Post the papers a week ahead', 'Book the library room'].join('\n');
    for (const read of [text, recordingText]) {
      expect(read({ text: typed.replace(/\n/g, '\r\n') }, 'text')).toBe(typed);
      expect(read({ text: typed.replace(/\n/g, '\r') }, 'text')).toBe(typed);
      expect(read({ text: `  ${typed}\r\n\r\n` }, 'text')).toBe(typed);
    }
  });

  it(`keeps a text of ${STORY_TEXT_MAX_LENGTH} characters on 200 lines at ${STORY_TEXT_MAX_LENGTH} once the browser's CRLF breaks are read`, () => {
    const line = 'x'.repeat(STORY_TEXT_MAX_LENGTH / 200 - 1);
    const typed = Array.from({ length: 200 }, () => line).join('\n') + 'x';
    expect(typed).toHaveLength(STORY_TEXT_MAX_LENGTH);
    expect(text({ text: typed.replace(/\n/g, '\r\n') }, 'text')).toHaveLength(STORY_TEXT_MAX_LENGTH);
  });

  it('reads an answer left empty as nothing', () => {
    expect(optional({ reason: ' \r\n ' }, 'reason')).toBeNull();
  });
});
