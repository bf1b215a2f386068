export { createNodeEs256Suite } from './es256-suite.js';
export { inflateZlib } from './inflate-zlib.js';
export { createNodePlatform } from './node-platform.js';
