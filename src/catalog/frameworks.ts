/**
 * How each framework declares request-serving code, as data (tables in src/catalog/frameworks/).
 * The context layer (src/context/) reads them; a framework of a known shape is a new entry there.
 */
export * from './frameworks/types.js';
export * from './frameworks/servers.js';
export * from './frameworks/classes.js';
export * from './frameworks/files.js';
export * from './frameworks/shapes.js';
export * from './frameworks/checked-types.js';
