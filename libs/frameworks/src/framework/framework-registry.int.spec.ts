import { join, resolve } from 'node:path';
import { DomainError } from '@coprod/domain/core/errors';
import { FrameworkFileError } from './framework-file';
import { FrameworkRegistry } from './framework-registry';

const fixtures = resolve(__dirname, '../../../../test/fixtures/frameworks');

describe('FrameworkRegistry', () => {
  it('lists the four shipped frameworks with West Berkshire as the default', () => {
    const registry = FrameworkRegistry.load();

    expect(registry.list().map((f) => f.id)).toEqual(['bracknell-forest', 'care-act-nef-scie', 'southend', 'west-berkshire']);
    expect(registry.default().id).toBe('west-berkshire');
    expect(registry.versionOf('west-berkshire')).toBe('2022.1');
  });

  it("picks up a council's own file dropped into an extra folder", () => {
    const registry = FrameworkRegistry.load([join(fixtures, 'council')]);

    expect(registry.list()).toHaveLength(5);
    const council = registry.get('example-borough');
    expect(council.outcomes.map((o) => o.id)).toEqual(['residents_shape_decisions', 'better_parks']);
    expect(registry.versionOf('example-borough')).toBe('2024.2');
    expect(registry.fileOf('example-borough')).toBe(join(fixtures, 'council', 'example-borough.yaml'));
  });

  it('can make a council framework the default', () => {
    const registry = FrameworkRegistry.load([join(fixtures, 'council')], { defaultId: 'example-borough' });

    expect(registry.default().id).toBe('example-borough');
  });

  it('answers an unknown id with a not-found error that lists the known ids', () => {
    const registry = FrameworkRegistry.load();

    let error: unknown;
    try {
      registry.get('newbury');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      kind: 'not_found',
      message: 'there is no framework "newbury"; known frameworks: bracknell-forest, care-act-nef-scie, southend, west-berkshire',
    });
  });

  it('refuses two files declaring the same id, naming both', () => {
    expect(() => FrameworkRegistry.load([join(fixtures, 'duplicate-id')])).toThrow(
      /framework id "west-berkshire" is declared by two files, .*libs[\\/]frameworks[\\/]data[\\/]west-berkshire\.yaml and .*duplicate-id[\\/]west-berkshire-copy\.yaml/,
    );
  });

  it('refuses a broken council file with its line, column and field', () => {
    let error: unknown;
    try {
      FrameworkRegistry.load([join(fixtures, 'broken')]);
    } catch (caught) {
      error = caught;
    }

    expect(error).toBeInstanceOf(FrameworkFileError);
    expect((error as FrameworkFileError).file).toBe(join(fixtures, 'broken', 'newbury.yaml'));
    expect((error as FrameworkFileError).problems).toEqual([
      expect.objectContaining({ line: 11, column: 40, path: 'outcomes[0].indicators[1]' }),
    ]);
  });

  it('says so when a configured folder does not exist', () => {
    expect(() => FrameworkRegistry.load([join(fixtures, 'no-such-folder')])).toThrow(/framework folder .*no-such-folder does not exist/);
  });

  it('hands out frameworks that cannot be changed by accident', () => {
    const framework = FrameworkRegistry.load().default();

    expect(() => {
      framework.outcomes[0].indicators.push('expenses');
    }).toThrow(TypeError);
  });
});
