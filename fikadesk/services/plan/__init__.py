"""Promotion plan use cases: the plan, its checklist and the 1:1 thread of check-ins."""
