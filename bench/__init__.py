"""Tools that start the real portal stack and drive it: fault tests now, benchmarks later."""
