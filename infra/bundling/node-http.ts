/**
 * What bundled code imports from `node:http` (today only @middy/util's STATUS_CODES), taken
 * from the CommonJS module object. Importing `node:http` as ESM builds its namespace, which
 * reads every lazy getter and so loads undici: ~55 ms of each cold start, for nothing.
 * A name added here that bundled code needs must exist on the CommonJS module too.
 */
export const { STATUS_CODES } = process.getBuiltinModule('node:http');
