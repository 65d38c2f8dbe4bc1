// PGlite (real PostgreSQL in WebAssembly) in a child process for the SQL tests (docs/sql.md):
// PGlite loads Node built-ins with dynamic import(), which Jest's module sandbox refuses, so the
// tests talk to it over the IPC channel instead. One message in ({ id, sql, exec }), one out.
const { PGlite } = require('@electric-sql/pglite');

let db;
process.on('message', async (msg) => {
  try {
    db ??= await PGlite.create();
    if (msg.exec) {
      await db.exec(msg.sql);
      process.send({ id: msg.id, rows: [] });
    } else {
      const res = await db.query(msg.sql);
      process.send({ id: msg.id, rows: res.rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null ? null : String(v)]))) });
    }
  } catch (err) {
    process.send({ id: msg.id, error: String(err && err.message ? err.message : err) });
  }
});
process.on('disconnect', () => process.exit(0));
