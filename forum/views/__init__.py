"""Forum pages. Each view loads what it shows in a fixed number of queries, asks
`forum.permissions` whether the person may see or do it, and calls `forum.services`.

The modules, by concept (forum/urls.py points at each):

- `access`: loading a category, topic or post with permission; the login redirect for
  anonymous readers of members-only categories.
- `reading`: the index, categories, topics, a post's permalink, fragment and history.
- `posting`: new topics, replies, edits and deleting one's own post.
- `flags`: flagging a post.
- `moderation`: decisions on posts and topics, the queue, the log, suspensions, watched
  words.
- `notifications`: following topics and categories, the notification list.
"""
