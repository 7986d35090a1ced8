#!/usr/bin/env node
// The committed launcher of `mailbridge`, so a workspace install can link the bin before
// `dist/` is built; the program itself is dist/cli.js.
import '../dist/cli.js';
