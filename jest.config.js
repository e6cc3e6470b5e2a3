// One jest run, three projects: unit (beside the code), e2e (real server, real databases) and
// browser (real Chromium). `npm test` runs them all; `npm run test:unit` etc. run one.
const moduleNameMapper = {
  '^@rubricon/(contracts|postings|generation|sandbox|collab|scoring|mail)$': '<rootDir>/libs/$1/src',
};
const transform = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2023',
      },
    },
  ],
};
const common = {
  rootDir: __dirname,
  // `entities` ships ESM only; swc turns it into CommonJS for jest like our own sources.
  transformIgnorePatterns: ['/node_modules/(?!entities/)'],
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json', 'node'],
  moduleNameMapper,
  transform,
};
module.exports = {
  // An in-process app on Redis can leave a reconnect timer of a Redis client behind after its suite
  // (found: socket.io adapter copies, now closed with the instance; another remains, not yet found).
  // Without this, jest would wait for ever after the last suite instead of exiting.
  forceExit: true,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{libs,apps}/**/*.spec.ts'] },
    // Real servers share 2 cores with jest: they wait longer than jest's 5 s (tests/support/timeouts.ts).
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/tests/e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      setupFilesAfterEnv: ['<rootDir>/tests/support/timeouts.ts'],
    },
    {
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/tests/browser/**/*.browser-spec.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      setupFilesAfterEnv: ['<rootDir>/tests/support/timeouts.ts'],
    },
  ],
};
