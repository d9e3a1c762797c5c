import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coprod, requireCompiledProgram } from './coprod-cli';

const PARTICIPANT = 'part-003';
const TRACES = ['Paweł Wójcik', 'pawel.wojcik@example.com'];

/** Which of the traces a text or a file's bytes still hold. */
const found = (text: string | Buffer) => TRACES.filter((trace) => (typeof text === 'string' ? text.includes(trace) : text.includes(Buffer.from(trace))));

// The CLI is one more way in: `coprod erase` must be the same operation as the API's erasure route.
describe('erasing a participant from the command line (demo record)', () => {
  beforeAll(requireCompiledProgram);
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'coprod-erase-cli-'));
    expect(coprod(dataDir, ['demo']).status).toBe(0);
  }, 120_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('first shows their details, so the searches below can find them', () => {
    const access = coprod(dataDir, ['subject-access', PARTICIPANT, '--json']);
    expect(access.status).toBe(0);
    expect(found(access.output)).toEqual(TRACES);
  });

  it('records the erasure dated by the machine, destroys the key, and leaves their name in no answer and no byte of the data folder', () => {
    const erased = coprod(dataDir, ['erase', PARTICIPANT, '--reason', 'asked by phone']);
    expect(erased.status).toBe(0);
    expect(erased.output).toMatch(/their key was destroyed/);
    const access = coprod(dataDir, ['subject-access', PARTICIPANT, '--json']);
    expect(access.status).toBe(0);
    expect(JSON.parse(access.output)).toMatchObject({ participantId: PARTICIPANT, erased: true });
    expect(found(access.output)).toEqual([]);
    const out = join(dataDir, 'case-study.md');
    expect(coprod(dataDir, ['report', 'case-study', '--project', 'p-energy', '--format', 'md', '--out', out]).status).toBe(0);
    expect(found(readFileSync(out, 'utf8'))).toEqual([]);
    rmSync(out);
    for (const file of readdirSync(dataDir)) expect({ file, traces: found(readFileSync(join(dataDir, file))) }).toEqual({ file, traces: [] });
    const again = coprod(dataDir, ['erase', PARTICIPANT]);
    expect(again.status).not.toBe(0);
    expect(again.output).toMatch(/was erased on 20\d\d-/);
  });
});
