import { checkCommandInput, InvalidCommandInput, InvalidInputField } from './command-input';

function refusal(data: unknown, type = 'RegisterParticipant'): InvalidCommandInput {
  try {
    checkCommandInput(type, data);
  } catch (error) {
    if (error instanceof InvalidCommandInput) return error;
    throw error;
  }
  throw new Error('the data was accepted');
}

const problemsOf = (data: unknown): InvalidInputField[] => refusal(data).fields;

describe('checkCommandInput', () => {
  it('accepts Arabic, Urdu, Bengali, Chinese and Welsh text, with tabs and new lines, anywhere', () => {
    const data = {
      participantId: 'part-1',
      personal: {
        subjectId: 'part-1',
        fields: {
          name: 'فاطمة الزهراء',
          accessNeeds: 'براہ کرم دستاویزات بڑے حروف میں بھیجیں۔\nمیں وہیل چیئر استعمال کرتی ہوں۔',
        },
      },
      summary: 'আমরা একসাথে নির্দেশিকা লিখেছি\t我们一起写了指南。 Ysgrifennon ni’r canllaw gyda’n gilydd.',
      title: 'مجلس المقيمين: طاقة المجتمع',
      tags: ['শক্তি', '能源', 'ynni'],
      minutes: 90,
      optional: null,
    };
    expect(() => checkCommandInput('RegisterParticipant', data)).not.toThrow();
  });

  it('accepts a bidi isolate inside free text, where a mixed-direction sentence may need one', () => {
    const accessNeeds = 'Please print \u2067مرحبا\u2069 large';
    expect(() => checkCommandInput('RegisterParticipant', { personal: { fields: { accessNeeds } } })).not.toThrow();
  });

  it('refuses a NUL in a title, naming the field and the character by its code point', () => {
    const error = refusal({ projectId: 'p-1', title: 'Energy\u0000 note' }, 'RegisterProject');
    expect(error.commandType).toBe('RegisterProject');
    expect(error.fields).toEqual([{ field: 'title', problems: ['contains the control character U+0000; remove it'] }]);
    expect(error.message).toBe('RegisterProject was not recorded: title contains the control character U+0000; remove it');
  });

  it('refuses a name that is only a NUL, with a dotted path to it', () => {
    expect(problemsOf({ personal: { subjectId: 'part-1', fields: { name: '\u0000' } } })).toEqual([
      { field: 'personal.fields.name', problems: ['contains the control character U+0000; remove it'] },
    ]);
  });

  it('refuses escape, DEL, C1 controls and carriage return, and lists each character once', () => {
    expect(problemsOf({ summary: '\u001b[31mred\u001b[0m', reason: 'a\u007fb', aim: 'a\u0085b', note: 'line\r\nnext' })).toEqual([
      { field: 'summary', problems: ['contains the control character U+001B; remove it'] },
      { field: 'reason', problems: ['contains the control character U+007F; remove it'] },
      { field: 'aim', problems: ['contains the control character U+0085; remove it'] },
      { field: 'note', problems: ['contains the control character U+000D; remove it'] },
    ]);
  });

  it('refuses bidi overrides and embeddings in any text, free text included', () => {
    const [name, needs] = problemsOf({ name: 'evil\u202Etxt.exe', accessNeeds: 'x\u202Ay' });
    expect(name).toEqual({ field: 'name', problems: [expect.stringMatching(/^contains the bidirectional control character U\+202E, .*; remove it$/)] });
    expect(needs.problems).toEqual([expect.stringContaining('U+202A')]);
  });

  it('refuses bidi isolates in ids, lists of ids, names and titles', () => {
    const fields = problemsOf({ projectId: 'p\u2066', participantIds: ['a', 'b\u2069'], name: '\u2068x', title: 'x\u2067', id: '\u2066' }).map((f) => f.field);
    expect(fields).toEqual(['projectId', 'participantIds.1', 'name', 'title', 'id']);
    expect(problemsOf({ name: '\u2068x' })[0].problems).toEqual([
      'contains the bidirectional isolate character U+2068, which is not allowed in an id or a name; remove it',
    ]);
  });

  it('finds text inside arrays of objects', () => {
    expect(problemsOf({ attendees: [{ participantId: 'a' }, { participantId: 'b', note: 'x\u0007' }] })).toEqual([
      { field: 'attendees.1.note', problems: ['contains the control character U+0007; remove it'] },
    ]);
  });

  it('refuses keys that reach a prototype, wherever they are', () => {
    const data = JSON.parse('{"title":"t","__proto__":{"polluted":true},"changes":{"constructor":{"prototype":{}}},"list":[{"prototype":1}]}');
    expect(problemsOf(data)).toEqual([
      { field: '__proto__', problems: ['"__proto__" is not allowed as a field name; remove it'] },
      { field: 'changes.constructor', problems: ['"constructor" is not allowed as a field name; remove it'] },
      { field: 'list.0.prototype', problems: ['"prototype" is not allowed as a field name; remove it'] },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a control character in a key', () => {
    expect(problemsOf({ changes: { 'mi\u0000nutes': 5 } })).toEqual([
      { field: 'changes.mi\u0000nutes', problems: ['its name contains the control character U+0000; remove it'] },
    ]);
  });

  it('accepts nesting 32 levels deep and refuses 33, without recursing', () => {
    const nested = (levels: number) => {
      let value: unknown = 'leaf';
      for (let i = 0; i < levels; i += 1) value = { a: value };
      return value;
    };
    expect(() => checkCommandInput('X', nested(32))).not.toThrow();
    const [deep] = problemsOf(nested(33));
    expect(deep.field).toBe(Array(32).fill('a').join('.'));
    expect(deep.problems).toEqual(['is nested deeper than 32 levels; send flatter data']);
    expect(() => checkCommandInput('X', nested(100_000))).toThrow(InvalidCommandInput);
  });

  it('lists every invalid field at once', () => {
    expect(problemsOf({ title: '\u0000', personal: { fields: { name: '\u202E' } }, constructor: 1 }).map((f) => f.field)).toEqual([
      'title',
      'personal.fields.name',
      'constructor',
    ]);
  });
});
