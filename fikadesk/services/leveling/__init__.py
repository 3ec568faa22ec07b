"""Leveling use cases: ladders, the target, evidence links, snapshots, suggestions and charts."""
