export * from './validate-return';
