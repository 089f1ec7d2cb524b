import type { ImportMap } from 'payload'

// importMap.js is generated (npm run cms:importmap); this gives it a type for tsc.
export declare const importMap: ImportMap
