"""The post kit: a ready post for every article and infographic, and the campaign calendar.

For each published article and each infographic, in each language it exists
in, the communications team gets a Facebook post, a shorter Zalo OA message,
a Zalo OA article draft (JSON) and the images to attach, with their alt
text; on the site, a folded "Đăng bài" panel with copy buttons and one zip
per post; and a campaign calendar (a staff page and an iCalendar feed). One
module per concern, imported one way (campaign first, pages last; the platforms' limits
are wardpub.data.post_limits, which article checks read too):

- `limits`    the platforms' limits every post keeps (leaf module: articles use it too)
- `campaign`  docs/_data/bai-dang.yml: the campaign's UTM name and default hashtags
- `texts`     the words of each post, from specs and front matter, with UTM-tagged links
- `zalo`      the Zalo OA article draft and the JSON Schema it is checked against
- `kit`       the posts of a project, their files, deterministic zips and the manifest
- `calendar`  docs/_data/lich-dang-bai.yml: its checks, the iCalendar feed
- `pages`     the "Đăng bài" panels and the calendar page, in HTML

This package's __init__ imports nothing, so `wardpub.data.articles` can read the
limits without a cycle.
"""
