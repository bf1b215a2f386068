export { createNodeEs256Suite } from './es256-suite.js';
export { createNodePlatform } from './node-platform.js';
