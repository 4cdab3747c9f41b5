#!/usr/bin/env node
// The `rapport` command. Runs the compiled JavaScript (`npm run build`, done by `npm install`).
import { run } from '../dist/cli/index.js'

run(process.argv.slice(2))
