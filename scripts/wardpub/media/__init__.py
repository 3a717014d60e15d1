"""Drawing: one layout engine and its outputs.

The infographics engine (specs and templates laid out once, drawn by a
backend each: raster for feed images and clip frames, PDF for print, PPTX for
slides), charts, clips, the print kit and the short links printed in QR codes.
Modules here read `wardpub.data` and the foundation, never `wardpub.site`.
"""
