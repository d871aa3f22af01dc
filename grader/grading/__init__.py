"""The grading core: checks, the probes they run in the worker, oracles, diagnoses, the contract."""
