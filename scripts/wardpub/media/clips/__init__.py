"""Short vertical clips for Reels, TikTok and Zalo, made from the infographics' own specs.

One layout, many outputs: a clip's frames are the infographic's spec laid
out by the one engine (wardpub.media.infographics) in the `clip` format and drawn
by its raster backend once per time step, each layer group with its effect.
Motion is data: a timeline per template in infographics/templates/clips/.
One module per concern:

- `timeline`  the timelines' schema and checks, easing, and a clip's schedule (motions, cues, length)
- `kit`       every infographic's clips resolved, scheduled, checked and keyed (run by wardpub.project)
- `frames`    the frames: the cards as one page, painted drawing only what changes
- `encode`    ffmpeg (imageio-ffmpeg) fed raw frames through a pipe: H.264 High, AAC, +faststart
- `subtitles` the texts as they appear, timed, as SRT and WebVTT
- `store`     the content-addressed cache of rendered clips
- `output`    rendering what the cache lacks (process pool, progress bar), the manifest, the site's files
- `pages`     the clip on each infographic's section: a `<video>` that downloads nothing before play
- `command`   `wardpub clips --out …`
This package's __init__ imports nothing: importers name the module they use.
"""
