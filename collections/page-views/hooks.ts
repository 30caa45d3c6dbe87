// Page-view rows are written by the server's batch flusher (src/sites, PageViewCounter) through
// the Local API with overrideAccess; no hooks are needed, and none run on the hot path.
export {}
