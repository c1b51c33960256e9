"""What Thaw's records are: their shapes, the rules their values follow, their stored form."""
