"""How Thaw's bytes reach the disk and come back: safe files, the lock, layout, backups."""
