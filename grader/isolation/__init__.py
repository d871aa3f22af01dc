"""Running a submission: isolation levels, the worker and its sandbox, the wire between them."""
