/** Old path, kept until the callers outside runs/ import RunsService or sandbox-pool.provider; remove then. */
export { SandboxPool } from './sandbox-pool.provider';
