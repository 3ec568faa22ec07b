"""The Interview tab: questions, answers, rehearsal, speech practice and its dialogs."""
