"""The limits every post keeps, with where each comes from.

A leaf module (it imports nothing of wardpub): the article front matter's
checks and the post kit read the same numbers.

- Facebook shows about 125 characters of a post on a phone before "Xem thêm"
  (See more): the first line, the hook, stands alone within HOOK_MAX.
  A post itself may hold 63,206 characters.
- Zalo OA's article API (v2.0 article/create) accepts a title of at most 150
  characters, a description of at most 300, an author of at most 50 and
  images (cover and body) of at most 1 MB each.
- Zalo OA's own text replies are capped at 500 characters: the Zalo message
  of a kit stays within that, so it reads whole in a chat bubble.
"""

from __future__ import annotations

HOOK_MAX = 120
FACEBOOK_MAX = 63_206
HASHTAGS_MIN, HASHTAGS_MAX = 1, 3
ZALO_MESSAGE_MAX = 500
ZALO_TITLE_MAX = 150
ZALO_DESCRIPTION_MAX = 300
ZALO_AUTHOR_MAX = 50
ZALO_IMAGE_BYTES = 1_000_000  # "1 MB": the decimal reading is the safe one
