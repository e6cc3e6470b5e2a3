/** DTO shapes and socket event maps shared by the API and the web app. */
export * from './auth';
export * from './postings';
export * from './assessments';
export * from './attempts';
export * from './errors';
export * from './invitations';
export * from './interviews';
export * from './scoring';
export * from './mail';
