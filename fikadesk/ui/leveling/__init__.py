"""The Target tab: the ladder, readiness, the editor and import of ladders, snapshots."""
