#!/usr/bin/env node
// The committed launcher of `mailbridge-emulator`. It exists so that a workspace install can
// link the bin before `dist/` is built; the program itself is dist/bin.js.
import '../dist/bin.js';
