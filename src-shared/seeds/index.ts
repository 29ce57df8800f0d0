export * from './parse-indicator-set';
export * from './parse-zone-registry';
export * from './builtin';
export * from './examples';
export * from './zones-from-sheet';
