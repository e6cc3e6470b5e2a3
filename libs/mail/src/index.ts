/** Candidate mail, rendered: subjects, plain-text and HTML bodies, and interview calendar files. Pure, no SMTP. */
export * from './types';
export * from './header-safe';
export * from './when';
export * from './ics';
export * from './render';
