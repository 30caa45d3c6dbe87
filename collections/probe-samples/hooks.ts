// Samples are machine output of the siteProbe job (src/scorecard/jobs): no hooks of their own.
export {}
