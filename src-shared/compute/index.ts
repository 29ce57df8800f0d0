export * from './compute-growth';
export * from './convert-unit';
export * from './compute-return';
export * from './consolidate';
export * from './consolidate-by-zone-type';
