"""Tools that start the real portal stack on loopback and drive it: `make faults` and `make bench`."""
