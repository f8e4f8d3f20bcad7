"""The model registry: one owner for installing, switching, deleting and cleaning up model folders."""
