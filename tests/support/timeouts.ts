// e2e and browser suites start real servers, databases and Chromium on a 2-core machine that jest
// itself keeps busy: a step that takes 200 ms when the machine is quiet can take seconds under load.
// A suite that needs longer still says so itself (jest.setTimeout or a per-test timeout).
jest.setTimeout(30_000);
