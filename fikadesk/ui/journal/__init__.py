"""The Journal tab: the entry list, the editor, quick capture, the trash and their models."""
