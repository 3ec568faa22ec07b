"""Interview use cases: jobs, questions, answers, rehearsal and the speech of spoken takes."""
