/** One jest run for every tier: unit specs, integration specs against real files, end-to-end suites. */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

const aliases = {};
for (const lib of ['domain', 'event-store', 'projections', 'frameworks', 'reporting', 'privacy', 'application']) {
  aliases[`^@coprod/${lib}$`] = `<rootDir>/libs/${lib}/src`;
  aliases[`^@coprod/${lib}/(.*)$`] = `<rootDir>/libs/${lib}/src/$1`;
}

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  transform: { '^.+\\.(t|j)s$': swc },
  moduleNameMapper: aliases,
  // No test inherits a deployment's EVENTSTORE_CONNECTION_STRING (see test/support/forget-deployment-store.ts).
  setupFiles: ['<rootDir>/test/support/forget-deployment-store.ts'],
  testTimeout: 30000,
  maxWorkers: 2,
};
