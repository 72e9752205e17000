"""The machinery that runs stages: declarations, the plan check, the runner and its executors."""
