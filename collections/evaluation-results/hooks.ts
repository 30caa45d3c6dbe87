// Results are machine output of a run (collections/evaluation-runs): no hooks of their own.
export {}
