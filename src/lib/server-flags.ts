/**
 * Node flags of the web server process: `npm start` (package.json) passes the same ones, and the
 * public-pages bench starts its servers with these so it measures what production runs.
 *
 * A larger young generation: rendering a page allocates a lot of short-lived objects (Payload's
 * and Drizzle's query building, view models), and with V8's default 16 MB semi-space they were
 * scavenged, and partly promoted, several times a second. With 64 MB the bench's uncached pages
 * took 17–22 % less CPU (docs/benchmarks.md, 2026-12-06); the young generation grows towards the
 * limit only under that allocation rate (at most 3 × 64 MB).
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=64']
