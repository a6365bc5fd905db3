// Imported first by harness.ts: the harness bundle has its own copy of zod, and its schemas decide
// at construction whether to compile parsers with `new Function`. Under DevTools evaluation that
// probe succeeds, but the page's CSP (script-src 'self') then forbids the compiled call later.
import { z } from 'zod';

z.config({ jitless: true });
