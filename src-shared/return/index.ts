export * from './parse-return';
export * from './canonical-json';
export * from './empty-return';
