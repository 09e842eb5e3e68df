#!/usr/bin/env node
// Kefu runs its TypeScript sources directly through tsx: no build step between a checkout and
// a working CLI. See docs/decisions/0002-run-typescript-with-tsx.md.
import { register } from 'tsx/esm/api';

register();
await import('../cli/kefu.ts');
