"""Interview area rules: answers, the coach, key terms, questions, rehearsal and speech."""
