"""Worker scripts the storage proof tests run as separate processes."""
