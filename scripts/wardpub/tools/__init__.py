"""Tools for engineers: benchmarks and their baselines, synthetic sites,
headless Chromium and a static server for tests, the end-of-life check.
Nothing in the published build imports them.
"""
