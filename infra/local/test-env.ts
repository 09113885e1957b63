/** setupFile for tests against the local stack: handlers imported by a test read this env. */
import { inject } from 'vitest';

Object.assign(process.env, inject('stackEnv'));
