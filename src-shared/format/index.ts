export * from './format-figure';
