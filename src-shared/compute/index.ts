export * from './compute-growth';
export * from './convert-unit';
export * from './compute-return';
export * from './consolidate';
