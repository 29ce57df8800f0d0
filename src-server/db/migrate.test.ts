import { describe, expect, it } from 'vitest';
import { MIGRATIONS, splitStatements } from './migrate';

describe('migrations', () => {
  it('are numbered 1, 2, … without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('split into statements, keeping a $$ function body whole', () => {
    const parts = splitStatements('CREATE TABLE a (x int);\n-- note;\nCREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  RAISE EXCEPTION \'no\';\nEND;\n$$;\nCREATE INDEX i ON a (x);');
    expect(parts).toHaveLength(3);
    expect(parts[1]).toContain('RAISE EXCEPTION');
  });
});
