// npm run generate: brings the CLI's build up to date, then runs it in this same process, which saves
// a second Node start-up (about a tenth of a second of a run that should stay under two).
import { createRequire } from 'node:module';
import { buildTargets } from './build.mjs';

if (buildTargets(['cli'])) createRequire(import.meta.url)('../dist/apps/cli/generate.js');
else process.exitCode = 1;
