export * from './format-figure';
export * from './local-time';
