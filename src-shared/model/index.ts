export * from './indicator-set';
export * from './return';
export * from './zone-registry';
export * from './results';
