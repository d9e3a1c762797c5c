'use strict';
/**
 * The named scopes of `npm run mutate`: which source files are mutated and which tests are run against
 * them. Each scope lists the tests that really cover its code (its own specs and the end-to-end suites
 * that exercise it), so a surviving mutant means the suite would not notice that wrong code, not that
 * the right test was left out.
 */
const NOT_SPECS = ['!**/*.spec.ts', '!**/*.fixture.ts', '!**/index.ts'];
/**
 * Runs the TypeScript compiler over the sources: in the sandbox every mutated file is marked
 * `@ts-nocheck`, so it cannot pass there whatever the mutant. It guards types, not values.
 */
const TYPE_CHECKING_SPEC = '!**/typed-facts.int.spec.ts';

/**
 * `roots` are the folders jest looks through for each mutant's run: the fewer, the quicker each of the
 * thousands of runs starts.
 * @type {Record<string, { what: string, mutate: string[], roots: string[], tests: string[], threshold: number }>}
 */
const SCOPES = {
  domain: {
    what: 'libs/domain: deciders, folds of state, corrections and the rules they share',
    // core/spec.ts and core/properties.ts are the specs' own harness and generators, not product code.
    // The *.facts.ts folds feed the figures, and are mutated with them (scope figures).
    mutate: [
      'libs/domain/src/**/*.ts',
      ...NOT_SPECS.map((p) => `!libs/domain/src/${p.slice(1)}`),
      '!libs/domain/src/core/spec.ts',
      '!libs/domain/src/core/properties.ts',
      '!libs/domain/src/**/*.facts.ts',
    ],
    roots: ['<rootDir>/libs/domain'],
    tests: ['<rootDir>/libs/domain/**/*.spec.ts'],
    threshold: 90,
  },
  privacy: {
    what: 'libs/privacy consent and integrity: who may be quoted, and whether the record is intact',
    mutate: [
      'libs/privacy/src/consent/**/*.ts',
      'libs/privacy/src/integrity/**/*.ts',
      '!libs/privacy/src/**/*.spec.ts',
      '!libs/privacy/src/**/*.fixture.ts',
    ],
    roots: ['<rootDir>/libs/privacy'],
    tests: ['<rootDir>/libs/privacy/src/consent/**/*.spec.ts', '<rootDir>/libs/privacy/src/integrity/**/*.spec.ts'],
    threshold: 95,
  },
  figures: {
    what: 'libs/frameworks indicators and the domain folds they read: every figure a report or dashboard shows',
    mutate: [
      'libs/domain/src/**/*.facts.ts',
      'libs/frameworks/src/indicators/**/*.ts',
      '!libs/frameworks/src/**/*.spec.ts',
      '!libs/frameworks/src/**/index.ts',
      '!libs/frameworks/src/indicators/labels.ts',
    ],
    roots: ['<rootDir>/libs/domain', '<rootDir>/libs/frameworks', '<rootDir>/test/outcomes'],
    // The *.figures.unit.spec.ts suites assert the very figures of the hand-checked and demo-framework end-to-end
    // suites, computed by the application's own outcomes query from the events those scenarios record (committed
    // fixtures), in milliseconds instead of an application's start per mutant. The end-to-end suites fail when
    // their scenario records anything other than its fixture, so the fixtures cannot drift from them.
    tests: [
      '<rootDir>/libs/frameworks/src/indicators/**/*.spec.ts',
      TYPE_CHECKING_SPEC,
      '<rootDir>/test/outcomes/*.figures.unit.spec.ts',
    ],
    threshold: 85,
  },
  'event-store': {
    what: 'libs/event-store: the embedded store, envelopes, validation and the hash chain',
    mutate: [
      'libs/event-store/src/sqlite/**/*.ts',
      'libs/event-store/src/integrity.ts',
      'libs/event-store/src/validate-event.ts',
      'libs/event-store/src/event-envelope.ts',
      '!libs/event-store/src/**/*.spec.ts',
    ],
    tests: [
      '<rootDir>/libs/event-store/src/sqlite/**/*.spec.ts',
      '<rootDir>/libs/event-store/src/integrity.unit.spec.ts',
      '<rootDir>/libs/event-store/src/config/*.spec.ts',
    ],
    threshold: 80,
  },
  charts: {
    what: 'libs/reporting charts: the chart drawn as vector marks for print, replayed onto the PDF page, and its numbers in words',
    mutate: ['libs/reporting/src/charts/chart-vector.ts', 'libs/reporting/src/charts/chart-format.ts', 'libs/reporting/src/render/pdf/pdf-chart.ts'],
    roots: ['<rootDir>/libs/reporting'],
    tests: [
      '<rootDir>/libs/reporting/src/charts/chart-vector.int.spec.ts',
      '<rootDir>/libs/reporting/src/charts/chart-format.unit.spec.ts',
      '<rootDir>/libs/reporting/src/charts/chart-image.int.spec.ts',
      '<rootDir>/libs/reporting/src/render/pdf/pdf-chart.int.spec.ts',
    ],
    threshold: 85,
  },
  'reporting-builders': {
    what: 'libs/reporting builders: the report models every renderer draws from',
    mutate: ['libs/reporting/src/builders/**/*.ts', '!libs/reporting/src/**/*.spec.ts', '!libs/reporting/src/builders/index.ts'],
    roots: ['<rootDir>/libs/reporting', '<rootDir>/test/reports'],
    tests: [
      '<rootDir>/libs/reporting/src/builders/**/*.spec.ts',
      '<rootDir>/test/reports/case-study.e2e.spec.ts',
      '<rootDir>/test/reports/committee.e2e.spec.ts',
      '<rootDir>/test/reports/history.e2e.spec.ts',
    ],
    threshold: 80,
  },
};

module.exports = { SCOPES };
