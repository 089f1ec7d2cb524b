#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx: works right after npm install, no build step,
// on any Node that tsx supports (including the system Node 20).
import { register } from 'tsx/esm/api'

register()
await import('../cli/yorisoi.ts')
