export * from './ast';
export * from './parse-expression';
export * from './evaluate-expression';
export * from './evaluate-interval';
