/** Rubric maths and agreement statistics, framework-free: the API's scoring and scorecards build on it. */
export * from './scorecard';
export * from './agreement';
export * from './icc';
export * from './alpha';
export * from './bands';
export * from './calibration';
export * from './csv';
