/**
 * The scheme as SQL (docs/sql.md) on PostgreSQL (PGlite, real PostgreSQL in WebAssembly): for every scheme option the
 * query equals the engine row by row on generated tables with heavy ties and invalid cells.
 */
import { cases, nestedRandomCases, randomCases } from './cases';
import { checkCase, closeDatabases } from './helpers';

afterAll(closeDatabases);

describe('SQL on PostgreSQL equals the engine', () => {
  for (const c of cases()) {
    test(c.name, async () => {
      const scored = await checkCase('postgres', c.table, c);
      expect(scored).toBeGreaterThan(0);
    });
  }
  for (const c of randomCases(25, 8)) {
    test(c.name, async () => {
      await checkCase('postgres', c.table, c);
    });
  }
  for (const c of nestedRandomCases(10, 18)) {
    test(c.name, async () => {
      await checkCase('postgres', c.table, c);
    });
  }
});
