import { join } from 'node:path';
import ts from 'typescript';

const root = join(__dirname, '..', '..', '..', '..');

/** Type-checks the figures (libs/frameworks, with the domain it reads) with one domain file's text replaced. */
function diagnosticsWith(file: string, edit: (text: string) => string): ts.Diagnostic[] {
  const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  const target = join(root, file);
  const host = ts.createCompilerHost(config.options);
  const read = host.readFile.bind(host);
  host.readFile = (name) => {
    const text = read(name);
    return name === target && text !== undefined ? edit(text) : text;
  };
  const program = ts.createProgram({ rootNames: [join(root, 'libs/frameworks/src/index.ts')], options: { ...config.options, noEmit: true }, host });
  return [...program.getSemanticDiagnostics()];
}

const where = (diagnostics: ts.Diagnostic[]) =>
  diagnostics.map((d) => `${d.file ? d.file.fileName.slice(root.length + 1) : '?'}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);

describe('one typed read of the record', () => {
  it('type-checks as it stands', () => {
    expect(where(diagnosticsWith('libs/domain/src/activities/activity.ts', (text) => text))).toEqual([]);
  }, 120_000);

  it('breaks the build where figures read a field when that field of an event is renamed', () => {
    const renamed = diagnosticsWith('libs/domain/src/activities/activity.ts', (text) => {
      const changed = text.replace('participantId: string; minutes: number; capacity', 'participantId: string; attendedMinutes: number; capacity');
      expect(changed).not.toBe(text);
      return changed;
    });
    expect(where(renamed)).toEqual(expect.arrayContaining([expect.stringMatching(/^libs\/domain\/src\/activities\/activity\.facts\.ts: .*minutes/)]));
  }, 120_000);
});
