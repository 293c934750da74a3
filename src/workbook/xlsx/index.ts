// Everything of the xlsx adapter: the browser-safe part and the Node-only additions.
export * from './browser';
export * from './readFile';
export * from './nodeBuffer';
