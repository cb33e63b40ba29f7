// How many events the services' consumers handled: the rows of every service schema's
// processed_event inbox. A consumer writes one row per event it handles, in the very transaction
// that runs the handler, and only for events it has not handled before; so a row is one handled
// consumption, committed. The Prometheus counter cbec_messages_consumed_total (libs/messaging)
// is not used: it is incremented before that transaction commits, so a run of events rolled back
// and retried (a handler failing further on in the run) counts twice. The inbox keeps its rows for
// the dedup window (7 days), so none is pruned during a run (unless --history-age puts the
// synthetic rows beyond it, which would make the difference too small).
const { serviceSchemas } = require('./history');

const QUIET_POLL_MS = 1000;
const QUIET_MAX_MS = 20_000;

/** processed_event rows of each service schema. */
async function inboxRows(client) {
  const rows = {};
  for (const schema of await serviceSchemas(client)) rows[schema] = Number((await client.query(`SELECT count(*) AS n FROM "${schema}".processed_event`)).rows[0].n);
  return rows;
}

/**
 * The inbox rows once they stop growing: the platform sees COMPLETED while other consumers may
 * still be handling the events around it, and those consumptions belong to the phase just ended.
 * Gives up waiting after QUIET_MAX_MS and returns what it counted last.
 */
async function quietInboxRows(client) {
  const until = Date.now() + QUIET_MAX_MS;
  let last = await inboxRows(client);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, QUIET_POLL_MS));
    const now = await inboxRows(client);
    if (total(now) === total(last) || Date.now() > until) return now;
    last = now;
  }
}

/** Handled consumptions per completed order between two counts, in all and per schema. */
function consumptionsPerOrder(before, after, completed) {
  if (!completed) return { perOrder: null, bySchema: null };
  const bySchema = Object.fromEntries(Object.keys(after).map((schema) => [schema, (after[schema] - (before[schema] ?? 0)) / completed]));
  return { perOrder: (total(after) - total(before)) / completed, bySchema };
}

function total(rows) {
  return Object.values(rows).reduce((sum, n) => sum + n, 0);
}

module.exports = { quietInboxRows, consumptionsPerOrder };
